using System;
using System.Globalization;
using System.Text;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Manifests;

/// <summary>
/// The hub-side Secret of a cluster. <see cref="Build"/> is a declared cluster's, without credentials: Argo CD reads
/// name, server, labels and annotations from it; <c>config</c> is added when the cluster is registered and never
/// lives in Git. <see cref="BuildRegistered"/> is the registered one, credentials included, as Argo CD's API writes it.
/// </summary>
public static class ClusterSecretManifest
{
    /// <summary>The annotation Argo CD's API puts on the Secrets it writes (argo-cd common/common.go AnnotationKeyManagedBy).</summary>
    public const string ManagedByAnnotation = "managed-by";

    /// <summary>Its value (argo-cd common/common.go AnnotationValueManagedByArgoCD).</summary>
    public const string ManagedByArgoCd = "argocd.argoproj.io";

    /// <summary>
    /// The Secret as a YAML tree. A least-privilege cluster's <paramref name="access"/> puts Argo CD in namespaced
    /// mode for the namespaces its Roles cover (and <c>clusterResources</c> when it deploys cluster-scoped kinds);
    /// with a <paramref name="fleetId"/>, it carries that fleet's ownership label; with a <paramref name="shard"/>, the
    /// application controller shard that manages it (<see cref="ControllerShards"/>).
    /// </summary>
    public static YamlMapping Build(ClusterModel cluster, string @namespace, LeastPrivilegeAccess? access = null, string? fleetId = null, int? shard = null)
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

        if (shard is { } number) data.Set("shard", number.ToString(CultureInfo.InvariantCulture));
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

    /// <summary>
    /// The Secret that registers <paramref name="cluster"/> with credentials <paramref name="configJson"/> (Argo CD's
    /// ClusterConfig as compact JSON), exactly as Argo CD's API writes it (argo-cd util/db/cluster.go
    /// clusterToSecret, then util/db/secrets.go addSecretMetadata): named by its server, base64 <c>data</c> in that
    /// function's key order, the cluster's labels and annotations followed by the secret-type label and the
    /// managed-by annotation. It holds credentials: send it to the API, never write it to a file.
    /// </summary>
    public static YamlMapping BuildRegistered(ClusterModel cluster, string @namespace, string configJson, int? shard = null)
    {
        var server = cluster.Server.TrimEnd('/');
        var secret = new YamlMapping().Set("apiVersion", "v1").Set("kind", "Secret");
        var metadata = secret.GetOrAddMapping("metadata");
        metadata.Set("name", ClusterSecretNames.ForServer(server) ?? throw new ArgumentException("the server '" + server + "' is not an absolute URL", nameof(cluster)));
        metadata.Set("namespace", @namespace);
        var labels = metadata.GetOrAddMapping("labels");
        foreach (var label in cluster.Labels) labels.Set(label.Key, label.Value);
        labels.Set(ManifestLabels.SecretTypeKey, "cluster");
        var annotations = metadata.GetOrAddMapping("annotations");
        foreach (var annotation in cluster.Annotations) annotations.Set(annotation.Key, annotation.Value);
        annotations.Set(ManagedByAnnotation, ManagedByArgoCd);

        secret.Set("type", "Opaque");
        var data = secret.GetOrAddMapping("data");
        data.Set("server", Base64(server));
        data.Set("name", Base64(cluster.Name.Length == 0 ? server : cluster.Name));
        if (cluster.Namespaces.Count > 0) data.Set("namespaces", Base64(string.Join(",", cluster.Namespaces)));
        data.Set("config", Base64(configJson));
        if (shard is { } number) data.Set("shard", Base64(number.ToString(CultureInfo.InvariantCulture)));
        if (cluster.ClusterResources) data.Set("clusterResources", Base64("true"));
        if (!string.IsNullOrEmpty(cluster.Project)) data.Set("project", Base64(cluster.Project!));
        return secret;
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
