using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using HubDsl.KubeEmulator;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>`hubdsl status`: clusters and Applications, exit codes, the JSON contract for failover automation, --watch.</summary>
public sealed class StatusTests
{
    private static async Task<RuntimeFleet> FleetAsync()
    {
        var fleet = await RuntimeFleet.StartAsync("staging", "prod");
        foreach (var spoke in new[] { "staging", "prod" })
        {
            var run = await fleet.RunAsync("cluster", "add", spoke, "--yes");
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        return fleet;
    }

    private static void SeedApp(RuntimeFleet fleet, string name, string server, string sync, string health) =>
        fleet.Hub.Seed($$"""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: { name: {{name}}, namespace: argocd }
            spec: { project: default, destination: { server: '{{server}}', namespace: agent }, source: { repoURL: 'https://example.test', path: helm } }
            status: { sync: { status: {{sync}} }, health: { status: {{health}} } }
            """);

    [Fact]
    public async Task Everything_reachable_synced_and_healthy_is_exit_0_with_the_json_contract()
    {
        await using var fleet = await FleetAsync();
        SeedApp(fleet, "agent-staging", fleet.ServerOf(fleet["staging"]), "Synced", "Healthy");
        SeedApp(fleet, "agent-prod", fleet.ServerOf(fleet["prod"]), "Synced", "Healthy");

        var run = await fleet.RunAsync("status", "-o", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(run.Stdout)!.AsObject();
        Assert.Equal(new[] { "clusters", "applications", "problems" }, json.Select(p => p.Key).ToArray());
        Assert.Empty(json["problems"]!.AsArray());
        Assert.Equal(new[] { "prod", "staging" }, json["clusters"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToArray());
        Assert.All(json["clusters"]!.AsArray(), c => Assert.Equal("Successful", c!["connection"]!["status"]!.GetValue<string>()));
        var app = json["applications"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "agent-prod")!;
        Assert.Equal("prod", app["cluster"]!.GetValue<string>());
        Assert.Equal(fleet.ServerOf(fleet["prod"]), app["server"]!.GetValue<string>());
        Assert.Equal("Synced", app["syncStatus"]!.GetValue<string>());
        Assert.Equal("Healthy", app["healthStatus"]!.GetValue<string>());
        Assert.Equal("default", app["project"]!.GetValue<string>());
        foreach (var spoke in fleet.Spokes) Assert.DoesNotContain(fleet.SpokeToken(spoke)!, run.All);
    }

    [Theory]
    [InlineData("OutOfSync", "Healthy")]
    [InlineData("Synced", "Degraded")]
    [InlineData("Synced", "Progressing")]
    public async Task An_application_not_synced_and_healthy_is_exit_1(string sync, string health)
    {
        await using var fleet = await FleetAsync();
        SeedApp(fleet, "agent-staging", fleet.ServerOf(fleet["staging"]), "Synced", "Healthy");
        SeedApp(fleet, "agent-prod", fleet.ServerOf(fleet["prod"]), sync, health);

        var run = await fleet.RunAsync("status");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Stdout.Split('\n'), l => l.Contains("agent-prod") && l.Contains(sync) && l.Contains(health) && l.Contains("prod"));
        Assert.Contains("1 not Synced and Healthy", run.Stdout);
    }

    [Fact]
    public async Task An_unreachable_cluster_is_exit_1_and_the_rest_is_still_reported()
    {
        await using var fleet = await FleetAsync();
        SeedApp(fleet, "agent-staging", fleet.ServerOf(fleet["staging"]), "Synced", "Healthy");
        fleet["prod"].Faults.RefuseConnections();

        var run = await fleet.RunAsync("status", "-o", "json", "--probe-timeout", "2");

        Assert.Equal(1, run.ExitCode);
        var clusters = JsonNode.Parse(run.Stdout)!["clusters"]!.AsArray();
        Assert.Equal("Failed", clusters.Single(c => c!["name"]!.GetValue<string>() == "prod")!["connection"]!["status"]!.GetValue<string>());
        Assert.Equal("Successful", clusters.Single(c => c!["name"]!.GetValue<string>() == "staging")!["connection"]!["status"]!.GetValue<string>());
        Assert.Single(JsonNode.Parse(run.Stdout)!["applications"]!.AsArray());
    }

    [Fact]
    public async Task A_hub_without_argo_cd_is_a_clear_error()
    {
        await using var fleet = await FleetAsync();
        fleet.Hub.Resources.Delete(ResourceCatalog.CustomResourceDefinitions, null, "applications.argoproj.io", null, dryRun: false);

        var run = await fleet.RunAsync("status");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is Argo CD installed", run.Stderr);
    }

    [Fact]
    public async Task Watch_refreshes_until_cancelled()
    {
        await using var fleet = await FleetAsync();
        SeedApp(fleet, "agent-staging", fleet.ServerOf(fleet["staging"]), "Synced", "Healthy");
        using var cancel = new CancellationTokenSource();
        var run = fleet.RunWithAsync(null, cancel.Token, "status", "--watch", "--interval", "0.2", "-o", "json");

        var clock = Stopwatch.StartNew();
        // Generous bound: on a loaded CI machine a refresh can take far longer than its 0.2 s interval.
        while (fleet.Hub.Requests.Entries.Count(e => e.Path.EndsWith("/applications", StringComparison.Ordinal)) < 4 && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }

        cancel.Cancel();
        var result = await run;

        Assert.True(result.ExitCode == 0, "Ctrl+C must exit with the last complete refresh's code:\n" + result);
        // Cancellation may cut the refresh being written; every complete line is one JSON report.
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (lines.Count > 0 && !result.Stdout.EndsWith('\n')) lines.RemoveAt(lines.Count - 1);
        Assert.True(lines.Count >= 2, result.ToString());
        Assert.All(lines, l => Assert.Equal(3, JsonNode.Parse(l)!.AsObject().Count));
    }

    [Fact]
    public async Task Status_runs_through_the_tool_entry_point_with_table_output()
    {
        await using var fleet = await FleetAsync();
        SeedApp(fleet, "agent-staging", fleet.ServerOf(fleet["staging"]), "Synced", "Healthy");

        var run = await Cli.RunAppAsync("status", "--kubeconfig", fleet.Kubeconfig);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("APPLICATION", run.Stdout);
        Assert.Contains("2 cluster(s), 0 unreachable; 1 application(s), 0 not Synced and Healthy", run.Stdout);
    }
}
