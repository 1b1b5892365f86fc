using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Manifests;

/// <summary>All files the build writes for a fleet and its ApplicationSets.</summary>
public static class FleetManifests
{
    /// <summary>One cluster Secret file per declared cluster.</summary>
    public static IReadOnlyList<ManifestFile> ClusterSecrets(FleetModel fleet) =>
        fleet.Clusters.Select(cluster => ClusterSecret(fleet.ClassName, fleet.Namespace, cluster)).ToList();

    /// <summary>The cluster Secret file of one cluster of the fleet declared by <paramref name="fleetClass"/>.</summary>
    public static ManifestFile ClusterSecret(string fleetClass, string @namespace, ClusterModel cluster) =>
        new(ClusterSecretFile(cluster.Name),
            YamlWriter.Write(ClusterSecretManifest.Build(cluster, @namespace), ManifestHeader.For(fleetClass + "." + cluster.MemberName)));

    /// <summary>
    /// Per cluster, the spoke objects that let the hub manage it (ServiceAccount, token Secret, RBAC), ready for
    /// <c>kubectl apply</c> on the spoke or for <c>hubdsl cluster add</c>.
    /// </summary>
    public static IReadOnlyList<ManifestFile> SpokeRbac(FleetModel fleet, IEnumerable<ApplicationSetModel> applicationSets)
    {
        var appSets = applicationSets.ToList();
        return fleet.Clusters.Select(cluster => SpokeRbac(fleet.ClassName, fleet.Namespace, cluster, appSets)).ToList();
    }

    /// <summary>One cluster's spoke objects; the ApplicationSets of the fleet's namespace that target it decide least-privilege grants.</summary>
    public static ManifestFile SpokeRbac(string fleetClass, string @namespace, ClusterModel cluster, IEnumerable<ApplicationSetModel> applicationSets)
    {
        var targeting = applicationSets.Where(a => a.Namespace == @namespace && Rendering.ClusterTargeting.For(a.Selector)(cluster));
        var yaml = YamlWriter.WriteDocuments(SpokeRbacManifest.Build(cluster, targeting),
            ManifestHeader.For(fleetClass + "." + cluster.MemberName),
            "Apply on the spoke (kubectl apply -f), or let 'hubdsl cluster add' apply it. Access: " + cluster.Access + ".");
        return new ManifestFile(SpokeFile(cluster.Name), yaml);
    }

    /// <summary>The ApplicationSet's own AppProject, when it declares one.</summary>
    public static IReadOnlyList<ManifestFile> Project(ApplicationSetModel appSet, IEnumerable<FleetModel> fleets)
    {
        var clusters = fleets.Where(f => f.Namespace == appSet.Namespace).SelectMany(f => f.Clusters);
        var project = AppProjectManifest.Build(appSet, clusters);
        return project is null
            ? new ManifestFile[0]
            : new[] { new ManifestFile(ProjectFile(appSet.Project!.Name), YamlWriter.Write(project, ManifestHeader.For(appSet.ClassName))) };
    }

    /// <summary>The ApplicationSet file and its values files.</summary>
    public static IReadOnlyList<ManifestFile> ApplicationSet(ApplicationSetModel appSet)
    {
        var files = new List<ManifestFile>
        {
            new ManifestFile(ApplicationSetFile(appSet.Name), YamlWriter.Write(appSet.Manifest, ManifestHeader.For(appSet.ClassName))),
        };
        files.AddRange(ValuesFiles.Build(appSet));
        files.AddRange(ExternalSecretManifest.Build(appSet));
        return files;
    }

    /// <summary>The values file for the official argo-cd chart (<c>helm install argocd argo/argo-cd -f ...</c>).</summary>
    public static IReadOnlyList<ManifestFile> Hub(HubModel hub) => new[]
    {
        new ManifestFile(HubValuesFile, YamlWriter.Write(hub.ChartValues,
            ManifestHeader.For(hub.ClassName + "." + hub.MemberName),
            "Install: helm upgrade --install argocd argo/argo-cd --namespace " + hub.Namespace + " --create-namespace -f hub/argo-cd-values.yaml")),
    };

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

    /// <summary>Where the build writes a cluster's spoke objects, relative to the output root.</summary>
    public static string SpokeFile(string clusterName) => "spokes/" + GeneratedFileNames.For(clusterName, string.Empty) + "/argocd-manager.yaml";
}
