using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators.Charts;

/// <summary>
/// The syntax trees of the generated <c>[ChartValues]</c> records, as the generator's own <c>AddSource</c> output will
/// appear in the final compilation (same text; the path without the generated-files folder the build may add), to add
/// to the compilation the chart-typed ApplicationSets are bound in. Equal when the texts are equal (<see cref="Key"/>), so an unchanged chart keeps the
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

    /// <summary>
    /// The key of the records with these hint names and texts, in any order: the generator's augmented compilation and
    /// the final compilation (which places them in another folder) give the same key.
    /// </summary>
    public static string KeyOf(IEnumerable<(string HintName, string Text)> records)
    {
        var key = new StringBuilder();
        foreach (var (hintName, text) in records.OrderBy(r => r.HintName, StringComparer.Ordinal)) key.Append(hintName).Append('\u0001').Append(text).Append('\u0002');
        return key.ToString();
    }

    /// <summary>The key of the generated records a compilation holds (the analyzers', on the final compilation).</summary>
    public static string KeyIn(Compilation compilation, CancellationToken cancellationToken) =>
        KeyOf(compilation.SyntaxTrees
            .Select(tree => (Hint: Caching.OwnGeneratedTrees.ChartRecordHint(tree), Tree: tree))
            .Where(r => r.Hint is not null)
            .Select(r => (r.Hint!, r.Tree.GetText(cancellationToken).ToString())));

    public bool Equals(ChartRecordTrees? other) => other is not null && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ChartRecordTrees);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);
}
