namespace HubDsl.Cli.Watch;

/// <summary>
/// How one generated Application (one ApplicationSet, one cluster) differs between two passes: added, removed, or
/// changed in its value files, its effective Helm values (key: old → new), its destination or its sync policy.
/// </summary>
internal sealed record ApplicationChange(string Application, string Cluster, string Kind, IReadOnlyList<FieldChange> Fields, IReadOnlyList<FieldChange> Values)
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Changed = "changed";
}

/// <summary>One field or values key, before and after (null: absent).</summary>
internal sealed record FieldChange(string Name, string? Old, string? New);
