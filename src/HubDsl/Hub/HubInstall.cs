namespace HubDsl;

/// <summary>
/// The hub's Argo CD install, as values of the official <c>argo/argo-cd</c> chart. Unset replica counts take the
/// chart's HA example when <see cref="HighAvailability"/> is on (server, repo server and ApplicationSet
/// controller at 2), else the chart's defaults (1).
/// </summary>
public sealed class HubInstall
{
    /// <param name="namespace">The namespace Argo CD is installed in (where cluster Secrets live).</param>
    public HubInstall(string @namespace = "argocd") => Namespace = @namespace;

    /// <summary>The namespace Argo CD is installed in.</summary>
    public string Namespace { get; }

    /// <summary>
    /// HA: Redis HA (<c>redis-ha.enabled</c>, with HAProxy; needs at least 3 nodes) and two replicas of the
    /// stateless components.
    /// </summary>
    public bool HighAvailability { get; init; }

    /// <summary>
    /// Application controller replicas, one shard each. More than 1 shards clusters across replicas (every cluster
    /// Secret of the fleets in <see cref="Namespace"/> gets its shard, balanced by the clusters' weights); it is not
    /// active/passive HA.
    /// </summary>
    public int? ControllerReplicas { get; init; }

    /// <summary>
    /// How far above the average a shard's load may go, in percent (default 5): the shard assignment keeps every
    /// shard within it when it can, and HUB032 warns when it cannot.
    /// </summary>
    public int? ShardTolerancePercent { get; init; }

    /// <summary>API server replicas (ignored by the chart when <see cref="ServerAutoscaling"/> is set).</summary>
    public int? ServerReplicas { get; init; }

    /// <summary>Repo server replicas (ignored by the chart when <see cref="RepoServerAutoscaling"/> is set).</summary>
    public int? RepoServerReplicas { get; init; }

    /// <summary>ApplicationSet controller replicas.</summary>
    public int? ApplicationSetReplicas { get; init; }

    /// <summary>Autoscale the API server instead of a fixed replica count.</summary>
    public Autoscaling? ServerAutoscaling { get; init; }

    /// <summary>Autoscale the repo server instead of a fixed replica count.</summary>
    public Autoscaling? RepoServerAutoscaling { get; init; }

    /// <summary>Enable progressive syncs (needed by <see cref="RollingSync"/>) on the ApplicationSet controller.</summary>
    public bool ProgressiveSyncs { get; init; }
}

/// <summary>A HorizontalPodAutoscaler range.</summary>
/// <param name="MinReplicas">At least this many replicas.</param>
/// <param name="MaxReplicas">At most this many replicas.</param>
public sealed record Autoscaling(int MinReplicas, int MaxReplicas);
