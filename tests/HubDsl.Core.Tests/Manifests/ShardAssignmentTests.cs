using CsCheck;
using HubDsl.Core.Manifests;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;
using HubDsl.Tests.Shared;

namespace HubDsl.Core.Tests.Manifests;

/// <summary>
/// The shard assignment: every cluster on a shard below the replica count (Argo CD ignores a <c>shard</c> at or
/// above it: controller/sharding/sharding.go GetClusterFilter), the same answer whatever the input order, shards
/// within the tolerance whenever a greedy placement can keep them there, and a cluster's preference independent of
/// the others (rendezvous hashing), so that adding one moves nobody when no bound is reached.
/// </summary>
public sealed class ShardAssignmentTests
{
    private static readonly Gen<(ShardCandidate[] Clusters, int Shards, int Tolerance)> Fleets =
        Gen.Select(Gen.Int[1, 400], Gen.Int[1, 12], Gen.Int[0, 30], Gen.Int[1, 1_000_000])
            .SelectMany(t => Gen.Int[1, 6].Array[t.Item1].Select(weights => (
                weights.Select((w, i) => new ShardCandidate("https://c" + (t.Item4 + i) + ".example.com", w)).ToArray(),
                t.Item2,
                t.Item3)));

    private static long Capacity(IReadOnlyList<ShardCandidate> clusters, int shards, int tolerance)
    {
        var total = clusters.Sum(c => c.Weight);
        return Math.Max(clusters.Max(c => c.Weight), (total * (100 + tolerance) + (100L * shards) - 1) / (100L * shards));
    }

    [Fact]
    public void Every_cluster_gets_a_shard_below_the_replica_count_whatever_the_input_order() =>
        Property.Check(Fleets.SelectMany(f => Gen.Shuffle(f.Clusters.ToArray()).Select(shuffled => (f, shuffled))), t =>
        {
            var (fleet, shuffled) = t;
            var shards = ShardAssignment.Assign(fleet.Clusters, fleet.Shards, fleet.Tolerance);
            var again = ShardAssignment.Assign(shuffled, fleet.Shards, fleet.Tolerance);
            Assert.All(shards, s => Assert.InRange(s, 0, fleet.Shards - 1));
            var byKey = fleet.Clusters.Select((c, i) => (c.Key, shards[i])).ToDictionary(p => p.Key, p => p.Item2);
            Assert.All(shuffled.Select((c, i) => (c.Key, again[i])), p => Assert.Equal(byKey[p.Key], p.Item2));
        }, cases: 200);

    [Fact]
    public void No_shard_goes_over_the_limit_by_more_than_one_cluster_and_none_when_weights_are_equal_and_divide_it() =>
        Property.Check(Fleets, fleet =>
        {
            var (clusters, shardCount, tolerance) = fleet;
            var loads = ShardAssignment.Loads(clusters, ShardAssignment.Assign(clusters, shardCount, tolerance), shardCount);
            var capacity = Capacity(clusters, shardCount, tolerance);
            var average = (clusters.Sum(c => c.Weight) + shardCount - 1) / shardCount;

            // A cluster only goes over the capacity on the least loaded shard, which is at most the average.
            Assert.All(loads, load => Assert.True(load <= Math.Max(capacity, average + clusters.Max(c => c.Weight)), "load " + load + " capacity " + capacity));
            Assert.Equal(clusters.Sum(c => c.Weight), loads.Sum());
        }, cases: 200);

    [Fact]
    public void Equal_weights_are_spread_within_the_tolerance() =>
        Property.Check(Gen.Select(Gen.Int[1, 500], Gen.Int[1, 10], Gen.Int[0, 20]), t =>
        {
            var (count, shardCount, tolerance) = t;
            var clusters = Enumerable.Range(0, count).Select(i => new ShardCandidate("https://equal-" + i + ".example.com", 1)).ToArray();
            var loads = ShardAssignment.Loads(clusters, ShardAssignment.Assign(clusters, shardCount, tolerance), shardCount);
            Assert.All(loads, load => Assert.True(load <= Capacity(clusters, shardCount, tolerance), string.Join(",", loads)));
        }, cases: 200);

    [Fact]
    public void Without_a_binding_limit_adding_or_removing_a_cluster_moves_no_other() =>
        Property.Check(Fleets, fleet =>
        {
            var (clusters, shardCount, _) = fleet;
            const int Unbounded = 100_000; // a tolerance no shard reaches: every cluster takes its first choice
            var before = ShardAssignment.Assign(clusters, shardCount, Unbounded);
            var added = clusters.Append(new ShardCandidate("https://added.example.com", 3)).ToArray();
            var after = ShardAssignment.Assign(added, shardCount, Unbounded);
            Assert.Equal(before, after.Take(clusters.Length));
            var removed = ShardAssignment.Assign(clusters.Skip(1).ToArray(), shardCount, Unbounded);
            Assert.Equal(before.Skip(1), removed);
        }, cases: 100);

    [Fact]
    public void With_the_default_tolerance_adding_a_cluster_to_a_balanced_fleet_moves_few_others()
    {
        // The fixed fleet of the benchmark's shape: 1,000 clusters of weight 1 to 3 over 8 shards.
        var clusters = Enumerable.Range(0, 1000).Select(i => new ShardCandidate("https://cluster-" + i + ".example.com", 1 + (i % 3))).ToArray();
        var before = ShardAssignment.Assign(clusters, 8);
        var moved = Enumerable.Range(0, 20).Select(n =>
        {
            var after = ShardAssignment.Assign(clusters.Append(new ShardCandidate("https://new-" + n + ".example.com", 2)).ToArray(), 8);
            return Enumerable.Range(0, clusters.Length).Count(i => after[i] != before[i]);
        }).ToList();

        // Round-robin by sorted name would move about half the fleet; plain hashing none but unbalanced.
        Assert.True(moved.Max() <= 20, "moved " + string.Join(",", moved));
    }

    [Fact]
    public void One_shard_puts_everything_on_shard_0_and_bad_arguments_are_refused()
    {
        Assert.All(ShardAssignment.Assign(new[] { new ShardCandidate("a", 5), new ShardCandidate("b", 1) }, 1), s => Assert.Equal(0, s));
        Assert.Empty(ShardAssignment.Assign(Array.Empty<ShardCandidate>(), 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShardAssignment.Assign(new[] { new ShardCandidate("a", 1) }, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShardAssignment.Assign(new[] { new ShardCandidate("a", 1) }, 2, -1));
    }

    [Fact]
    public void The_assignment_is_the_same_on_every_machine()
    {
        // Pinned: a change to the hash or the order would move clusters of every committed fleet.
        var clusters = Enumerable.Range(0, 8).Select(i => new ShardCandidate("https://pinned-" + i + ".example.com", 1 + (i % 2))).ToArray();
        Assert.Equal(PinnedShards, ShardAssignment.Assign(clusters, 3));
    }

    // Worked out by a separate transcription of the algorithm (FNV-1a 64, SplitMix64 finaliser, heaviest first,
    // capacity ceil(12 x 1.05 / 3) = 5), not by running this code: loads 3, 5 and 4.
    private static readonly int[] PinnedShards = { 0, 2, 1, 2, 0, 1, 0, 1 };

    [Fact]
    public void The_hubs_plan_weighs_clusters_by_their_Applications_and_writes_each_shard_into_its_Secret()
    {
        ClusterModel Cluster(string name, string env, int? weight = null) =>
            new(name, name, "https://" + name + ".example.com", new[] { new StringPair("env", env) }.ToEquatableArray(), EquatableArray<StringPair>.Empty, null, EquatableArray<string>.Empty, false, false) { ShardWeight = weight };
        ApplicationSetModel AppSet(string name, string env) => new(name, name, "argocd", TemplateMode.FastTemplate,
            new LabelSelectorModel(new[] { new StringPair("env", env) }.ToEquatableArray(), EquatableArray<LabelRequirementModel>.Empty),
            new YamlMapping(), null, null, EquatableArray<ValuesModel>.Empty);

        var fleet = new FleetModel("Clusters", "argocd", new[] { Cluster("prod", "prod"), Cluster("dev", "dev"), Cluster("edge", "prod", weight: 7) }.ToEquatableArray());
        var elsewhere = new FleetModel("Other", "gitops", new[] { Cluster("far", "prod") }.ToEquatableArray());
        var hub = new HubModel("Hub", "Install", "argocd", new YamlMapping()) { ControllerReplicas = 2 };

        var plan = ControllerShards.For(hub, new[] { fleet, elsewhere }, new[] { AppSet("a", "prod"), AppSet("b", "prod") })!;

        Assert.Equal(new[] { ("https://dev.example.com", 1L), ("https://edge.example.com", 7L), ("https://prod.example.com", 2L) }, plan.Clusters.Select(c => (c.Server, c.Weight)));
        Assert.Null(plan.ShardOf("https://far.example.com"));
        Assert.Null(ControllerShards.Find(new[] { plan }, "gitops", "https://far.example.com"));
        var shard = plan.ShardOf("https://prod.example.com")!.Value;
        var secret = ClusterSecretManifest.Build(fleet.Clusters[0], "argocd", shard: shard);
        Assert.Equal(shard.ToString(System.Globalization.CultureInfo.InvariantCulture), ((YamlMapping)secret["stringData"]!)["shard"]!.AsString());
        Assert.Null(((YamlMapping)ClusterSecretManifest.Build(fleet.Clusters[0], "argocd")["stringData"]!)["shard"]);
    }
}
