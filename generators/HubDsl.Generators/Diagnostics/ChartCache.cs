using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Analysis;
using HubDsl.Core.Charts;
using HubDsl.Core.Charts.Checks;
using HubDsl.Core.Model;
using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;

namespace HubDsl.Generators.Diagnostics;

/// <summary>
/// Charts and their checks, kept across compilations so that a keystroke costs nothing chart-wise: a chart is read
/// and analysed again only when one of its files changed (the key is its files' paths and checksums), and an
/// ApplicationSet is checked again only when its chart or its values (with where they were written) changed. So
/// editing one chart template re-checks only the ApplicationSets using that chart. Bounded: past
/// <see cref="MaxEntries"/> entries a cache starts over.
/// </summary>
internal static class ChartCache
{
    private const int MaxEntries = 64;
    private const int MaxLogEntries = 1024;

    private static readonly ConcurrentDictionary<string, ChartReads> Charts = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<CheckKey, IReadOnlyList<Finding>> Checks = new();

    /// <summary>What was (re)computed, newest last, for the incremental tests: "analyse &lt;chart name&gt;", "check &lt;class&gt; &lt;chart name&gt;".</summary>
    internal static readonly ConcurrentQueue<string> Log = new();

    /// <summary>The analysed chart for these files (key: paths and checksums), reading and analysing it when new.</summary>
    public static ChartReads Reads(string filesKey, Func<IReadOnlyList<ChartFile>> files)
    {
        if (Charts.TryGetValue(filesKey, out var cached)) return cached;
        var chart = ChartReader.Read(files());
        var reads = ChartReads.Analyze(chart);
        Record("analyse " + chart.Name);
        if (Charts.Count >= MaxEntries) Charts.Clear();
        Charts[filesKey] = reads;
        return reads;
    }

    /// <summary>The findings of one ApplicationSet against its chart, computed when either changed.</summary>
    public static IReadOnlyList<Finding> Check(ApplicationSetModel appSet, ChartReads reads, string chartFolder)
    {
        var key = new CheckKey(appSet, reads, chartFolder, Origins(appSet));
        if (Checks.TryGetValue(key, out var cached)) return cached;
        var findings = ChartValuesCheck.Check(appSet, reads, chartFolder);
        Record("check " + appSet.ClassName + " " + reads.Chart.Name);
        if (Checks.Count >= MaxEntries) Checks.Clear();
        Checks[key] = findings;
        return findings;
    }

    /// <summary>A chart or check that failed (recorded for tests; the analyzer then reports nothing for it).</summary>
    public static void Failed(string className, Exception e) => Record("failed " + className + " " + e.GetType().Name + ": " + e.Message);

    private static void Record(string entry)
    {
        Log.Enqueue(entry);
        while (Log.Count > MaxLogEntries) Log.TryDequeue(out _);
    }

    // Values compare by content; their places in the source are part of the key, so a moved declaration is reported where it is now.
    private static string Origins(ApplicationSetModel appSet)
    {
        var sb = new System.Text.StringBuilder();
        void Walk(YamlNode node)
        {
            if (node.Origin is { } o) sb.Append(o.Path).Append(':').Append(o.Start).Append('+').Append(o.Length).Append(';');
            if (node is YamlScalar { PartOrigins: { } parts }) foreach (var p in parts) sb.Append(p.Origin.Start).Append('+').Append(p.Origin.Length).Append(',');
            if (node is YamlMapping m)
            {
                if (m.KeyOrigins != null) foreach (var k in m.KeyOrigins.OrderBy(k => k.Key, StringComparer.Ordinal)) sb.Append(k.Value.Start).Append('k');
                foreach (var e in m) Walk(e.Value);
            }
            else if (node is YamlSequence s)
            {
                foreach (var item in s) Walk(item);
            }
        }

        foreach (var values in appSet.Values)
        {
            sb.Append('|');
            Walk(values.Values);
        }

        Walk(appSet.Manifest);
        return sb.ToString();
    }

    private sealed record CheckKey(ApplicationSetModel AppSet, ChartReads Reads, string ChartFolder, string Origins);
}
