namespace HubDsl.Analyzers.Tests;

using Verify = AnalyzerVerifier<ValuesAnalyzer>;

/// <summary>HUB010 and HUB011, including the scenario's "64mi".</summary>
public sealed class ValuesAnalyzerTests
{
    [Fact]
    public Task HUB010_the_scenario_typo_64mi_in_a_record_default() => Verify.VerifyAsync(
        Sources.Make() .Replace("new(Requests: new(\"64Mi\", \"100m\")", "new(Requests: new({|#0:\"64mi\"|}, \"100m\")"),
        Verify.Diagnostic("HUB010").WithLocation(0).WithArguments("App.Defaults: resources.requests.memory = '64mi' is not a Kubernetes quantity; did you mean '64Mi'?"));

    [Theory]
    [InlineData("1.5.Gi", "App.Prod: resources.limits.memory = '1.5.Gi' is not a Kubernetes quantity (a number with an optional suffix such as m, Mi, Gi, k, M, G, with no spaces).")]
    [InlineData("100 m", "App.Prod: resources.limits.memory = '100 m' is not a Kubernetes quantity; did you mean '100m'?")]
    public Task HUB010_in_an_environment_override(string quantity, string message) => Verify.VerifyAsync(
        Sources.Make(values: """
            [Values] public static readonly AppValues Defaults = new();
            [Values("staging")] public static readonly AppValues Staging = Defaults;
            [Values("prod")] public static readonly AppValues Prod = Defaults with { Resources = new(Limits: new({|#0:"QTY"|}, "1")) };
        """.Replace("QTY", quantity)),
        Verify.Diagnostic("HUB010").WithLocation(0).WithArguments(message));

    [Fact]
    public Task Valid_quantities_are_silent() => Verify.VerifyAsync(Sources.Make(values: """
            [Values] public static readonly AppValues Defaults = new();
            [Values("staging")] public static readonly AppValues Staging = Defaults with { Resources = new(new("1e3", "0.5"), new("1k", ".75")) };
            [Values("prod")] public static readonly AppValues Prod = Defaults with { Resources = new(new("1Gi", "250m"), new("1.5Gi", "2")) };
        """));

    [Fact]
    public Task HUB011_request_above_limit_across_units() => Verify.VerifyAsync(Sources.Make(values: """
            [Values] public static readonly AppValues Defaults = new();
            [Values("staging")] public static readonly AppValues Staging = Defaults;
            [Values("prod")] public static readonly AppValues Prod = Defaults with { Resources = new(new({|#0:"2Gi"|}, "1"), new("2000M", "1000m")) };
        """),
        Verify.Diagnostic("HUB011").WithLocation(0).WithArguments("App.Prod: resources.requests.memory (2Gi) is more than the limit (2000M); Kubernetes rejects the Pod. Lower the request or raise the limit."));

    [Fact]
    public Task Request_equal_to_limit_is_silent() => Verify.VerifyAsync(Sources.Make(values: """
            [Values] public static readonly AppValues Defaults = new();
            [Values("staging")] public static readonly AppValues Staging = Defaults;
            [Values("prod")] public static readonly AppValues Prod = Defaults with { Resources = new(new("1Gi", "1"), new("1024Mi", "1000m")) };
        """));
}
