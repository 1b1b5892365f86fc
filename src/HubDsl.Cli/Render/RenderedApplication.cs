namespace HubDsl.Cli.Render;

/// <summary>
/// One generated Application and what it renders: its objects sorted by key, or the error that stopped it
/// (Argo CD would show it as a ComparisonError), plus warnings such as an object rendered twice.
/// </summary>
internal sealed record RenderedApplication(string Cluster, string Name, string ApplicationSet)
{
    /// <summary>The rendered objects, sorted by kind, group, namespace and name.</summary>
    public IReadOnlyList<RenderedObject> Objects { get; init; } = Array.Empty<RenderedObject>();

    /// <summary>Why it could not be rendered, or null.</summary>
    public string? Error { get; init; }

    /// <summary>Things Argo CD would warn about.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

    /// <summary>The output folder, relative: <c>&lt;cluster&gt;/&lt;application&gt;</c>.</summary>
    public string Folder => ObjectKey.Portable(Cluster) + "/" + ObjectKey.Portable(Name);
}
