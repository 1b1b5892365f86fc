using System.Threading.Tasks;
using HubDsl.KubeEmulator;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>
/// `hubdsl failover PRIMARY --to STANDBY`: the traffic label moves between cluster Secrets on an emulated hub, only when
/// the standby can take traffic (or with --force), idempotently, with each change printed; also when the primary is
/// down, and when the hub fails half-way.
/// </summary>
public sealed class FailoverTests
{
    private static Task<RuntimeFleet> FleetAsync(string drHealth = "Healthy") => FailoverFleet.StartAsync(drHealth);

    private static string? Traffic(RuntimeFleet fleet, string spoke) => FailoverFleet.Traffic(fleet, spoke);

    [Fact]
    public async Task Moves_the_label_prints_what_changed_and_a_second_run_changes_nothing()
    {
        await using var fleet = await FleetAsync();
        var configBefore = fleet.HubSecret(fleet["dr"])!["data"]!["config"]!.GetValue<string>();

        var run = await fleet.RunAsync("failover", "prod", "--to", "dr", "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("active", Traffic(fleet, "dr"));
        Assert.Null(Traffic(fleet, "prod"));
        Assert.Contains("standby 'dr' is Connected; 1 of 1 Application(s) Synced and Healthy", run.Stdout);
        Assert.Contains("cluster 'dr': traffic=active added", run.Stdout);
        Assert.Contains("cluster 'prod': traffic=active removed", run.Stdout);
        Assert.Equal(configBefore, fleet.HubSecret(fleet["dr"])!["data"]!["config"]!.GetValue<string>());
        Assert.DoesNotContain(fleet.SpokeToken(fleet["dr"])!, run.All);

        var again = await fleet.RunAsync("failover", "prod", "--to", "dr", "--yes");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("nothing to change: 'dr' already carries traffic=active and 'prod' does not", again.Stdout);
        Assert.DoesNotContain("added", again.Stdout);
    }

    [Fact]
    public async Task Failback_is_the_same_command_reversed()
    {
        await using var fleet = await FleetAsync();
        Assert.Equal(0, (await fleet.RunAsync("failover", "prod", "--to", "dr", "--yes")).ExitCode);

        var back = await fleet.RunAsync("failover", "dr", "--to", "prod", "--yes");

        Assert.True(back.ExitCode == 0, back.ToString());
        Assert.Equal("active", Traffic(fleet, "prod"));
        Assert.Null(Traffic(fleet, "dr"));
        Assert.Contains("cluster 'prod': traffic=active added", back.Stdout);
        Assert.Contains("cluster 'dr': traffic=active removed", back.Stdout);
    }

    [Fact]
    public async Task Works_while_the_primary_is_unreachable()
    {
        await using var fleet = await FleetAsync();
        fleet["prod"].Faults.RefuseConnections();

        var run = await fleet.RunAsync("failover", "prod", "--to", "dr", "--yes", "--probe-timeout", "2");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("active", Traffic(fleet, "dr"));
        Assert.Null(Traffic(fleet, "prod"));
    }

    [Fact]
    public async Task Refuses_a_standby_whose_Applications_are_not_healthy_unless_forced()
    {
        await using var fleet = await FleetAsync(drHealth: "Degraded");

        var refused = await fleet.RunAsync("failover", "prod", "--to", "dr", "--yes");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("'dr' cannot take traffic: Application 'agent-dr' is Synced and Degraded", refused.Stderr);
        Assert.Contains("nothing was changed", refused.Stderr);
        Assert.Equal("active", Traffic(fleet, "prod"));
        Assert.Null(Traffic(fleet, "dr"));

        var forced = await fleet.RunAsync("failover", "prod", "--to", "dr", "--yes", "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains("--force", forced.Stderr);
        Assert.Equal("active", Traffic(fleet, "dr"));
        Assert.Null(Traffic(fleet, "prod"));
    }

    [Fact]
    public async Task Refuses_an_unreachable_standby()
    {
        await using var fleet = await FleetAsync();
        fleet["dr"].Faults.RefuseConnections();

        var refused = await fleet.RunAsync("failover", "prod", "--to", "dr", "--yes", "--probe-timeout", "2");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("'dr' cannot take traffic: it is not Connected", refused.Stderr);
        Assert.Equal("active", Traffic(fleet, "prod"));
        Assert.Null(Traffic(fleet, "dr"));
    }

    [Fact]
    public async Task Dry_run_and_an_unconfirmed_run_change_nothing()
    {
        await using var fleet = await FleetAsync();

        var dry = await fleet.RunAsync("failover", "prod", "--to", "dr", "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains("cluster 'dr': traffic=active would be added", dry.Stdout);
        Assert.Contains("cluster 'prod': traffic=active would be removed", dry.Stdout);
        Assert.Contains("dry run: nothing was changed", dry.Stdout);

        // Without --yes and without a terminal to ask on, nothing moves.
        var unasked = await fleet.RunAsync("failover", "prod", "--to", "dr");
        Assert.Equal(2, unasked.ExitCode);
        Assert.Contains("re-run with --yes", unasked.Stderr);

        Assert.Equal("active", Traffic(fleet, "prod"));
        Assert.Null(Traffic(fleet, "dr"));
    }

    [Fact]
    public async Task A_hub_failure_half_way_says_so_and_a_rerun_finishes_the_move()
    {
        await using var fleet = await FleetAsync();
        var prodSecret = fleet.SecretNameOf(fleet["prod"]);
        fleet.Hub.Faults.FailNext(10, 422, matches: e => e.Method == "PATCH" && e.Path.EndsWith("/" + prodSecret, StringComparison.Ordinal));

        var run = await fleet.RunAsync("failover", "prod", "--to", "dr", "--yes");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cluster 'dr': traffic=active added", run.Stdout);
        Assert.Contains("'dr' now carries traffic=active, but removing it from 'prod' failed", run.Stderr);
        Assert.Contains("re-run the same command to finish the move", run.Stderr);
        Assert.Equal("active", Traffic(fleet, "dr"));
        Assert.Equal("active", Traffic(fleet, "prod"));

        fleet.Hub.Faults.Reset();
        var rerun = await fleet.RunAsync("failover", "prod", "--to", "dr", "--yes");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("cluster 'prod': traffic=active removed", rerun.Stdout);
        Assert.DoesNotContain("added", rerun.Stdout);
        Assert.Null(Traffic(fleet, "prod"));
    }

    [Theory]
    [InlineData("--to prod", "itself")]
    [InlineData("--to nowhere", "nowhere")]
    [InlineData("--to dr --traffic-label traffic=", "needs a value")]
    [InlineData("--yes", "failover needs --to STANDBY")]
    public async Task Bad_input_is_exit_2(string args, string message)
    {
        await using var fleet = await FleetAsync();
        var run = await fleet.RunAsync(new[] { "failover", "prod" }.Concat(args.Split(' ')).ToArray());
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
    }
}
