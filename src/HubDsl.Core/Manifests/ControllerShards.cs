using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Model;

namespace HubDsl.Core.Manifests;

/// <summary>One cluster's place in a <see cref="ControllerShards"/> plan.</summary>
/// <param name="Server">The cluster's server URL (its Secret's identity).</param>
/// <param name="Name">The cluster's name, for messages.</param>
/// <param name="Weight">The weight it was balanced by.</param>
/// <param name="Shard">Its application controller shard.</param>
public sealed record ClusterShard(string Server, string Name, long Weight, int Shard);

/// <summary>
/// Which application controller shard each cluster of a hub belongs to: the clusters of every fleet whose Secrets
/// live in the <c>[Hub]</c>'s namespace, spread over its <c>ControllerReplicas</c> by <see cref="ShardAssignment"/>,
/// each weighted by its declared <c>ShardWeight</c>, else by the Applications it gets: one per ApplicationSet whose
/// cluster selector targets it (HubDsl's ApplicationSets generate one Application per cluster), at least 1, since
/// even a cluster without Applications costs its shard a cluster cache. Argo CD honours a Secret's <c>shard</c> when
/// it is below the replica count (argo-cd controller/sharding/sharding.go GetClusterFilter; util/db/cluster.go
/// secretToCluster reads it from <c>data.shard</c>).
/// </summary>
public sealed record ControllerShards(string Namespace, int Shards, int TolerancePercent, EquatableArray<ClusterShard> Clusters)
{
    /// <summary>The plan for a hub, or null when no cluster Secret lives in its namespace.</summary>
    public static ControllerShards? For(HubModel hub, IEnumerable<FleetModel> fleets, IReadOnlyList<ApplicationSetModel> applicationSets, string? fleetId = null)
    {
        var clusters = fleets.Where(f => f.Namespace == hub.Namespace).SelectMany(f => f.Clusters)
            .GroupBy(c => c.Server, StringComparer.Ordinal).Select(g => g.First()) // one Secret per server
            .ToList();
        if (clusters.Count == 0) return null;
        var targets = applicationSets.Select(a => ClusterTargeting.For(a.Selector, fleetId)).ToList();
        var candidates = clusters.Select(c => new ShardCandidate(c.Server.TrimEnd('/'), c.ShardWeight ?? Math.Max(1, targets.Count(t => t(c))))).ToList();
        var shards = ShardAssignment.Assign(candidates, hub.ControllerReplicas, hub.ShardTolerancePercent);
        return new ControllerShards(
            hub.Namespace,
            hub.ControllerReplicas,
            hub.ShardTolerancePercent,
            clusters.Select((c, i) => new ClusterShard(c.Server, c.Name, Math.Max(1, candidates[i].Weight), shards[i])).OrderBy(s => s.Server, StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>The shard of a cluster whose Secret lives in <paramref name="namespace"/>, from the plan of the hub there; null without one.</summary>
    public static int? Find(IEnumerable<ControllerShards> plans, string @namespace, string server) =>
        plans.FirstOrDefault(p => p.Namespace == @namespace)?.ShardOf(server);

    /// <summary>The shard of the cluster with this server, or null when it is not in the plan.</summary>
    public int? ShardOf(string server)
    {
        // Clusters are sorted by server (ordinal): a binary search keeps a 10,000-cluster fleet's lookups cheap.
        int low = 0, high = Clusters.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = string.CompareOrdinal(Clusters[middle].Server, server);
            if (order == 0) return Clusters[middle].Shard;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }

        return null;
    }

    /// <summary>Each shard's load (the sum of its clusters' weights).</summary>
    public long[] Loads()
    {
        var loads = new long[Shards];
        foreach (var cluster in Clusters) loads[cluster.Shard] += cluster.Weight;
        return loads;
    }

    /// <summary>The most a shard may carry: the average load plus the tolerance, rounded up.</summary>
    public long Limit()
    {
        var total = Clusters.Sum(c => c.Weight);
        return (total * (100 + TolerancePercent) + (100L * Shards) - 1) / (100L * Shards);
    }
}
