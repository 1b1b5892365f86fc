using System.Threading.Tasks;
using HubDsl.Cli.Runtime;
using HubDsl.KubeEmulator;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>
/// Two fleets (two HubDsl projects) on one hub: each applies as its own field manager and prunes only what it
/// labelled; a cluster both declare keeps both fleets' labels.
/// </summary>
public sealed class FleetOwnershipTests
{
    private static TestProject TeamA(RuntimeFleet fleet) =>
        new TestProject(Path.Combine(fleet.Folder, "team-a"), "team-a")
            .Cluster("shared", fleet.ServerOf(fleet["shared"]), ("env", "prod"), ("team-a", "true"))
            .Cluster("a-only", fleet.ServerOf(fleet["a-only"]), ("team-a", "true"))
            .AppSet("a-app", selectorLabel: "team-a");

    private static TestProject TeamB(RuntimeFleet fleet) =>
        new TestProject(Path.Combine(fleet.Folder, "team-b"), "team-b")
            .Cluster("shared", fleet.ServerOf(fleet["shared"]), ("env", "prod"), ("team-b", "true"))
            .AppSet("b-app", selectorLabel: "team-b");

    private static Dictionary<string, string> Labels(JsonObject? obj) =>
        (obj?["metadata"]?["labels"] as JsonObject ?? new JsonObject()).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Two_fleets_that_declare_the_same_cluster_keep_each_others_labels(bool bFirst)
    {
        await using var fleet = await RuntimeFleet.StartAsync("shared", "a-only");
        var a = TeamA(fleet);
        var b = TeamB(fleet);
        var order = bFirst ? new[] { b, a, b, a } : new[] { a, b, a, b };

        foreach (var project in order)
        {
            var run = await fleet.RunAsync("apply", "--project", project.Folder);
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        var labels = Labels(fleet.HubSecret(fleet["shared"]));
        Assert.Equal("true", labels["team-a"]);
        Assert.Equal("true", labels["team-b"]);
        Assert.Equal("true", labels["fleet.hubdsl.io/team-a"]);
        Assert.Equal("true", labels["fleet.hubdsl.io/team-b"]);
        Assert.Equal("prod", labels["env"]);
        var managers = fleet.HubSecret(fleet["shared"])!["metadata"]!["managedFields"]!.AsArray().Select(m => m!["manager"]!.GetValue<string>()).Order();
        Assert.Equal(new[] { "hubdsl-fleet-team-a", "hubdsl-fleet-team-b" }, managers);
    }
}
