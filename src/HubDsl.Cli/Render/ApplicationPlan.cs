namespace HubDsl.Cli.Render;

/// <summary>
/// One generated Application, read: its cluster and names, and either the <c>helm template</c> input, the reason it
/// is not rendered here (not a chart in this repository), or the error Argo CD would also stop at.
/// </summary>
internal sealed record ApplicationPlan(string Cluster, string Name, string InstanceName, string DestinationNamespace, string ApplicationSet)
{
    /// <summary>The helm input, when the Application is a Helm chart in this repository.</summary>
    public HelmTemplateInput? Input { get; init; }

    /// <summary>Why it is not rendered (a remote chart, another repository, not a chart), or null.</summary>
    public string? Skipped { get; init; }

    /// <summary>Why it cannot be rendered, or null.</summary>
    public string? Error { get; init; }
}
