using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Manifests;
using HubDsl.Core.Model;
using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Analysis;

// HUB022: a LeastPrivilege cluster whose access does not cover what Argo CD will do there. Without the hub's
// resource.inclusions Argo CD lists every kind, is refused, and the whole cluster cache fails ("failed to load
// initial state of resource", gitops-engine pkg/cache/cluster.go sync); a kind it may not watch is reported on the
// Application as ExcludedResourceWarning and never synced (argo-cd controller/state.go CompareAppState).
public static partial class FleetValidator
{
    private static void CheckLeastPrivilege(FindingList findings, IReadOnlyList<FleetModel> fleets, IReadOnlyList<ApplicationSetModel> applicationSets, IReadOnlyCollection<string>? hubNamespaces, string? fleetId)
    {
        var gaps = new Dictionary<(ApplicationSetModel, DeployedResourceModel?, string), List<string>>();
        foreach (var fleet in fleets)
        {
            foreach (var cluster in fleet.Clusters.Where(c => c.IsLeastPrivilege))
            {
                if (hubNamespaces is not null && !hubNamespaces.Contains(fleet.Namespace))
                {
                    findings.Owner = fleet.ClassName;
                    findings.Add(DiagnosticIds.LeastPrivilegeIncomplete,
                        Declaration(fleet.ClassName, cluster.MemberName) + ": LeastPrivilege lets Argo CD read only what the fleet deploys on cluster '" + cluster.Name
                        + "', but no [Hub] declaration for namespace '" + fleet.Namespace + "' in this project tells Argo CD to watch only that (resource.inclusions); it would list every kind there, be refused, and fail to sync the cluster. "
                        + "Declare a [Hub] class with a HubInstall (its hub/argo-cd-values.yaml then carries configs.cm.\"resource.inclusions\"), or set resource.inclusions in argocd-cm yourself as the DSL reference shows.",
                        cluster.AccessOrigin ?? cluster.Origin);
                }

                foreach (var gap in LeastPrivilegeAccess.For(cluster, fleet.Namespace, applicationSets, fleetId).Gaps)
                {
                    var key = (gap.ApplicationSet, gap.Resource, gap.Problem);
                    if (!gaps.TryGetValue(key, out var clusters)) gaps[key] = clusters = new List<string>();
                    clusters.Add(cluster.Name);
                }
            }
        }

        foreach (var gap in gaps)
        {
            var (appSet, resource, problem) = gap.Key;
            findings.Owner = appSet.ClassName;
            findings.Add(DiagnosticIds.LeastPrivilegeIncomplete,
                Declaration(appSet.ClassName) + " targets LeastPrivilege " + Clusters(gap.Value) + " but " + problem + ".",
                resource?.Origin ?? (problem.Contains("destination namespace") ? DestinationOrigin(appSet) : null) ?? appSet.Origin);
        }
    }

    private static SourceSpan? DestinationOrigin(ApplicationSetModel appSet)
    {
        var destination = TemplateNode(appSet, "spec", "destination");
        return TemplateNode(appSet, "spec", "destination", "namespace")?.Origin ?? destination?.Origin ?? (destination as YamlMapping)?["server"]?.Origin;
    }
}
