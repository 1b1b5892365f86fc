namespace HubDsl.Cli.Render;

/// <summary>The result of rendering a fleet: every Application's objects, what was not rendered and why, and the work done.</summary>
internal sealed record FleetRender
{
    /// <summary>The rendered Applications (objects or error), sorted by cluster and name.</summary>
    public IReadOnlyList<RenderedApplication> Applications { get; init; } = Array.Empty<RenderedApplication>();

    /// <summary>Applications that are not Helm charts in this repository, with the reason.</summary>
    public IReadOnlyList<ApplicationPlan> Skipped { get; init; } = Array.Empty<ApplicationPlan>();

    /// <summary>ApplicationSet render and validation errors (what the ApplicationSet controller would report).</summary>
    public IReadOnlyList<string> ApplicationSetErrors { get; init; } = Array.Empty<string>();

    /// <summary>How many distinct <c>helm template</c> inputs the Applications have (each rendered once).</summary>
    public int DistinctInputs { get; init; }

    /// <summary>Whether anything failed: an ApplicationSet error or an Application that could not be rendered.</summary>
    public bool HasErrors => ApplicationSetErrors.Count > 0 || Applications.Any(a => a.Error is not null);
}
