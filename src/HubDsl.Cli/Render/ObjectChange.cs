namespace HubDsl.Cli.Render;

/// <summary>How one object differs between the base and the working tree.</summary>
internal enum ChangeKind
{
    /// <summary>Only in the working tree.</summary>
    Added,

    /// <summary>Only in the base.</summary>
    Removed,

    /// <summary>In both, with different content.</summary>
    Changed,
}

/// <summary>One object's change, with its unified diff (Secret values masked).</summary>
internal sealed record ObjectChange(ObjectKey Key, ChangeKind Kind, string Diff);
