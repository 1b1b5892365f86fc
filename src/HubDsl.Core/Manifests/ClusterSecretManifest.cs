using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Manifests;

/// <summary>
/// The hub-side Secret of a declared cluster, without credentials: Argo CD reads name, server, labels and
/// annotations from it; <c>config</c> is added when the cluster is registered and never lives in Git.
/// </summary>
public static class ClusterSecretManifest
{
    /// <summary>
    /// The Secret as a YAML tree. A least-privilege cluster's <paramref name="access"/> puts Argo CD in namespaced
    /// mode for the namespaces its Roles cover (and <c>clusterResources</c> when it deploys cluster-scoped kinds);
    /// with a <paramref name="fleetId"/>, it carries that fleet's ownership label.
    /// </summary>
    public static YamlMapping Build(ClusterModel cluster, string @namespace, LeastPrivilegeAccess? access = null, string? fleetId = null)
    {
        var secret = new YamlMapping().Set("apiVersion", "v1").Set("kind", "Secret");
        var metadata = secret.GetOrAddMapping("metadata");
        metadata.Set("name", ClusterSecretNames.ForServer(cluster.Server) ?? "cluster-" + cluster.Name);
        metadata.Set("namespace", @namespace);
        metadata.Set("labels", Labels(cluster, fleetId));
        if (cluster.Annotations.Count > 0)
        {
            var annotations = metadata.GetOrAddMapping("annotations");
            foreach (var annotation in cluster.Annotations) annotations.Set(annotation.Key, annotation.Value);
        }

        secret.Set("type", "Opaque");
        var data = secret.GetOrAddMapping("stringData");
        data.Set("name", cluster.Name);
        data.Set("server", cluster.Server);
        if (!string.IsNullOrEmpty(cluster.Project)) data.Set("project", cluster.Project!);
        var namespaces = access?.Namespaces ?? cluster.Namespaces;
        if (namespaces.Count > 0)
        {
            data.Set("namespaces", string.Join(",", namespaces));
            if (cluster.ClusterResources || access?.ClusterResources == true) data.Set("clusterResources", "true");
        }

        return secret;
    }

    /// <summary>
    /// The Secret's labels: the secret type and managed-by first, then the declared labels, and the fleet's label last
    /// (a declared label cannot change it). <see cref="ClusterTargeting"/> selects clusters on these.
    /// </summary>
    public static YamlMapping Labels(ClusterModel cluster, string? fleetId = null)
    {
        var labels = new YamlMapping();
        labels.Set(ManifestLabels.SecretTypeKey, "cluster");
        labels.Set(ManifestLabels.ManagedByKey, ManifestLabels.ManagedByValue);
        foreach (var label in cluster.Labels) labels.Set(label.Key, label.Value);
        if (fleetId is not null) labels.Set(FleetIdentity.LabelKey(fleetId), ManifestLabels.FleetValue);
        return labels;
    }
}
