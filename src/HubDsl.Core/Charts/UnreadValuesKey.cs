using HubDsl.Core.Yaml;

namespace HubDsl.Core.Charts;

/// <summary>
/// A key of the user's values that the chart neither declares in values.yaml nor reads in any template: Helm ignores
/// it silently. <see cref="Origin"/> is where the value was written (the C# member, for the analyzers);
/// <see cref="DidYouMean"/> a declared sibling key with a similar name.
/// </summary>
public sealed record UnreadValuesKey(ValuesPath Path, SourceSpan? Origin, string? DidYouMean)
{
    /// <inheritdoc/>
    public override string ToString() => Path + (DidYouMean is null ? "" : " (did you mean '" + DidYouMean + "'?)");
}
