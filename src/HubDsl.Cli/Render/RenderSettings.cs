namespace HubDsl.Cli.Render;

/// <summary>What <c>hubdsl render</c> assumes about the repository and the hub it imitates.</summary>
internal sealed record RenderSettings
{
    /// <summary>The folder that stands for the root of the repository the Applications' <c>repoURL</c> points at: source paths resolve inside it.</summary>
    public required string SourceRoot { get; init; }

    /// <summary>Only sources with one of these <c>repoURL</c>s are this repository's (empty: any Git source whose path is a chart here).</summary>
    public IReadOnlyCollection<string> Repositories { get; init; } = Array.Empty<string>();

    /// <summary>Only these clusters (empty: all).</summary>
    public IReadOnlyCollection<string> Clusters { get; init; } = Array.Empty<string>();

    /// <summary>Only these ApplicationSets (empty: all).</summary>
    public IReadOnlyCollection<string> ApplicationSets { get; init; } = Array.Empty<string>();

    /// <summary>The commit <c>$ARGOCD_APP_REVISION</c> names (Argo CD's resolved targetRevision).</summary>
    public string Revision { get; init; } = string.Empty;

    /// <summary>The namespace Argo CD runs in: Applications elsewhere are named <c>namespace_name</c> (Application.InstanceName).</summary>
    public string ArgoCdNamespace { get; init; } = "argocd";

    /// <summary>The hub's <c>application.resourceTrackingMethod</c>.</summary>
    public TrackingMethod Tracking { get; init; } = TrackingMethod.Annotation;

    /// <summary>The hub's <c>application.instanceLabelKey</c> (label tracking).</summary>
    public string InstanceLabelKey { get; init; } = "app.kubernetes.io/instance";

    /// <summary>The hub's <c>installationID</c>, or empty.</summary>
    public string InstallationId { get; init; } = string.Empty;

    /// <summary>Whether the hub's in-cluster cluster exists.</summary>
    public bool IncludeInCluster { get; init; } = true;

    /// <summary>How many helm processes run at once.</summary>
    public int Parallelism { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 16);

    /// <summary>
    /// The most YAML (characters, all Applications together) one render keeps: many Applications sharing one large
    /// chart output each hold their own copy, so this, not each helm run's limit, bounds memory.
    /// </summary>
    public long MaxTotalCharacters { get; init; } = 256L * 1024 * 1024;

    /// <summary>How long one helm template may run.</summary>
    public TimeSpan HelmTimeout { get; init; } = TimeSpan.FromSeconds(120);
}
