using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace HubDsl.Analyzers.Tests;

using Verify = AnalyzerVerifier<TemplateAnalyzer>;

/// <summary>
/// The build puts the fleet label (fleet.hubdsl.io/&lt;fleet&gt;) on every cluster Secret, so a selector on it targets
/// the fleet's clusters, and the rules render the clusters with it as Argo CD will see them.
/// </summary>
public sealed class FleetLabelSelectorTests
{
    private static string Source(string selectorLabel) => Sources.Make(
        selector: "{|#0:ClusterSelector.WithLabels((\"" + selectorLabel + "\", \"true\"))|}",
        values: """
            [Values] public static readonly AppValues Defaults = new();
            [Values("prod")] public static readonly AppValues Prod = Defaults;
            [Values("staging")] public static readonly AppValues Staging = Defaults;
        """);

    [Fact]
    public Task A_selector_on_the_projects_fleet_label_targets_its_clusters() =>
        Verify.VerifyAsync(new[] { ("/0/Test0.cs", Source("fleet.hubdsl.io/team-a")) }, "build_property.HubDslFleet = team-a");

    [Fact]
    public Task Near_miss_a_selector_on_another_fleets_label_matches_nothing() => Verify.VerifyAsync(
        new[] { ("/0/Test0.cs", Source("fleet.hubdsl.io/team-b")) },
        "build_property.HubDslFleet = team-a",
        new DiagnosticResult("HUB005", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
            "App: the cluster selector (fleet.hubdsl.io/team-b=true) matches none of the 2 declared cluster(s), so Argo CD generates no Application. Fix the selector or the clusters' labels."));
}
