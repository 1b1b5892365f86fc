using System.Threading.Tasks;
using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>`hubdsl preview` and `status` show each cluster's application controller shard.</summary>
public sealed class ShardDisplayTests
{
    // The example's committed cluster Secrets: each one's shard, as the build wrote it.
    private static Dictionary<string, string> ExampleShards()
    {
        var folder = Path.Combine(TestProject.RepositoryRoot(), "examples", "AgentFleet", "argocd", "clusters");
        var shards = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.yaml"))
        {
            var secret = (YamlMapping)YamlReader.ParseAll(File.ReadAllText(file)).Single();
            Assert.True(ClusterSecretParser.TryParse(secret, out var info, out var error), error);
            shards[info.Name] = info.Shard ?? throw new InvalidOperationException(file + " has no shard");
        }

        return shards;
    }

    [Fact]
    public void Preview_shows_the_shard_of_each_Applications_cluster()
    {
        var shards = ExampleShards();
        Assert.Equal(new[] { "dr", "prod", "staging" }, shards.Keys.Order(StringComparer.Ordinal));

        var (exit, stdout, stderr) = ToolRunner.Run("preview", "--project", Path.Combine(TestProject.RepositoryRoot(), "examples", "AgentFleet"));

        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n');
        Assert.Contains(lines, l => l.Contains("CLUSTER", StringComparison.Ordinal) && l.Contains("SHARD", StringComparison.Ordinal));
        foreach (var (cluster, shard) in shards)
        {
            var row = lines.Single(l => l.TrimStart().StartsWith("agent-" + cluster + " ", StringComparison.Ordinal));
            var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(new[] { "agent-" + cluster, cluster, shard }, cells.Take(3));
        }
    }

    [Fact]
    public async Task Status_shows_the_shard_of_each_registered_cluster()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging", "prod");
        Assert.Equal(0, (await fleet.RunAsync("cluster", "add", "staging", "--shard", "3", "--yes")).ExitCode);
        Assert.Equal(0, (await fleet.RunAsync("cluster", "add", "prod", "--yes")).ExitCode);

        var json = await fleet.RunAsync("status", "-o", "json");
        var table = await fleet.RunAsync("status");

        var clusters = JsonNode.Parse(json.Stdout)!["clusters"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!["shard"]?.GetValue<string>());
        Assert.Equal("3", clusters["staging"]);
        Assert.Null(clusters["prod"]);
        Assert.Contains(table.Stdout.Split('\n'), l => l.Contains("SERVER", StringComparison.Ordinal) && l.Contains("SHARD", StringComparison.Ordinal));
        var staging = table.Stdout.Split('\n').Single(l => l.TrimStart().StartsWith("staging ", StringComparison.Ordinal));
        Assert.Equal(new[] { "staging", fleet.ServerOf(fleet["staging"]), "3" }, staging.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3));
    }
}
