using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HubDsl.Core.Manifests;
using HubDsl.Core.Model;
using HubDsl.Core.Validation;

namespace HubDsl.Core.Analysis;

// HUB032: an application controller shard carries more than the hub's declared tolerance above the average.
public static partial class FleetValidator
{
    private static void CheckShards(FindingList findings, HubModel hub, IReadOnlyList<FleetModel> fleets, IReadOnlyList<ApplicationSetModel> applicationSets, string? fleetId)
    {
        if (hub.ControllerReplicas < 2 || ControllerShards.For(hub, fleets, applicationSets, fleetId) is not { } plan) return;
        var loads = plan.Loads();
        var limit = plan.Limit();
        var average = (double)loads.Sum() / plan.Shards;
        var declaration = Declaration(hub.ClassName, hub.MemberName);
        findings.Owner = hub.ClassName;
        for (var shard = 0; shard < plan.Shards; shard++)
        {
            if (loads[shard] <= limit) continue;
            var members = plan.Clusters.Where(c => c.Shard == shard).OrderByDescending(c => c.Weight).ThenBy(c => c.Name, System.StringComparer.Ordinal).ToList();
            var heaviest = members[0];
            var why = heaviest.Weight > limit
                ? "cluster '" + heaviest.Name + "' alone weighs " + Number(heaviest.Weight) + ", more than a shard's share; give it a lower ShardWeight if it costs less than that, raise ShardTolerancePercent, or use fewer ControllerReplicas"
                : "there are too few clusters to spread evenly over " + plan.Shards + " shards; use fewer ControllerReplicas or raise ShardTolerancePercent";
            findings.Add(DiagnosticIds.ShardOverloaded,
                declaration + ": application controller shard " + shard + " carries " + Number(loads[shard]) + " (" + string.Join(", ", members.Take(5).Select(c => c.Name + " " + Number(c.Weight))) + (members.Count > 5 ? ", ..." : string.Empty)
                + "), more than the average " + average.ToString("0.#", CultureInfo.InvariantCulture) + " plus " + plan.TolerancePercent + "% (at most " + Number(limit) + "): " + why + ". A cluster's weight is its ShardWeight, else the Applications it gets.",
                hub.ControllerReplicasOrigin ?? hub.ShardToleranceOrigin ?? hub.Origin);
        }
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
