using System.Collections.Generic;

namespace HubDsl.Core.Rendering;

/// <summary>A cluster as Argo CD reads it from a cluster Secret (util/db/cluster.go SecretToCluster).</summary>
public sealed class ClusterInfo
{
    /// <summary>The in-cluster pseudo-cluster's name.</summary>
    public const string InClusterName = "in-cluster";

    /// <summary>The in-cluster pseudo-cluster's server.</summary>
    public const string InClusterServer = "https://kubernetes.default.svc";

    /// <summary>The label that makes a Secret a cluster Secret (common/common.go <c>LabelKeySecretType</c>, which applicationset/generators/cluster.go adds to every selector).</summary>
    public const string SecretTypeLabel = "argocd.argoproj.io/secret-type";

    /// <summary>Creates a cluster.</summary>
    public ClusterInfo(
        string name,
        string server,
        IReadOnlyDictionary<string, string> labels,
        IReadOnlyDictionary<string, string> annotations,
        string? project,
        IReadOnlyList<string> namespaces,
        bool clusterResources,
        string secretName,
        string? secretNamespace)
    {
        Name = name;
        Server = server;
        Labels = labels;
        Annotations = annotations;
        Project = project;
        Namespaces = namespaces;
        ClusterResources = clusterResources;
        SecretName = secretName;
        SecretNamespace = secretNamespace;
    }

    /// <summary>
    /// <c>data.shard</c> as written (null without one): the application controller shard that manages the cluster
    /// (argo-cd util/db/cluster.go secretToCluster reads it; controller/sharding/sharding.go GetClusterFilter honours
    /// it below the replica count). The Cluster generator does not pass it to templates.
    /// </summary>
    public string? Shard { get; init; }

    /// <summary><c>data.name</c> verbatim; empty when absent (Argo CD has no fallback for hand-written Secrets).</summary>
    public string Name { get; }

    /// <summary><c>data.server</c> verbatim (the Cluster generator keeps a trailing slash); empty when absent.</summary>
    public string Server { get; }

    /// <summary>The Secret's labels, in manifest order, including the secret-type label.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>The Secret's annotations, in manifest order.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; }

    /// <summary><c>data.project</c>, or null when absent (the generator's <c>project</c> param is then "").</summary>
    public string? Project { get; }

    /// <summary><c>data.namespaces</c> split on ',', trimmed, empties dropped.</summary>
    public IReadOnlyList<string> Namespaces { get; }

    /// <summary><c>data.clusterResources</c> is exactly "true".</summary>
    public bool ClusterResources { get; }

    /// <summary>The Secret's <c>metadata.name</c> (empty when absent).</summary>
    public string SecretName { get; }

    /// <summary>The Secret's <c>metadata.namespace</c>, or null when the manifest has none.</summary>
    public string? SecretNamespace { get; }

    /// <summary>Whether the Secret carries <c>argocd.argoproj.io/secret-type: cluster</c>.</summary>
    public bool IsClusterSecret => Labels.TryGetValue(SecretTypeLabel, out var type) && type == "cluster";

    /// <summary>The server as the DB layer keys it: trailing slashes stripped.</summary>
    public string NormalizedServer => Server.TrimEnd('/');
}
