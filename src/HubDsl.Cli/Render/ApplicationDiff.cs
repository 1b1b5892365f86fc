namespace HubDsl.Cli.Render;

/// <summary>One Application's changed objects between the base and the working tree, or an error on either side.</summary>
internal sealed record ApplicationDiff(string Cluster, string Name, IReadOnlyList<ObjectChange> Changes)
{
    /// <summary>A render error on either side (the Application then has no trustworthy diff).</summary>
    public string? Error { get; init; }

    /// <summary>How many objects were added, removed, changed.</summary>
    public int Count(ChangeKind kind) => Changes.Count(c => c.Kind == kind);
}
