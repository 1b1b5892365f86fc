using System.Text;
using System.Threading.Tasks;
using HubDsl.Cli.Runtime;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>Tokens and keys never appear in any command's output, JSON, warnings or errors.</summary>
public sealed class SecretHygieneTests
{
    [Fact]
    public async Task No_command_prints_a_token_in_any_form()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging", "prod");
        var outputs = new List<RunResult>
        {
            await fleet.RunAsync("cluster", "add", "staging", "--label", "env=staging", "--yes"),
            await fleet.RunAsync("cluster", "add", "prod", "--yes", "--insecure-skip-tls-verify"),
        };
        var project = new TestProject(Path.Combine(fleet.Folder, "project"))
            .Cluster("staging", fleet.ServerOf(fleet["staging"]), ("env", "staging"), ("deploy", "true"))
            .AppSet("agent");
        fleet["prod"].Faults.FailNext(3, 401);
        outputs.Add(await fleet.RunAsync("cluster", "list"));
        outputs.Add(await fleet.RunAsync("cluster", "list", "-o", "json"));
        outputs.Add(await fleet.RunAsync("cluster", "get", "staging", "-o", "json"));
        outputs.Add(await fleet.RunAsync("cluster", "add", "staging", "--label", "env=other", "--yes"));
        outputs.Add(await fleet.RunAsync("diff", "--project", project.Folder));
        outputs.Add(await fleet.RunAsync("apply", "--project", project.Folder, "-o", "json"));
        outputs.Add(await fleet.RunAsync("apply", "--project", project.Folder, "--prune", "--dry-run"));
        outputs.Add(await fleet.RunAsync("status", "-o", "json"));
        outputs.Add(await fleet.RunAsync("status"));
        outputs.Add(await fleet.RunAsync("cluster", "set", "staging", "--label", "tier=gold"));
        outputs.Add(await fleet.RunAsync("cluster", "rm", "prod", "--yes"));

        var secrets = new List<string> { fleet.Hub.AdminToken };
        foreach (var spoke in fleet.Spokes)
        {
            secrets.Add(spoke.AdminToken);
        }

        var stagingToken = fleet.SpokeToken(fleet["staging"])!;
        secrets.Add(stagingToken);
        secrets.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(stagingToken)));
        secrets.Add(stagingToken.Substring(0, 24));
        var all = string.Join("\n", outputs.Select(o => o.All));
        Assert.Contains("Successful", all);
        foreach (var secret in secrets) Assert.DoesNotContain(secret, all);
        Assert.DoesNotContain("bearerToken", all);
    }

    [Fact]
    public void Credentials_print_as_redacted()
    {
        var secret = new Secret("a-very-secret-token-value");
        var credentials = new ClusterCredentials { BearerToken = secret };

        Assert.Equal("<redacted>", secret.ToString());
        Assert.Equal("ClusterCredentials(bearer token)", credentials.ToString());
        Assert.Equal("call failed with <redacted> in it", Redactor.Scrub("call failed with a-very-secret-token-value in it"));
    }
}
