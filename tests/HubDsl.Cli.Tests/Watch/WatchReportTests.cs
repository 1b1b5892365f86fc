using System.Threading;
using System.Threading.Tasks;
namespace HubDsl.Cli.Tests.Watch;

/// <summary>
/// The report names the Applications a save changed, per cluster, with what changed: the effective Helm values
/// (the values files merged as Helm merges them, so a default that a cluster's own file overrides is not a change
/// there), the destination and the sync policy.
/// </summary>
[Collection(WatchCollection.Name)]
public sealed class WatchReportTests
{
    [Fact]
    public async Task A_save_reports_the_changed_Applications_per_cluster_with_old_and_new_values()
    {
        using var copy = FleetCopy.Create("report");
        var watch = new WatchHarness(copy);
        Assert.True(await watch.StartAsync());

        // The default replica count: prod and dr override it (3), so only staging's Application changes.
        Assert.True(await watch.SavedAsync(copy.Edit("Agent.cs", "AgentValues Defaults = new();", "AgentValues Defaults = new() { Replicas = 2 };")));
        var report = watch.LastReport;
        Assert.Contains("helm/values-fleet.yaml", report["written"]!.AsArray().Select(w => (string?)w));
        var change = report["applications"]!.AsArray().Single()!;
        Assert.Equal(("agent-staging", "staging", "changed"), ((string?)change["application"], (string?)change["cluster"], (string?)change["change"]));
        var replicas = change["values"]!.AsArray().Single()!;
        Assert.Equal(("replicas", "1", "2"), ((string?)replicas["name"], (string?)replicas["old"], (string?)replicas["new"]));

        // The destination namespace: every cluster's Application, as a field change.
        Assert.True(await watch.SavedAsync(copy.Edit("Agent.cs", "Namespace: \"agent\"", "Namespace: \"agents\"")));
        var moved = watch.LastReport["applications"]!.AsArray();
        Assert.Equal(["dr", "prod", "staging"], moved.Select(a => (string)a!["cluster"]!).ToArray());
        Assert.All(moved, a => Assert.Contains(a!["fields"]!.AsArray(), f => (string?)f!["name"] == "destination" && ((string?)f["new"])!.Contains("namespace: agents", StringComparison.Ordinal)));

        // The text report says the same in one line per Application.
        var text = new StringWriter();
        new HubDsl.Cli.Watch.ReportWriter(text, json: false).Write(new HubDsl.Cli.Watch.ChangeReport("pass", ["AgentValues.cs"])
        {
            Outcome = "written",
            Written = ["helm/values.yaml"],
            Applications = [new HubDsl.Cli.Watch.ApplicationChange("agent-staging", "staging", "changed", [], [new HubDsl.Cli.Watch.FieldChange("replicas", "1", "2")])],
            Diagnostics = [new HubDsl.Cli.Watch.ReportedDiagnostic("Agent.cs", 12, "HUB010", "warning", "bad")],
        });
        Assert.Equal(
            "watch: AgentValues.cs saved; 1 written, 0 deleted\n  wrote   helm/values.yaml\n  agent-staging on staging: values replicas: 1 → 2\n  Agent.cs:12: HUB010: bad\n",
            text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
