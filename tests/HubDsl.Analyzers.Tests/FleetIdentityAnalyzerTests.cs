namespace HubDsl.Analyzers.Tests;

using Verify = AnalyzerVerifier<FleetIdentityAnalyzer>;

/// <summary>HUB023: the MSBuild property HubDslFleet must be a valid label name (it has no source span: no location).</summary>
public sealed class FleetIdentityAnalyzerTests
{
    private static (string, string)[] Fleet => new[] { ("/0/Test0.cs", Sources.Make()) };

    [Theory]
    [InlineData("Team A", "it may contain only lower-case letters, digits, '-', '_' and '.' (found 'T'), e.g. 'team-a'")]
    [InlineData("team-", "it must start and end with a lower-case letter or digit, e.g. 'team'")]
    [InlineData("fleet.hubdsl.io/team", "it may contain only lower-case letters, digits, '-', '_' and '.' (found '/'), e.g. 'fleet.hubdsl.io-team'")]
    public Task HUB023_an_invalid_declared_fleet(string declared, string problem) => Verify.VerifyAsync(
        Fleet,
        "build_property.HubDslFleet = " + declared,
        Verify.Diagnostic("HUB023").WithNoLocation().WithArguments(
            "HubDslFleet '" + declared + "' is not a valid fleet identity: " + problem + ". It becomes the label name in fleet.hubdsl.io/<fleet>, so it must be a Kubernetes label name in lower case (at most 63 characters); change <HubDslFleet> in the project file."));

    [Fact]
    public Task HUB023_a_declared_fleet_longer_than_a_label_name() => Verify.VerifyAsync(
        Fleet,
        "build_property.HubDslFleet = " + new string('a', 64),
        Verify.Diagnostic("HUB023").WithNoLocation().WithArguments(
            "HubDslFleet '" + new string('a', 64) + "' is not a valid fleet identity: it has 64 characters; at most 63 are allowed (a label name), e.g. '" + HubDsl.Core.Manifests.FleetIdentity.FromAssemblyName(new string('a', 64)) + "'. It becomes the label name in fleet.hubdsl.io/<fleet>, so it must be a Kubernetes label name in lower case (at most 63 characters); change <HubDslFleet> in the project file."));

    [Theory]
    [InlineData("build_property.HubDslFleet = team-a")]
    [InlineData("build_property.HubDslFleet = platform.payments_v2")]
    [InlineData("build_property.HubDslFleet = ")]
    [InlineData(null)]
    public Task A_valid_or_absent_fleet_is_silent(string? config) => Verify.VerifyAsync(Fleet, config);
}
