using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Charts;

/// <summary>
/// Every key a chart declares with its default: its values.yaml with each vendored dependency's values.yaml under the
/// dependency's name or alias (the parent's value wins, as Helm's coalescing does), and the dependencies' own
/// <c>global</c> defaults under the top-level <c>global</c>. Unlike Helm's coalesced values, null defaults stay: they
/// declare a key (<c>existingSecret: ~</c>).
/// </summary>
internal static class ChartDefaults
{
    public static YamlMapping Merge(HelmChart chart)
    {
        var defaults = Copy(chart.Values);
        AddDependencies(defaults, chart, Array.Empty<string>(), 0);
        return defaults;
    }

    /// <summary>The vendored dependencies of a chart with the key their values sit under (Chart.yaml's order, then unlisted ones).</summary>
    public static IEnumerable<(HelmChart Chart, string Key)> Dependencies(HelmChart chart)
    {
        var used = new HashSet<HelmChart>();
        foreach (var dependency in chart.Dependencies)
        {
            var sub = chart.Subcharts.FirstOrDefault(s => string.Equals(s.Name, dependency.Name, StringComparison.Ordinal));
            if (sub == null) continue;
            used.Add(sub);
            yield return (sub, dependency.ValuesKey);
        }

        foreach (var sub in chart.Subcharts)
        {
            if (!used.Contains(sub)) yield return (sub, sub.Name);
        }
    }

    private static void AddDependencies(YamlMapping defaults, HelmChart chart, string[] prefix, int depth)
    {
        if (depth > ChartLimits.MaxSubchartDepth) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (sub, key) in Dependencies(chart))
        {
            if (!seen.Add(key)) continue;
            var path = prefix.Concat(new[] { key }).ToArray();
            MergeAt(defaults, path, sub.Values);
            AddDependencies(defaults, sub, path, depth + 1);
        }
    }

    private static void MergeAt(YamlMapping defaults, string[] prefix, YamlMapping values)
    {
        var node = defaults;
        var placed = true;
        foreach (var key in prefix)
        {
            if (node[key] is YamlMapping m)
            {
                node = m;
                continue;
            }

            if (node.ContainsKey(key) && node[key] is not YamlScalar { Kind: ScalarKind.Null })
            {
                placed = false;
                break;
            }

            var created = new YamlMapping();
            node.Set(key, created);
            node = created;
        }

        if (placed) MergeInto(node, values, skipGlobal: true);

        // A subchart's own global defaults declare keys under the top-level global (its templates read them there).
        if (values["global"] is YamlMapping globals)
        {
            if (defaults["global"] is not YamlMapping top)
            {
                if (defaults.ContainsKey("global") && defaults["global"] is not YamlScalar { Kind: ScalarKind.Null }) return;
                defaults.Set("global", top = new YamlMapping());
            }

            MergeInto(top, globals);
        }
    }

    private static void MergeInto(YamlMapping target, YamlMapping source, bool skipGlobal = false)
    {
        foreach (var entry in source)
        {
            if (skipGlobal && entry.Key == "global") continue;
            var existing = target[entry.Key];
            if (existing == null) target.Set(entry.Key, entry.Value is YamlMapping m ? Copy(m) : entry.Value);
            else if (existing is YamlMapping e && entry.Value is YamlMapping s) MergeInto(e, s);
        }
    }

    public static YamlMapping Copy(YamlMapping source)
    {
        var copy = new YamlMapping { KeyOrigins = source.KeyOrigins, Origin = source.Origin };
        foreach (var entry in source) copy.Set(entry.Key, entry.Value is YamlMapping m ? Copy(m) : entry.Value);
        return copy;
    }
}
