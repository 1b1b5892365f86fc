using System;
using System.Collections.Concurrent;
using System.Threading;
using HubDsl.Generators.Evaluation;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators.Caching;

/// <summary>
/// The member-value caches of the compilations that chart-typed ApplicationSets are bound in (the project's compilation
/// plus the generated <c>[ChartValues]</c> records). They are kept apart from <see cref="EvaluationCaches"/>: one
/// <see cref="EvaluationCache"/> follows one line of compilations by comparing trees, and alternating between the
/// project's compilation and the augmented one would empty it on every step. The augmented line's cache is tied to the
/// records' texts: when a chart changes a record, it starts over. The analyzers bind the same ApplicationSets through it
/// in the final compilation (the generator's plus everything it added), which holds the same records under another
/// folder: the cache matches them by hint name, so both share one set of values.
/// </summary>
internal static class ChartEvaluationCaches
{
    private static readonly ConcurrentDictionary<string, (string RecordsKey, EvaluationCache Cache)> Caches = new(StringComparer.Ordinal);

    public static IMemberValueCache For(Compilation augmented, string recordsKey, CancellationToken cancellationToken)
    {
        var project = augmented.AssemblyName ?? string.Empty;
        var entry = Caches.AddOrUpdate(
            project,
            _ => (recordsKey, new EvaluationCache()),
            (_, existing) => string.Equals(existing.RecordsKey, recordsKey, StringComparison.Ordinal) ? existing : (recordsKey, new EvaluationCache()));
        if (Caches.Count > EvaluationCaches.MaxProjects)
        {
            foreach (var key in Caches.Keys)
            {
                if (key != project) Caches.TryRemove(key, out _);
            }
        }

        return entry.Cache.For(augmented, cancellationToken);
    }

    /// <summary>Values held, reused and stored for a project's augmented compilations (tests).</summary>
    public static (int Held, long Reused, long Stored) Statistics(string assemblyName) =>
        Caches.TryGetValue(assemblyName, out var entry) ? entry.Cache.Statistics : default;

    /// <summary>Whether a value is held for the member (or a record's chart defaults, <c>chart-defaults:Type</c>) (tests).</summary>
    public static bool Holds(string assemblyName, string member) => Caches.TryGetValue(assemblyName, out var entry) && entry.Cache.Holds(member);

    /// <summary>Forgets every value (cold-run benchmarks and tests).</summary>
    public static void Clear() => Caches.Clear();
}
