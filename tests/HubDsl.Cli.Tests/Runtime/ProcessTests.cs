using System.Threading.Tasks;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>The built tool as a process: a closed standard input never blocks cluster add, and bad usage never shows a stack trace.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task Cluster_add_with_a_closed_stdin_and_no_yes_refuses_at_once()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");

        var (exit, stdout, stderr) = ToolRunner.Run("cluster", "add", "staging", "--kubeconfig", fleet.Kubeconfig);

        Assert.Equal(2, exit);
        Assert.Contains("--yes", stderr);
        Assert.Equal(string.Empty, stdout);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Null(fleet.HubSecret(fleet["staging"]));
    }

    [Fact]
    public async Task Cluster_add_and_status_work_end_to_end_in_a_process()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");

        var add = ToolRunner.Run("cluster", "add", "staging", "--yes", "--kubeconfig", fleet.Kubeconfig);
        var status = ToolRunner.Run("status", "-o", "json", "--kubeconfig", fleet.Kubeconfig);

        Assert.True(add.ExitCode == 0, add.Stderr);
        Assert.Equal(string.Empty, add.Stderr); // no progress when redirected
        Assert.True(status.ExitCode == 0, status.Stderr);
        Assert.Equal("Successful", JsonNode.Parse(status.Stdout)!["clusters"]![0]!["connection"]!["status"]!.GetValue<string>());
        Assert.DoesNotContain(fleet.SpokeToken(fleet["staging"])!, add.Stdout + add.Stderr + status.Stdout + status.Stderr);
    }

    [Theory]
    [InlineData("apply --output yaml", "yaml")]
    [InlineData("cluster add", "Required argument missing")]
    [InlineData("status --no-such-option", "--no-such-option")]
    public void Usage_errors_are_exit_2(string args, string mention)
    {
        var (exit, _, stderr) = ToolRunner.Run(args.Split(' '));

        Assert.Equal(2, exit);
        Assert.Contains(mention, stderr);
        Assert.DoesNotContain("   at ", stderr);
    }
}
