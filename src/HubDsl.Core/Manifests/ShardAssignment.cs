using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace HubDsl.Core.Manifests;

/// <summary>One cluster to place on an application controller shard: its stable key (the server URL) and its weight.</summary>
/// <param name="Key">What identifies the cluster across builds: Argo CD's own identity for it, the server URL.</param>
/// <param name="Weight">The load it puts on a controller (at least 1).</param>
public readonly record struct ShardCandidate(string Key, long Weight);

/// <summary>
/// Places clusters on application controller shards: rendezvous hashing with bounded loads. Each cluster ranks the
/// shards by a hash of (its key, the shard) and takes the highest-ranked one that still has room; room is the
/// average load plus the tolerance (never less than the heaviest cluster, so each fits on an empty shard); a cluster
/// that finds no shard with room takes the least loaded. Clusters are placed heaviest first (a fixed order, ties by
/// their own hash), which packs the bins well.
/// <para>
/// Why this and not a sticky greedy assignment: the build has no memory of the last assignment (the generator is a
/// pure function of the C#), so stability has to come from the function itself. Rendezvous hashing gives each
/// cluster a preference that does not depend on the other clusters, so adding or removing one moves only the
/// clusters whose first choices were full, or become free; the bound keeps the shards balanced, which plain hashing
/// (Argo CD's legacy FNV-modulo, controller/sharding/sharding.go LegacyDistributionFunction) does not, and
/// round-robin (RoundRobinDistributionFunction there) balances counts, not weights, and moves almost every cluster
/// when one is added early in the order.
/// </para>
/// A pure function of its input: the same clusters, weights, shard count and tolerance give the same shards on
/// every machine (the hash is FNV-1a over UTF-8, not the runtime's string hash).
/// </summary>
public static class ShardAssignment
{
    /// <summary>How far above the average load a shard may go before the next cluster looks elsewhere, in percent.</summary>
    public const int DefaultTolerancePercent = Model.HubModel.DefaultShardTolerancePercent;

    /// <summary>The shard of each cluster, in the input order. One shard puts every cluster on shard 0.</summary>
    public static int[] Assign(IReadOnlyList<ShardCandidate> clusters, int shards, int tolerancePercent = DefaultTolerancePercent)
    {
        if (shards < 1) throw new ArgumentOutOfRangeException(nameof(shards), shards, "at least 1");
        if (tolerancePercent < 0) throw new ArgumentOutOfRangeException(nameof(tolerancePercent), tolerancePercent, "at least 0");
        var result = new int[clusters.Count];
        if (shards == 1 || clusters.Count == 0) return result;

        long total = 0, heaviest = 0;
        foreach (var cluster in clusters)
        {
            var weight = Math.Max(1, cluster.Weight);
            total += weight;
            heaviest = Math.Max(heaviest, weight);
        }

        var capacity = Math.Max(heaviest, CeilingDivide(total * (100 + tolerancePercent), 100L * shards));
        var keyHashes = clusters.Select(c => Fnv1a(c.Key)).ToArray();
        var order = Enumerable.Range(0, clusters.Count)
            .OrderByDescending(i => Math.Max(1, clusters[i].Weight))
            .ThenBy(i => keyHashes[i])
            .ThenBy(i => clusters[i].Key, StringComparer.Ordinal)
            .ToArray();
        var loads = new long[shards];
        foreach (var i in order)
        {
            var weight = Math.Max(1, clusters[i].Weight);
            int best = -1, fallback = 0;
            ulong bestScore = 0, fallbackScore = 0;
            for (var shard = 0; shard < shards; shard++)
            {
                var score = Score(keyHashes[i], shard);
                if (loads[shard] + weight <= capacity && (best < 0 || score > bestScore))
                {
                    best = shard;
                    bestScore = score;
                }

                if (shard == 0 || loads[shard] < loads[fallback] || (loads[shard] == loads[fallback] && score > fallbackScore))
                {
                    fallback = shard;
                    fallbackScore = score;
                }
            }

            result[i] = best >= 0 ? best : fallback;
            loads[result[i]] += weight;
        }

        return result;
    }

    /// <summary>The load of each shard under an assignment (weights below 1 count as 1, as in <see cref="Assign"/>).</summary>
    public static long[] Loads(IReadOnlyList<ShardCandidate> clusters, IReadOnlyList<int> assignment, int shards)
    {
        var loads = new long[shards];
        for (var i = 0; i < clusters.Count; i++) loads[assignment[i]] += Math.Max(1, clusters[i].Weight);
        return loads;
    }

    private static long CeilingDivide(long a, long b) => (a + b - 1) / b;

    // The rendezvous score of (cluster, shard): the key's hash mixed with the shard number (SplitMix64's finaliser,
    // so that neighbouring shard numbers give unrelated scores).
    private static ulong Score(ulong keyHash, int shard)
    {
        unchecked
        {
            var z = keyHash + ((ulong)(shard + 1) * 0x9E3779B97F4A7C15UL);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong Fnv1a(string key)
    {
        unchecked
        {
            var hash = 14695981039346656037UL;
            foreach (var b in Encoding.UTF8.GetBytes(key))
            {
                hash ^= b;
                hash *= 1099511628211UL;
            }

            return hash;
        }
    }
}
