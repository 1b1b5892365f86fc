namespace HubDsl.Generators.Tests;

/// <summary>
/// The build writes each cluster's application controller shard into its Secret when the project declares the
/// [Hub] of the fleet's namespace (argo-cd controller/sharding/sharding.go GetClusterFilter honours data.shard), and
/// no shard without one (a controller sharded elsewhere keeps its own distribution).
/// </summary>
public sealed class ControllerShardsTests
{
    private const string Fleet = """
        using HubDsl;
        [Fleet]
        public static class Clusters
        {
            public static readonly Cluster A = new("a", "https://a.example.com") { Labels = { ["deploy"] = "true" } };
            public static readonly Cluster B = new("b", "https://b.example.com") { Labels = { ["deploy"] = "true" } };
            public static readonly Cluster C = new("c", "https://c.example.com") { Labels = { ["deploy"] = "true" }, ShardWeight = 2 };
            public static readonly Cluster D = new("d", "https://d.example.com") { Labels = { ["deploy"] = "true" } };
        }
        """;

    private static Dictionary<string, string?> Shards(params (string Path, string Source)[] sources) =>
        GeneratorHarness.Generate(sources)
            .Where(f => f.Path.StartsWith("argocd/clusters/", StringComparison.Ordinal))
            .ToDictionary(
                f => Path.GetFileNameWithoutExtension(f.Path),
                f => f.Content.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("shard:", StringComparison.Ordinal))?.Substring("shard:".Length).Trim().Trim('\''));

    [Fact]
    public void Every_cluster_Secret_carries_the_shard_the_assignment_gives_it()
    {
        var shards = Shards(("Fleet.cs", Fleet), ("Hub.cs", "using HubDsl;\n[Hub] public static class Hub { public static readonly HubInstall Install = new(\"argocd\") { ControllerReplicas = 2 }; }"));

        // No ApplicationSet targets them: every weight is 1 but C's declared 2.
        var expected = HubDsl.Core.Manifests.ShardAssignment.Assign(new[]
        {
            new HubDsl.Core.Manifests.ShardCandidate("https://a.example.com", 1),
            new HubDsl.Core.Manifests.ShardCandidate("https://b.example.com", 1),
            new HubDsl.Core.Manifests.ShardCandidate("https://c.example.com", 2),
            new HubDsl.Core.Manifests.ShardCandidate("https://d.example.com", 1),
        }, 2);
        Assert.Equal(new[] { "a", "b", "c", "d" }, shards.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)), new[] { "a", "b", "c", "d" }.Select(n => shards[n]));
        Assert.Equal(new[] { "0", "1" }, shards.Values.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void One_replica_writes_shard_0_and_no_hub_writes_none()
    {
        var one = Shards(("Fleet.cs", Fleet), ("Hub.cs", "using HubDsl;\n[Hub] public static class Hub { public static readonly HubInstall Install = new(\"argocd\"); }"));
        var none = Shards(("Fleet.cs", Fleet));
        var elsewhere = Shards(("Fleet.cs", Fleet), ("Hub.cs", "using HubDsl;\n[Hub] public static class Hub { public static readonly HubInstall Install = new(\"gitops\") { ControllerReplicas = 2 }; }"));

        Assert.All(one.Values, s => Assert.Equal("0", s));
        Assert.All(none.Values, Assert.Null);
        Assert.All(elsewhere.Values, Assert.Null);
        Assert.Equal(4, none.Count);
    }
}
