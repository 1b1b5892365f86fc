using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators.Caching;

/// <summary>
/// One <see cref="EvaluationCache"/> per project. A generator instance is shared by every project that
/// references it (in the IDE and in the compiler server), so caches are told apart by assembly name; two
/// compilations with one name (multi-targeting) only cost re-evaluation, never a wrong value.
/// </summary>
internal static class EvaluationCaches
{
    private static readonly ConcurrentDictionary<string, EvaluationCache> Caches = new();

    public static Evaluation.IMemberValueCache For(Compilation compilation, CancellationToken cancellationToken) =>
        Caches.GetOrAdd(compilation.AssemblyName ?? string.Empty, _ => new EvaluationCache()).For(compilation, cancellationToken);

    /// <summary>Forgets every value, so the next run evaluates from scratch (cold-run benchmarks and tests).</summary>
    public static void Clear()
    {
        foreach (var cache in Caches.Values) cache.Clear();
    }

    /// <summary>Values held, reused and stored for a project (tests and benchmarks).</summary>
    public static (int Held, long Reused, long Stored) Statistics(string assemblyName) =>
        Caches.TryGetValue(assemblyName, out var cache) ? cache.Statistics : default;

    /// <summary>Whether a value is held for the member (tests).</summary>
    public static bool Holds(string assemblyName, string member) => Caches.TryGetValue(assemblyName, out var cache) && cache.Holds(member);
}
