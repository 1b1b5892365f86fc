using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Manifests;

/// <summary>All files the build writes for a fleet and its ApplicationSets.</summary>
public static class FleetManifests
{
    /// <summary>One cluster Secret file per declared cluster.</summary>
    public static IReadOnlyList<ManifestFile> ClusterSecrets(FleetModel fleet, IReadOnlyList<ApplicationSetModel> applicationSets, string? fleetId = null) =>
        fleet.Clusters.Select(cluster => ClusterSecret(fleet.ClassName, fleet.Namespace, cluster, applicationSets, fleetId)).ToList();

    /// <summary>
    /// The cluster Secret file of one cluster of the fleet declared by <paramref name="fleetClass"/>, labelled as
    /// <paramref name="fleetId"/>'s; the ApplicationSets decide a least-privilege cluster's namespaces, and
    /// <paramref name="shard"/> (from the hub's <see cref="ControllerShards"/>) its application controller shard.
    /// </summary>
    public static ManifestFile ClusterSecret(string fleetClass, string @namespace, ClusterModel cluster, IReadOnlyList<ApplicationSetModel> applicationSets, string? fleetId = null, int? shard = null) =>
        new(ClusterSecretFile(cluster.Name),
            YamlWriter.Write(ClusterSecretManifest.Build(cluster, @namespace, Access(cluster, @namespace, applicationSets, fleetId), fleetId, shard), ManifestHeader.For(fleetClass + "." + cluster.MemberName)));

    /// <summary>A least-privilege cluster's access from the ApplicationSets that target it; null in the other modes.</summary>
    public static LeastPrivilegeAccess? Access(ClusterModel cluster, string @namespace, IReadOnlyList<ApplicationSetModel> applicationSets, string? fleetId = null) =>
        cluster.IsLeastPrivilege ? LeastPrivilegeAccess.For(cluster, @namespace, applicationSets, fleetId) : null;

    /// <summary>
    /// Per cluster, the spoke objects that let the hub manage it (ServiceAccount, token Secret, RBAC), ready for
    /// <c>kubectl apply</c> on the spoke or for <c>hubdsl cluster add</c>.
    /// </summary>
    public static IReadOnlyList<ManifestFile> SpokeRbac(FleetModel fleet, IEnumerable<ApplicationSetModel> applicationSets, string? fleetId = null)
    {
        var appSets = applicationSets.ToList();
        return fleet.Clusters.Select(cluster => SpokeRbac(fleet.ClassName, fleet.Namespace, cluster, appSets, fleetId)).ToList();
    }

    /// <summary>One cluster's spoke objects; the ApplicationSets of the fleet's namespace that target it decide least-privilege grants.</summary>
    public static ManifestFile SpokeRbac(string fleetClass, string @namespace, ClusterModel cluster, IEnumerable<ApplicationSetModel> applicationSets, string? fleetId = null)
    {
        var yaml = YamlWriter.WriteDocuments(SpokeRbacManifest.Build(cluster, Access(cluster, @namespace, applicationSets.ToList(), fleetId)),
            ManifestHeader.For(fleetClass + "." + cluster.MemberName),
            "Apply on the spoke (kubectl apply -f), or let 'hubdsl cluster add' apply it. Access: " + cluster.Access + ".");
        return new ManifestFile(SpokeFile(cluster.Name), yaml);
    }

    /// <summary>The ApplicationSet's own AppProject, when it declares one.</summary>
    public static IReadOnlyList<ManifestFile> Project(ApplicationSetModel appSet, IEnumerable<FleetModel> fleets, string? fleetId = null)
    {
        var clusters = fleets.Where(f => f.Namespace == appSet.Namespace).SelectMany(f => f.Clusters);
        var project = AppProjectManifest.Build(appSet, clusters, fleetId);
        return project is null
            ? new ManifestFile[0]
            : new[] { new ManifestFile(ProjectFile(appSet.Project!.Name), YamlWriter.Write(project, ManifestHeader.For(appSet.ClassName))) };
    }

    /// <summary>The ApplicationSet file (labelled as <paramref name="fleetId"/>'s) and its values files.</summary>
    public static IReadOnlyList<ManifestFile> ApplicationSet(ApplicationSetModel appSet, string? fleetId = null)
    {
        var files = new List<ManifestFile>
        {
            new ManifestFile(ApplicationSetFile(appSet.Name), YamlWriter.Write(WithFleetLabel(appSet.Manifest, fleetId), ManifestHeader.For(appSet.ClassName))),
        };
        files.AddRange(ValuesFiles.Build(appSet));
        files.AddRange(ExternalSecretManifest.Build(appSet));
        return files;
    }

    /// <summary>
    /// The values file for the official argo-cd chart (<c>helm install argocd argo/argo-cd -f ...</c>): the
    /// <c>[Hub]</c> declaration's values, plus what the least-privilege clusters of the fleets in the hub's
    /// namespace need (<see cref="HubValues"/>).
    /// </summary>
    public static IReadOnlyList<ManifestFile> Hub(HubModel hub, IEnumerable<FleetModel> fleets, IReadOnlyList<ApplicationSetModel> applicationSets, string? fleetId = null) => new[]
    {
        new ManifestFile(HubValuesFile, YamlWriter.Write(HubValues.Build(hub, fleets, applicationSets, fleetId),
            ManifestHeader.For(hub.ClassName + "." + hub.MemberName),
            "Install: helm upgrade --install argocd argo/argo-cd --namespace " + hub.Namespace + " --create-namespace -f hub/argo-cd-values.yaml")),
    };

    /// <summary>
    /// The failover files of the project: the fleet's PrometheusRule (one per project, a group per failover), and per
    /// failover its external-dns records and its runbook. Failovers with a HUB031 problem get none.
    /// </summary>
    public static IReadOnlyList<ManifestFile> Failovers(IEnumerable<ApplicationSetModel> applicationSets, IEnumerable<FleetModel> fleets, string? fleetId = null)
    {
        var resolved = ResolvedFailover.All(applicationSets, fleets, fleetId);
        var files = new List<ManifestFile>();
        if (FailoverAlertsManifest.Build(resolved, fleetId) is { } rule)
        {
            files.Add(new ManifestFile(FailoverAlertsFile, YamlWriter.Write(rule,
                ManifestHeader.For(string.Join(", ", resolved.Select(r => r.ApplicationSet.ClassName + "." + r.Failover.MemberName).Distinct())),
                "Apply where the Prometheus operator reads rules (its ruleSelector and ruleNamespaceSelector must match); see docs/failover.md.")));
        }

        foreach (var failover in resolved)
        {
            files.Add(new ManifestFile(RunbookFile(failover.Failover.Name), FailoverRunbook.Build(failover)));
            if (FailoverDnsManifest.Build(failover) is not { } dns) continue;
            files.Add(new ManifestFile(DnsFile(failover.Failover.Name), YamlWriter.Write(dns,
                ManifestHeader.For(failover.ApplicationSet.ClassName + "." + failover.Failover.MemberName),
                "Apply where external-dns runs with --source=crd and owns the zone of " + failover.Failover.Host + " (Route 53); see docs/failover.md.")));
        }

        return files;
    }

    // Every generated path comes from the members below, so the build, the path rules (HUB019, HUB020, via
    // GeneratedPaths) and the CLI agree on where each file is.

    /// <summary>The folder of the hub's manifests (ApplicationSets, AppProjects, cluster Secrets), relative to the output root.</summary>
    public const string HubManifestFolder = "argocd/";

    /// <summary>The argo-cd chart values of a <c>[Hub]</c>, relative to the output root.</summary>
    public const string HubValuesFile = "hub/argo-cd-values.yaml";

    /// <summary>Where the build writes a cluster's Secret, relative to the output root.</summary>
    public static string ClusterSecretFile(string clusterName) => HubManifestFolder + "clusters/" + GeneratedFileNames.For(clusterName, ".yaml");

    /// <summary>Where the build writes an ApplicationSet, relative to the output root.</summary>
    public static string ApplicationSetFile(string applicationSetName) => HubManifestFolder + "applicationsets/" + GeneratedFileNames.For(applicationSetName, ".yaml");

    /// <summary>Where the build writes an AppProject, relative to the output root.</summary>
    public static string ProjectFile(string projectName) => HubManifestFolder + "projects/" + GeneratedFileNames.For(projectName, ".yaml");

    /// <summary>Where the build writes the fleet's failover alerts (a PrometheusRule), relative to the output root.</summary>
    public const string FailoverAlertsFile = "monitoring/failover-alerts.yaml";

    /// <summary>Where the build writes a failover's runbook, relative to the output root.</summary>
    public static string RunbookFile(string failoverName) => "runbooks/" + GeneratedFileNames.For(failoverName, ".md");

    /// <summary>Where the build writes a failover's external-dns records, relative to the output root.</summary>
    public static string DnsFile(string failoverName) => "dns/" + GeneratedFileNames.For(failoverName, ".yaml");

    /// <summary>Where the build writes a cluster's spoke objects, relative to the output root.</summary>
    public static string SpokeFile(string clusterName) => "spokes/" + GeneratedFileNames.For(clusterName, string.Empty) + "/argocd-manager.yaml";

    // The model is shared with the analyzers and cached, so the label goes on a copy of the path down to the labels.
    private static YamlMapping WithFleetLabel(YamlMapping manifest, string? fleetId)
    {
        if (fleetId is null) return manifest;
        var copy = Copy(manifest);
        var metadata = Copy(copy["metadata"] as YamlMapping ?? new YamlMapping());
        copy.Set("metadata", metadata);
        var labels = Copy(metadata["labels"] as YamlMapping ?? new YamlMapping());
        metadata.Set("labels", labels);
        labels.Set(FleetIdentity.LabelKey(fleetId), ManifestLabels.FleetValue);
        return copy;
    }

    private static YamlMapping Copy(YamlMapping mapping)
    {
        var copy = new YamlMapping { Origin = mapping.Origin, KeyOrigins = mapping.KeyOrigins };
        foreach (var entry in mapping) copy.Set(entry.Key, entry.Value);
        return copy;
    }
}
