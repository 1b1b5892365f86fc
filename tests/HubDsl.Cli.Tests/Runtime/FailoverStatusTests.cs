using System.Threading.Tasks;
using HubDsl.KubeEmulator;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>`hubdsl status --for FAILOVER`: one declared pair's state, from the project's generated alerts file.</summary>
public sealed class FailoverStatusTests
{
    // The annotation the build writes on monitoring/failover-alerts.yaml (FailoverAlertsTests checks the generator writes it).
    private static string Project(RuntimeFleet fleet)
    {
        var folder = Path.Combine(fleet.Folder, "project");
        Directory.CreateDirectory(Path.Combine(folder, "monitoring"));
        File.WriteAllText(Path.Combine(folder, "monitoring", "failover-alerts.yaml"), """
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: fleet-failover
              namespace: argocd
              annotations:
                failover.hubdsl.io/agent: '{"primary":"prod","standby":"dr","host":"agent.example.com","trafficLabel":"traffic=active"}'
            spec:
              groups: []
            """);
        return folder;
    }

    [Fact]
    public async Task Reports_the_pair_and_follows_the_traffic_label()
    {
        await using var fleet = await FailoverFleet.StartAsync();
        var project = Project(fleet);

        var before = await fleet.RunAsync("status", "--for", "agent", "--project", project, "-o", "json");
        Assert.True(before.ExitCode == 0, before.ToString());
        var json = JsonNode.Parse(before.Stdout)!;
        Assert.Equal(new[] { "prod" }, json["failover"]!["trafficOn"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray());
        Assert.True(json["standby"]!["ready"]!.GetValue<bool>());
        Assert.Equal("agent-dr", json["standby"]!["applications"]![0]!["name"]!.GetValue<string>());
        Assert.DoesNotContain("staging", before.Stdout);

        Assert.Equal(0, (await fleet.RunAsync("failover", "prod", "--to", "dr", "--yes")).ExitCode);
        var after = await fleet.RunAsync("status", "--for", "agent", "--project", project);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Contains("traffic on 'dr'", after.Stdout);
    }

    [Fact]
    public async Task An_unready_standby_is_exit_1()
    {
        await using var fleet = await FailoverFleet.StartAsync();
        var project = Project(fleet);
        fleet["dr"].Faults.RefuseConnections();

        var run = await fleet.RunAsync("status", "--for", "agent", "--project", project, "--probe-timeout", "2");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("standby 'dr': not Connected", run.Stdout);
    }

    [Fact]
    public async Task An_undeclared_failover_is_exit_2_naming_the_declared_ones()
    {
        await using var fleet = await FailoverFleet.StartAsync();
        var run = await fleet.RunAsync("status", "--for", "nope", "--project", Project(fleet));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the project declares no failover 'nope'", run.Stderr);
        Assert.Contains("has agent", run.Stderr);
    }
}
