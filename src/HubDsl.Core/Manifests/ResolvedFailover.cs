using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Model;
using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Manifests;

/// <summary>
/// A failover the build generates files for: declared without a HUB031 problem, with its clusters found in the fleet
/// and the Applications its ApplicationSet generates for each (rendered as Argo CD will, so the alerts name them).
/// </summary>
public sealed record ResolvedFailover(ApplicationSetModel ApplicationSet, FailoverModel Failover, ClusterModel Primary, ClusterModel Standby, IReadOnlyList<string> PrimaryApplications, IReadOnlyList<string> StandbyApplications)
{
    /// <summary>Every generatable failover of the ApplicationSets, by name (unique names only: a duplicate is HUB031 and skipped).</summary>
    public static IReadOnlyList<ResolvedFailover> All(IEnumerable<ApplicationSetModel> applicationSets, IEnumerable<FleetModel> fleets, string? fleetId)
    {
        var fleetList = fleets.ToList();
        var resolved = new List<ResolvedFailover>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var duplicated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var appSet in applicationSets)
        {
            foreach (var failover in appSet.Failovers)
            {
                if (!names.Add(failover.Name)) duplicated.Add(failover.Name);
            }
        }

        foreach (var appSet in applicationSets.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            var clusters = fleetList.Where(f => f.Namespace == appSet.Namespace).SelectMany(f => f.Clusters.Select(c => (Fleet: f, Cluster: c))).ToList();
            foreach (var failover in appSet.Failovers)
            {
                if (duplicated.Contains(failover.Name) || FailoverRules.Problems(failover, clusters.Select(c => c.Cluster)).Count > 0) continue;
                var primary = clusters.First(c => c.Cluster.Name == failover.Primary);
                var standby = clusters.First(c => c.Cluster.Name == failover.Standby);
                resolved.Add(new ResolvedFailover(appSet, failover, primary.Cluster, standby.Cluster,
                    ApplicationNames(appSet, primary.Fleet, primary.Cluster, fleetId), ApplicationNames(appSet, standby.Fleet, standby.Cluster, fleetId)));
            }
        }

        return resolved.OrderBy(r => r.Failover.Name, StringComparer.Ordinal).ToList();
    }

    // The Applications the ApplicationSet generates for one cluster: its Secret rendered alone, as the Cluster generator
    // would see it. An ApplicationSet that cannot render for it (reported by HUB002 and friends) yields none.
    private static IReadOnlyList<string> ApplicationNames(ApplicationSetModel appSet, FleetModel fleet, ClusterModel cluster, string? fleetId)
    {
        var secret = ClusterSecretManifest.Build(cluster, fleet.Namespace, fleetId: fleetId);
        var result = ApplicationSetRenderer.Render(appSet.Manifest, new[] { secret }, RenderOptions.ForEditor());
        return result.Applications
            .Select(a => YamlTree.Find(a, "metadata", "name")?.AsString())
            .Where(n => !string.IsNullOrEmpty(n))
            .Select(n => n!)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
    }
}
