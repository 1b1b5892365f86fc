using System.Globalization;
using HubDsl.Core.Manifests;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Benchmarks;

/// <summary>
/// How the controller shard assignment balances and how stable it is, on the synthetic fleet (N clusters over four
/// environments, three ApplicationSets: each cluster weighs the Applications it gets, 1 to 3): the spread between
/// the largest and the smallest shard, and how many of the other clusters change shard when one cluster is added
/// or removed (20 trials each: clusters N+1..N+20 added one at a time; 20 clusters spread over the fleet removed
/// one at a time). Beside it, on the same weights, the two distributions Argo CD applies when a Secret has no
/// shard (argo-cd controller/sharding/sharding.go): legacy (a hash of the cluster's ID modulo the replicas; the ID is
/// the Secret's random UID, modelled by seeded random UIDs) and round-robin (the index in the clusters
/// sorted by ID, modulo the replicas). A counting run, not a timing one: <c>dotnet run -c Release -- shards</c>.
/// </summary>
public static class ShardScale
{
    private const int Trials = 20;

    /// <summary>Prints the Markdown table for the sizes (default 10, 100, 1,000, 10,000).</summary>
    public static void Run(IReadOnlyList<int> sizes)
    {
        Console.WriteLine("| clusters | shards | assignment | largest / average shard | smallest / average | spread (largest − smallest) / average | others moved per added cluster (mean, max) | others moved per removed cluster (mean, max) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var n in sizes)
        {
            var shards = n switch { <= 10 => 2, <= 100 => 4, <= 1000 => 8, _ => 16 };
            var (fleet, applicationSets) = EmitterBenchmarks.Models(n + Trials);
            var hub = new HubModel("Hub", "Install", fleet.Namespace, new YamlMapping()) { ControllerReplicas = shards };
            var all = fleet.Clusters.ToList();
            var uids = Uids(all);
            Dictionary<string, int> Plan(IEnumerable<ClusterModel> clusters, (string Name, int Tolerance, Func<IReadOnlyList<ClusterShard>, int, Dictionary<string, string>, int[]> Assign) assignment)
            {
                var plan = ControllerShards.For(hub with { ShardTolerancePercent = assignment.Tolerance }, new[] { fleet with { Clusters = clusters.ToEquatableArray() } }, applicationSets)!;
                var shardsOf = assignment.Assign(plan.Clusters, shards, uids);
                var byServer = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < plan.Clusters.Count; i++) byServer[plan.Clusters[i].Server] = shardsOf[i];
                return byServer;
            }

            var weights = ControllerShards.For(hub, new[] { fleet }, applicationSets)!.Clusters.ToDictionary(c => c.Server, c => c.Weight, StringComparer.Ordinal);
            foreach (var assign in Assignments())
            {
                var name = assign.Name;
                var baseline = Plan(all.Take(n), assign);
                var loads = new long[shards];
                foreach (var (server, shard) in baseline) loads[shard] += weights[server];
                var average = (double)loads.Sum() / shards;
                var added = Enumerable.Range(0, Trials).Select(j => Moved(baseline, Plan(all.Take(n).Append(all[n + j]), assign))).ToList();
                var removed = Enumerable.Range(0, Trials).Select(j =>
                {
                    var gone = j * n / Trials;
                    return Moved(baseline, Plan(all.Take(n).Where((_, i) => i != gone), assign));
                }).ToList();
                Console.WriteLine("| " + n.ToString("N0", CultureInfo.InvariantCulture) + " | " + shards + " | " + name
                    + " | " + (loads.Max() / average).ToString("0.000", CultureInfo.InvariantCulture)
                    + " | " + (loads.Min() / average).ToString("0.000", CultureInfo.InvariantCulture)
                    + " | " + ((loads.Max() - loads.Min()) / average * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %"
                    + " | " + added.Average().ToString("0.00", CultureInfo.InvariantCulture) + ", " + added.Max()
                    + " | " + removed.Average().ToString("0.00", CultureInfo.InvariantCulture) + ", " + removed.Max() + " |");
            }
        }
    }

    // Clusters present in both plans whose shard differs.
    private static int Moved(Dictionary<string, int> before, Dictionary<string, int> after) =>
        before.Count(p => after.TryGetValue(p.Key, out var shard) && shard != p.Value);

    // Argo CD's cluster ID is the Secret's UID (argo-cd util/db/cluster.go secretToCluster), random: modelled by
    // seeded random UIDs (hashing the synthetic fleet's sequential server names would be unrealistically even).
    private static Dictionary<string, string> Uids(IEnumerable<ClusterModel> clusters)
    {
        var random = new Random(19);
        var bytes = new byte[16];
        return clusters.ToDictionary(c => c.Server, _ =>
        {
            random.NextBytes(bytes);
            return new Guid(bytes).ToString();
        }, StringComparer.Ordinal);
    }

    private static IEnumerable<(string Name, int Tolerance, Func<IReadOnlyList<ClusterShard>, int, Dictionary<string, string>, int[]> Assign)> Assignments()
    {
        foreach (var tolerance in new[] { ShardAssignment.DefaultTolerancePercent, 1 })
        {
            yield return ("HubDsl, tolerance " + tolerance + " %" + (tolerance == ShardAssignment.DefaultTolerancePercent ? " (default)" : string.Empty), tolerance, (clusters, shards, _) => clusters.Select(c => c.Shard).ToArray());
        }

        yield return ("Argo CD legacy (FNV-1a of the UID modulo the replicas)", 0, (clusters, shards, uids) => clusters.Select(c => (int)(Fnv32(uids[c.Server]) % (uint)shards)).ToArray());
        yield return ("Argo CD round-robin (rank of the UID modulo the replicas)", 0, (clusters, shards, uids) =>
        {
            var rank = clusters.Select((c, i) => (Id: uids[c.Server], i)).OrderBy(p => p.Id, StringComparer.Ordinal).Select((p, r) => (p.i, r)).ToDictionary(p => p.i, p => p.r);
            return clusters.Select((_, i) => rank[i] % shards).ToArray();
        });
    }

    private static uint Fnv32(string text)
    {
        unchecked
        {
            var hash = 2166136261U;
            foreach (var b in System.Text.Encoding.UTF8.GetBytes(text))
            {
                hash ^= b;
                hash *= 16777619U;
            }

            return hash;
        }
    }
}
