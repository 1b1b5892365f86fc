using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Charts.Schema;

/// <summary>
/// The values Helm renders and validates: the user's values coalesced with the chart's defaults and its enabled
/// subcharts' (pkg/chart/common/util/coalesce.go): the user's value wins; a user null deletes the default; maps merge
/// key by key; a subchart's values sit under its name or alias, with the parent's <c>global</c> copied in.
/// Dependencies that a <c>condition</c> or <c>tags</c> turn off are left out (pkg/chart/v2/util/dependencies.go).
/// </summary>
public static class HelmValues
{
    /// <summary>The coalesced values, and each enabled chart with where its values sit.</summary>
    public static YamlMapping Coalesce(HelmChart chart, YamlMapping user) => Coalesce(chart, user, out _);

    internal static YamlMapping Coalesce(HelmChart chart, YamlMapping user, out List<(HelmChart Chart, string[] Path)> enabled)
    {
        if (chart is null) throw new ArgumentNullException(nameof(chart));
        if (user is null) throw new ArgumentNullException(nameof(user));

        // Helm decides which dependencies are on from the values coalesced with every dependency, then coalesces again.
        var all = Dependencies(chart, _ => true);
        var first = Copy(user);
        CoalesceChart(chart, all, first);
        var on = Dependencies(chart, d => Enabled(d.Dependency, d.Parent, first));
        var result = Copy(user);
        CoalesceChart(chart, on, result);
        enabled = new List<(HelmChart, string[])> { (chart, Array.Empty<string>()) };
        Collect(on, Array.Empty<string>(), enabled);
        return result;
    }

    private sealed class Node
    {
        public Node(HelmChart chart, string key, ChartDependency? dependency, string[] parent)
        {
            Chart = chart;
            Key = key;
            Dependency = dependency;
            Parent = parent;
        }

        public HelmChart Chart { get; }
        public string Key { get; }
        public ChartDependency? Dependency { get; }
        public string[] Parent { get; }
        public List<Node> Children { get; } = new();
    }

    private static List<Node> Dependencies(HelmChart chart, Func<(ChartDependency? Dependency, string[] Parent), bool> enabled, string[]? prefix = null)
    {
        prefix ??= Array.Empty<string>();
        var result = new List<Node>();
        var used = new HashSet<HelmChart>();
        foreach (var d in chart.Dependencies)
        {
            var sub = chart.Subcharts.FirstOrDefault(s => s.Name == d.Name);
            if (sub == null) continue;
            used.Add(sub);
            if (!enabled((d, prefix))) continue;
            var node = new Node(sub, d.ValuesKey, d, prefix);
            node.Children.AddRange(Dependencies(sub, enabled, prefix.Concat(new[] { d.ValuesKey }).ToArray()));
            result.Add(node);
        }

        foreach (var sub in chart.Subcharts.Where(s => !used.Contains(s)))
        {
            var node = new Node(sub, sub.Name, null, prefix);
            node.Children.AddRange(Dependencies(sub, enabled, prefix.Concat(new[] { sub.Name }).ToArray()));
            result.Add(node);
        }

        return result;
    }

    private static void Collect(List<Node> nodes, string[] prefix, List<(HelmChart, string[])> into)
    {
        foreach (var n in nodes)
        {
            var path = prefix.Concat(new[] { n.Key }).ToArray();
            into.Add((n.Chart, path));
            Collect(n.Children, path, into);
        }
    }

    // processDependencyTags then processDependencyConditions: a condition that resolves to a bool wins.
    private static bool Enabled(ChartDependency? dependency, string[] parent, YamlMapping values)
    {
        if (dependency == null) return true;
        var enabled = true;
        if (dependency.Tags.Count > 0 && values["tags"] is YamlMapping tags)
        {
            bool hasTrue = false, hasFalse = false;
            foreach (var tag in dependency.Tags)
            {
                if (tags[tag] is YamlScalar { Kind: ScalarKind.Bool } b)
                {
                    if (b.Value == "true") hasTrue = true;
                    else hasFalse = true;
                }
            }

            enabled = hasTrue || !hasFalse;
        }

        foreach (var condition in (dependency.Condition ?? "").Trim().Split(','))
        {
            if (condition.Length == 0) continue;
            YamlNode? node = values;
            foreach (var key in parent.Concat(condition.Split('.')))
            {
                node = (node as YamlMapping)?[key];
            }

            if (node is YamlScalar { Kind: ScalarKind.Bool } flag)
            {
                enabled = flag.Value == "true";
                break;
            }
        }

        return enabled;
    }

    private static void CoalesceChart(HelmChart chart, List<Node> dependencies, YamlMapping dest)
    {
        CoalesceValues(chart.Values, dest, dependencies.Select(d => d.Key));
        foreach (var dependency in dependencies)
        {
            if (!dest.ContainsKey(dependency.Key)) dest.Set(dependency.Key, new YamlMapping());
            var existing = dest[dependency.Key];
            if (existing is not YamlMapping sub) continue; // Helm: "type mismatch on <name>"
            CoalesceGlobals(sub, dest);
            CoalesceChart(dependency.Chart, dependency.Children, sub);
        }
    }

    private static void CoalesceGlobals(YamlMapping dest, YamlMapping src)
    {
        YamlMapping dg;
        if (!dest.ContainsKey("global")) dg = new YamlMapping();
        else if (dest["global"] is YamlMapping g) dg = g;
        else return;
        YamlMapping sg;
        if (!src.ContainsKey("global")) sg = new YamlMapping();
        else if (src["global"] is YamlMapping g2) sg = g2;
        else return;
        foreach (var entry in sg)
        {
            if (entry.Value is YamlMapping table)
            {
                var copy = ShallowCopy(table);
                if (dg[entry.Key] is not { } destValue) dg.Set(entry.Key, copy);
                else if (destValue is YamlMapping destTable)
                {
                    CoalesceTables(copy, destTable, merge: true);
                    dg.Set(entry.Key, copy);
                }
            }
            else if (dg[entry.Key] is not YamlMapping)
            {
                dg.Set(entry.Key, entry.Value);
            }
        }

        dest.Set("global", dg);
    }

    private static void CoalesceValues(YamlMapping defaults, YamlMapping v, IEnumerable<string> dependencyKeys)
    {
        var subKeys = new HashSet<string>(dependencyKeys, StringComparer.Ordinal);
        foreach (var entry in Copy(defaults))
        {
            var val = entry.Value;
            if (v.ContainsKey(entry.Key))
            {
                var value = v[entry.Key]!;
                if (value is YamlScalar { Kind: ScalarKind.Null })
                {
                    v.Remove(entry.Key);
                }
                else if (value is YamlMapping dest && val is YamlMapping src)
                {
                    var merge = subKeys.Contains(entry.Key);
                    if (!merge) CleanNulls(src);
                    CoalesceTables(dest, src, merge);
                }
            }
            else
            {
                if (val is YamlScalar { Kind: ScalarKind.Null }) continue;
                if (val is YamlMapping sub) CleanNulls(sub);
                v.Set(entry.Key, val);
            }
        }
    }

    private static void CoalesceTables(YamlMapping dst, YamlMapping src, bool merge)
    {
        var srcNonNull = new HashSet<string>(src.Where(e => e.Value is not YamlScalar { Kind: ScalarKind.Null }).Select(e => e.Key), StringComparer.Ordinal);
        foreach (var entry in dst.ToList())
        {
            if (entry.Value is YamlScalar { Kind: ScalarKind.Null }) src.Set(entry.Key, YamlScalar.Null);
        }

        foreach (var entry in src.ToList())
        {
            var has = dst.ContainsKey(entry.Key);
            var dv = dst[entry.Key];
            if (has && !merge && dv is YamlScalar { Kind: ScalarKind.Null } && srcNonNull.Contains(entry.Key)) dst.Remove(entry.Key);
            else if (!has) dst.Set(entry.Key, entry.Value);
            else if (entry.Value is YamlMapping table && dv is YamlMapping destTable) CoalesceTables(destTable, table, merge);
        }
    }

    private static void CleanNulls(YamlMapping m)
    {
        foreach (var entry in m.ToList())
        {
            if (entry.Value is YamlScalar { Kind: ScalarKind.Null }) m.Remove(entry.Key);
            else if (entry.Value is YamlMapping sub) CleanNulls(sub);
        }
    }

    private static YamlMapping ShallowCopy(YamlMapping m)
    {
        var copy = new YamlMapping();
        foreach (var entry in m) copy.Set(entry.Key, entry.Value);
        return copy;
    }

    internal static YamlMapping Copy(YamlMapping m)
    {
        var copy = new YamlMapping();
        foreach (var entry in m) copy.Set(entry.Key, CopyNode(entry.Value));
        return copy;
    }

    private static YamlNode CopyNode(YamlNode node) => node switch
    {
        YamlMapping m => Copy(m),
        YamlSequence s => new YamlSequence(s.Select(CopyNode)) { Origin = s.Origin },
        _ => node,
    };
}
