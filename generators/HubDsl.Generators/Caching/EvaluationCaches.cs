using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators.Caching;

/// <summary>
/// One <see cref="EvaluationCache"/> per project. A generator instance is shared by every project that
/// references it (in the IDE and in the compiler server), so caches are told apart by assembly name; two
/// compilations with one name (multi-targeting) only cost re-evaluation, never a wrong value. A cache holds its
/// project's last syntax trees, so only the most recently used projects keep one (a long-lived compiler server
/// builds many projects).
/// </summary>
internal static class EvaluationCaches
{
    /// <summary>Projects that keep a cache; the least recently used one beyond this is dropped.</summary>
    public const int MaxProjects = 8;

    private static readonly ConcurrentDictionary<string, EvaluationCache> Caches = new();
    private static long _clock;

    public static Evaluation.IMemberValueCache For(Compilation compilation, CancellationToken cancellationToken) => Of(compilation).For(compilation, cancellationToken);

    /// <summary>The project's renders kept between validations (they are reused by content, whatever the compilation).</summary>
    public static HubDsl.Core.Analysis.RenderMemo Renders(Compilation compilation) => Of(compilation).Renders;

    private static EvaluationCache Of(Compilation compilation)
    {
        var cache = Caches.GetOrAdd(compilation.AssemblyName ?? string.Empty, _ => new EvaluationCache());
        cache.LastUsed = Interlocked.Increment(ref _clock);
        if (Caches.Count > MaxProjects) DropLeastRecentlyUsed();
        return cache;
    }

    private static void DropLeastRecentlyUsed()
    {
        var oldest = default(KeyValuePair<string, EvaluationCache>);
        foreach (var pair in Caches)
        {
            if (oldest.Value is null || pair.Value.LastUsed < oldest.Value.LastUsed) oldest = pair;
        }

        if (oldest.Value is not null) Caches.TryRemove(oldest.Key, out _);
    }

    /// <summary>Forgets every value, so the next run evaluates from scratch (cold-run benchmarks and tests).</summary>
    public static void Clear()
    {
        foreach (var cache in Caches.Values) cache.Clear();
    }

    /// <summary>Values held, reused and stored for a project (tests and benchmarks).</summary>
    public static (int Held, long Reused, long Stored) Statistics(string assemblyName) =>
        Caches.TryGetValue(assemblyName, out var cache) ? cache.Statistics : default;

    /// <summary>Recorded texts held, reused and stored for a project (tests and benchmarks).</summary>
    public static (int Held, long Reused, long Stored) RecordedStatistics(string assemblyName) =>
        Caches.TryGetValue(assemblyName, out var cache) ? cache.RecordedStatistics : default;

    /// <summary>Whether a value is held for the member (tests).</summary>
    public static bool Holds(string assemblyName, string member) => Caches.TryGetValue(assemblyName, out var cache) && cache.Holds(member);
}
