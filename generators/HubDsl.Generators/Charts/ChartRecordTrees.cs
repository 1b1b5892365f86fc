using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators.Charts;

/// <summary>
/// The syntax trees of the generated <c>[ChartValues]</c> records, as the generator's own <c>AddSource</c> output will
/// appear in the final compilation (same text, same file path), to add to the compilation the chart-typed
/// ApplicationSets are bound in. Equal when the texts are equal (<see cref="Key"/>), so an unchanged chart keeps the
/// same trees from run to run.
/// </summary>
internal sealed class ChartRecordTrees : IEquatable<ChartRecordTrees>
{
    public static readonly ChartRecordTrees Empty = new(ImmutableArray<SyntaxTree>.Empty, string.Empty);

    public ChartRecordTrees(ImmutableArray<SyntaxTree> trees, string key)
    {
        Trees = trees;
        Key = key;
    }

    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>The hint names and texts of the trees: equal keys, equal trees.</summary>
    public string Key { get; }

    public bool Equals(ChartRecordTrees? other) => other is not null && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ChartRecordTrees);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);
}
