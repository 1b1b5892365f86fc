using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Charts.Reads;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Charts;

/// <summary>
/// "A values key the chart never reads": each leaf of the user's values (a scalar, a list, an empty map or null;
/// lists are not entered) is fine when values.yaml has it, when its nearest ancestor in values.yaml is an empty map
/// or null (a declared free-form slot such as <c>podAnnotations: {}</c>), or when a template reads it. Keys only a
/// give-up covers are not reported; their subtrees are listed in <see cref="ValuesKeyReport.Silent"/>.
/// </summary>
public static class ValuesKeyCheck
{
    /// <summary>Checks one values object (the user's keys, as Helm receives them) against the chart's reads.</summary>
    public static ValuesKeyReport Check(ChartReads reads, YamlMapping values)
    {
        if (reads is null) throw new ArgumentNullException(nameof(reads));
        if (values is null) throw new ArgumentNullException(nameof(values));
        var leaves = new List<(string[] Path, YamlNode Node)>();
        Leaves(values, new List<string>(), leaves);
        if (reads.GaveUpEntirely != null)
        {
            var silent = leaves.Count == 0 ? EquatableArray<SilentSubtree>.Empty : reads.GaveUp;
            return new ValuesKeyReport(leaves.Count, EquatableArray<UnreadValuesKey>.Empty, silent);
        }

        // Template strings in the user's own values run through tpl when the chart hands tpl its root (rule 9).
        ReadSet? userReads = null;
        string? userGaveUp = null;
        if (reads.ReadsTemplateStrings && HasTemplateString(values))
        {
            userReads = new ReadSet();
            var analyzer = new ReadAnalyzer(reads.Set, userReads);
            analyzer.AnalyzeUserStrings(values, reads.TplRoots);
            userGaveUp = analyzer.GaveUpEntirely;
        }

        if (userGaveUp != null)
        {
            return new ValuesKeyReport(leaves.Count, EquatableArray<UnreadValuesKey>.Empty, new[] { new SilentSubtree(ValuesPath.Root, "a template string in these values: " + userGaveUp) }.ToEquatableArray());
        }

        var unread = new List<UnreadValuesKey>();
        var silentReasons = new SortedDictionary<ValuesPath, string>();
        foreach (var (path, node) in leaves)
        {
            if (Declared(reads.Set.Defaults, path)) continue;
            string? gaveUp = null;
            if (reads.Reads.IsRead(path, out var g1) && g1 == null) continue;
            gaveUp = g1;
            if (userReads != null && userReads.IsRead(path, out var g2))
            {
                if (g2 == null) continue;
                gaveUp ??= g2;
            }

            if (gaveUp != null)
            {
                var subtree = reads.GaveUp.Where(s => Covers(s.Path, path)).OrderBy(s => s.Path.Segments.Count).FirstOrDefault();
                if (subtree != null) silentReasons[subtree.Path] = subtree.Reason;
                continue;
            }

            unread.Add(new UnreadValuesKey(new ValuesPath(path), node.Origin ?? OriginOfKey(values, path), Suggest(reads.Set.Defaults, path)));
        }

        return new ValuesKeyReport(leaves.Count, unread.ToEquatableArray(), silentReasons.Select(s => new SilentSubtree(s.Key, s.Value)).ToEquatableArray());
    }

    /// <summary>
    /// The chart's own defaults (values.yaml, subcharts' included) that no template reads: chart bugs, never the user's,
    /// and the analysis's best self-check (a missed read shows up here first).
    /// </summary>
    public static IReadOnlyList<ValuesPath> UnreadDefaults(ChartReads reads)
    {
        if (reads is null) throw new ArgumentNullException(nameof(reads));
        if (reads.GaveUpEntirely != null) return Array.Empty<ValuesPath>();
        var leaves = new List<(string[] Path, YamlNode Node)>();
        Leaves(reads.Set.Defaults, new List<string>(), leaves);
        return leaves.Where(l => !reads.Reads.IsRead(l.Path, out _)).Select(l => new ValuesPath(l.Path)).ToList();
    }

    private static void Leaves(YamlNode node, List<string> path, List<(string[], YamlNode)> into)
    {
        if (node is YamlMapping { Count: > 0 } m)
        {
            foreach (var entry in m)
            {
                path.Add(entry.Key);
                Leaves(entry.Value, path, into);
                path.RemoveAt(path.Count - 1);
            }

            return;
        }

        if (path.Count > 0) into.Add((path.ToArray(), node));
    }

    // In values.yaml, or under a declared {} / null slot.
    private static bool Declared(YamlMapping defaults, string[] path)
    {
        YamlNode? node = defaults;
        for (var i = 0; i < path.Length; i++)
        {
            if (node is not YamlMapping m) return false;
            var child = m[path[i]];
            if (child == null) return i > 0 && (m.Count == 0);
            if (child is YamlScalar { Kind: ScalarKind.Null }) return true;
            node = child;
        }

        return true;
    }

    private static bool Covers(ValuesPath pattern, string[] path)
    {
        if (pattern.Segments.Count > path.Length) return false;
        for (var i = 0; i < pattern.Segments.Count; i++)
        {
            if (pattern.Segments[i] != "*" && !string.Equals(pattern.Segments[i], path[i], StringComparison.Ordinal)) return false;
        }

        return true;
    }

    private static bool HasTemplateString(YamlNode node) => node switch
    {
        YamlMapping m => m.Any(e => HasTemplateString(e.Value)),
        YamlSequence s => s.Any(HasTemplateString),
        YamlScalar { Kind: ScalarKind.String } t => t.Value.Contains("{{"),
        _ => false,
    };

    private static SourceSpan? OriginOfKey(YamlMapping values, string[] path)
    {
        YamlNode? node = values;
        SourceSpan? origin = null;
        foreach (var key in path)
        {
            if (node is not YamlMapping m) break;
            if (m.KeyOrigins != null && m.KeyOrigins.TryGetValue(key, out var o)) origin = o;
            node = m[key];
            origin = node?.Origin ?? origin;
        }

        return origin;
    }

    // A declared sibling whose name is close (case, a typo): "auth.user" -> "auth.username" is left to reads, this catches "replicas" -> "replicaCount" only when close.
    private static string? Suggest(YamlMapping defaults, string[] path)
    {
        YamlNode? node = defaults;
        for (var i = 0; i < path.Length - 1 && node is YamlMapping m; i++) node = m[path[i]];
        if (node is not YamlMapping parent) return null;
        var key = path[path.Length - 1];
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in parent.Keys)
        {
            var d = string.Equals(candidate, key, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(candidate.ToLowerInvariant(), key.ToLowerInvariant());
            if (candidate.StartsWith(key, StringComparison.OrdinalIgnoreCase) || key.StartsWith(candidate, StringComparison.OrdinalIgnoreCase)) d = Math.Min(d, 2);
            if (d < bestDistance && d <= Math.Max(2, key.Length / 3))
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best == null ? null : new ValuesPath(path.Take(path.Length - 1).Concat(new[] { best })).ToString();
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 8) return int.MaxValue;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
