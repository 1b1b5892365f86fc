using System.Collections.Generic;

namespace HubDsl;

/// <summary>
/// A spoke cluster as Argo CD sees it: a Secret in the hub's namespace with a display name, an API
/// server URL and labels that ApplicationSet selectors match. Credentials are never declared here; they
/// are added when the cluster is registered (<c>hubdsl cluster add</c>).
/// </summary>
public sealed class Cluster
{
    /// <param name="name">The cluster's name in Argo CD (<c>{{name}}</c>).</param>
    /// <param name="server">The API server URL (<c>{{server}}</c>); Argo CD's identity for the cluster.</param>
    public Cluster(string name, string server)
    {
        Name = name;
        Server = server;
    }

    /// <summary>The cluster's name in Argo CD.</summary>
    public string Name { get; }

    /// <summary>The API server URL.</summary>
    public string Server { get; }

    /// <summary>Labels of the cluster Secret; ApplicationSet selectors match them.</summary>
    public Dictionary<string, string> Labels { get; } = new Dictionary<string, string>();

    /// <summary>Annotations of the cluster Secret.</summary>
    public Dictionary<string, string> Annotations { get; } = new Dictionary<string, string>();

    /// <summary>Makes the cluster project-scoped (<c>project</c> in the Secret).</summary>
    public string? Project { get; init; }

    /// <summary>Namespaced mode: Argo CD manages only these namespaces of the cluster.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = new string[0];

    /// <summary>With <see cref="Namespaces"/>, also allow cluster-scoped resources.</summary>
    public bool ClusterResources { get; init; }

    /// <summary>What the hub's ServiceAccount may do on this cluster (default: what <c>argocd cluster add</c> grants).</summary>
    public SpokeAccess Access { get; init; }

    /// <summary>The spoke namespace of the <c>argocd-manager</c> ServiceAccount and its token (<c>--system-namespace</c>).</summary>
    public string SystemNamespace { get; init; } = "kube-system";

    /// <summary>
    /// The load the cluster puts on its application controller shard, for balancing shards (at least 1). Default:
    /// the number of Applications the fleet's ApplicationSets generate for it (at least 1).
    /// </summary>
    public int? ShardWeight { get; init; }

    /// <summary>Skip TLS verification of the API server. Insecure; reported as HUB014.</summary>
    public bool InsecureSkipTlsVerify { get; init; }
}
