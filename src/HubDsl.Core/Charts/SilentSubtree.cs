namespace HubDsl.Core.Charts;

/// <summary>A values subtree where the read analysis could not follow the templates, so the check says nothing below it; with the reason and place.</summary>
public sealed record SilentSubtree(ValuesPath Path, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => (Path.IsRoot ? "(all values)" : Path.ToString()) + ": " + Reason;
}
