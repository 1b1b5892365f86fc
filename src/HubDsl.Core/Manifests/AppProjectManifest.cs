using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Manifests;

/// <summary>
/// The AppProject an ApplicationSet declares: only its source repositories, only the destinations of the
/// clusters it targets (or the declared limits), and only the cluster-scoped kinds it needs.
/// </summary>
public static class AppProjectManifest
{
    /// <summary>The AppProject, or null when the ApplicationSet declares none; with a fleet id, it carries that fleet's ownership label.</summary>
    public static YamlMapping? Build(ApplicationSetModel appSet, IEnumerable<ClusterModel> clusters, string? fleetId = null)
    {
        if (appSet.Project is not { } project) return null;
        var template = appSet.Manifest["spec"] is YamlMapping spec ? spec["template"] as YamlMapping : null;
        var templateSpec = template?["spec"] as YamlMapping;
        var repo = (templateSpec?["source"] as YamlMapping)?["repoURL"]?.AsString();
        var destinationNamespace = (templateSpec?["destination"] as YamlMapping)?["namespace"]?.AsString() ?? "*";

        var manifest = new YamlMapping().Set("apiVersion", "argoproj.io/v1alpha1").Set("kind", "AppProject");
        var metadata = manifest.GetOrAddMapping("metadata").Set("name", project.Name).Set("namespace", appSet.Namespace);
        var labels = metadata.GetOrAddMapping("labels").Set(ManifestLabels.ManagedByKey, ManifestLabels.ManagedByValue);
        if (fleetId is not null) labels.Set(FleetIdentity.LabelKey(fleetId), ManifestLabels.FleetValue);
        var projectSpec = manifest.GetOrAddMapping("spec");
        if (project.Description is not null) projectSpec.Set("description", project.Description);

        var repos = project.SourceRepos.Count > 0 ? project.SourceRepos.ToList() : repo is null ? new List<string>() : new List<string> { repo };
        projectSpec.Set("sourceRepos", new YamlSequence(repos.Select(r => (YamlNode)YamlScalar.String(r))));

        var destinations = new YamlSequence();
        if (project.Destinations.Count > 0)
        {
            foreach (var d in project.Destinations) destinations.Add(new YamlMapping().Set("server", d.Key).Set("namespace", d.Value));
        }
        else
        {
            foreach (var cluster in Targeted(appSet, clusters, fleetId))
            {
                foreach (var ns in Namespaces(appSet, cluster, destinationNamespace, fleetId))
                {
                    destinations.Add(new YamlMapping().Set("name", cluster.Name).Set("server", cluster.Server).Set("namespace", ns));
                }
            }
        }

        projectSpec.Set("destinations", destinations);
        // Namespace for CreateNamespace=true, and the cluster-scoped kinds the ApplicationSet declares it deploys.
        var clusterKinds = new YamlSequence();
        if (appSet.CreatesNamespace) clusterKinds.Add(new YamlMapping().Set("group", string.Empty).Set("kind", "Namespace"));
        foreach (var resource in appSet.DeployedResources.Where(r => r.ClusterScoped && r.Kind is not null && !(r.Group.Length == 0 && r.Kind == "Namespace")))
        {
            clusterKinds.Add(new YamlMapping().Set("group", resource.Group).Set("kind", resource.Kind!));
        }

        projectSpec.Set("clusterResourceWhitelist", clusterKinds);
        return manifest;
    }

    // A templated namespace (e.g. team-{{metadata.labels.team}}) is rendered for the cluster, as Argo CD renders it
    // and as the cluster's least-privilege Roles are placed; a literal one is used as it is.
    private static IReadOnlyList<string> Namespaces(ApplicationSetModel appSet, ClusterModel cluster, string destinationNamespace, string? fleetId)
    {
        if (destinationNamespace.IndexOf("{{", System.StringComparison.Ordinal) < 0) return new[] { destinationNamespace };
        var rendered = LeastPrivilegeAccess.DestinationNamespaces(cluster, appSet, new[] { ClusterSecretManifest.Build(cluster, appSet.Namespace, fleetId: fleetId) });
        return rendered.Count > 0 ? rendered : new[] { destinationNamespace };
    }

    /// <summary>The declared clusters the ApplicationSet's selector matches, by name.</summary>
    public static IEnumerable<ClusterModel> Targeted(ApplicationSetModel appSet, IEnumerable<ClusterModel> clusters, string? fleetId = null) =>
        clusters.Where(ClusterTargeting.For(appSet.Selector, fleetId)).OrderBy(c => c.Name, System.StringComparer.Ordinal);
}
