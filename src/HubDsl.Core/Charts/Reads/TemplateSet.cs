using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Templating;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Charts.Reads;

/// <summary>A parsed template tree and where it came from (for "file:line" in give-up reasons).</summary>
internal sealed class TemplateTree
{
    public TemplateTree(string name, ListNode root, string file, LineMap lines, ChartScope scope)
    {
        Name = name;
        Root = root;
        File = file;
        Lines = lines;
        Scope = scope;
    }

    public string Name { get; }
    public ListNode Root { get; }
    public string File { get; }
    public LineMap Lines { get; }
    public ChartScope Scope { get; }
}

/// <summary>
/// A chart's templates as Helm's engine sees them: every file of the chart and its subcharts parsed into one namespace
/// (deeper files parse first, so the parent's define wins, as engine.go sortTemplates orders them), the scopes of
/// the chart and its dependencies, the entry points (files whose name does not start with <c>_</c>, in charts that
/// are not libraries) and the coalesced defaults. Built once per chart; immutable afterwards.
/// </summary>
internal sealed class TemplateSet
{
    private TemplateSet() { }

    public List<ChartScope> Scopes { get; } = new();
    public Dictionary<string, TemplateTree> Defines { get; } = new(StringComparer.Ordinal);
    public List<TemplateTree> Entries { get; } = new();

    /// <summary>Dependencies Chart.yaml lists that are not vendored: their values paths (G6) and whether helpers may be missing (G4).</summary>
    public List<string[]> UnloadedDependencies { get; } = new();

    /// <summary>Paths Helm itself reads: dependency conditions, tags, import-values sources.</summary>
    public List<string[]> HelmReads { get; } = new();

    /// <summary>A template that does not parse: Helm fails too, so the check says nothing (G9).</summary>
    public string? ParseError { get; private set; }

    /// <summary>The chart's values.yaml with every subchart's values.yaml under its key (the parent's value wins).</summary>
    public YamlMapping Defaults { get; private set; } = new();

    public static TemplateSet Build(HelmChart chart)
    {
        var set = new TemplateSet();
        var top = new ChartScope(0, chart, chart.Name, Array.Empty<string>());
        set.Scopes.Add(top);
        set.Defaults = ChartDefaults.Merge(chart);
        set.AddDependencies(top);

        var files = new List<(ChartScope Scope, ChartFile File, string Name)>();
        foreach (var scope in set.Scopes)
        {
            foreach (var file in scope.Chart.Templates) files.Add((scope, file, scope.TemplatePath + "/" + file.Path));
        }

        // Helm parses the deepest paths first and, among equal depth, in reverse order; later definitions replace earlier ones.
        files.Sort((a, b) =>
        {
            var da = a.Name.Split('/').Length;
            var db = b.Name.Split('/').Length;
            return da != db ? db.CompareTo(da) : string.CompareOrdinal(b.Name, a.Name);
        });
        foreach (var (scope, file, name) in files)
        {
            Dictionary<string, ListNode> trees;
            try
            {
                trees = Parser.Parse(name, file.Text, checkFunctions: false);
            }
            catch (TemplateException e)
            {
                set.ParseError ??= e.Message;
                continue;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or InsufficientExecutionStackException)
            {
                set.ParseError ??= "template: " + name + ": " + e.Message;
                continue;
            }

            var lines = new LineMap(file.Text);
            foreach (var tree in trees)
            {
                var t = new TemplateTree(tree.Key, tree.Value, name, lines, scope);
                set.Defines[tree.Key] = t;
                if (tree.Key == name && IsEntry(scope, file.Path)) set.Entries.Add(t);
            }
        }

        set.Entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return set;
    }

    // engine.go renders every file of templates/ whose base name does not start with "_" (NOTES.txt included), except in library charts.
    private static bool IsEntry(ChartScope scope, string path)
    {
        if (scope.Chart.IsLibrary) return false;
        var slash = path.LastIndexOf('/');
        var baseName = slash < 0 ? path : path.Substring(slash + 1);
        return !baseName.StartsWith("_", StringComparison.Ordinal);
    }

    private void AddDependencies(ChartScope parent)
    {
        var chart = parent.Chart;
        var used = new HashSet<HelmChart>(ReferenceEqualityComparer.Instance);
        foreach (var dependency in chart.Dependencies)
        {
            var key = dependency.ValuesKey;
            var path = Append(parent.Prefix, key);
            if (!string.IsNullOrEmpty(dependency.Condition))
            {
                foreach (var condition in dependency.Condition!.Split(','))
                {
                    var c = condition.Trim();
                    if (c.Length > 0) HelmReads.Add(Concat(parent.Prefix, c.Split('.')));
                }
            }

            if (dependency.Tags.Count > 0) HelmReads.Add(new[] { "tags" });
            var sub = chart.Subcharts.FirstOrDefault(s => string.Equals(s.Name, dependency.Name, StringComparison.Ordinal));
            foreach (var import in dependency.ImportValues)
            {
                if (import.Key.Length > 0) HelmReads.Add(Concat(path, import.Key.Split('.')));
            }

            if (sub == null)
            {
                UnloadedDependencies.Add(path);
                continue;
            }

            used.Add(sub);
            AddScope(parent, sub, key);
        }

        // Helm keeps a vendored chart that Chart.yaml does not list, under its own name.
        foreach (var sub in chart.Subcharts)
        {
            if (!used.Contains(sub) && !parent.Children.ContainsKey(sub.Name)) AddScope(parent, sub, sub.Name);
        }
    }

    private void AddScope(ChartScope parent, HelmChart sub, string key)
    {
        if (parent.Children.ContainsKey(key)) return;
        var scope = new ChartScope(Scopes.Count, sub, parent.TemplatePath + "/charts/" + key, Append(parent.Prefix, key));
        parent.Children[key] = scope;
        Scopes.Add(scope);
        AddDependencies(scope);
    }

    private static string[] Append(string[] prefix, string key)
    {
        var p = new string[prefix.Length + 1];
        prefix.CopyTo(p, 0);
        p[prefix.Length] = key;
        return p;
    }

    private static string[] Concat(string[] prefix, string[] rest)
    {
        var p = new string[prefix.Length + rest.Length];
        prefix.CopyTo(p, 0);
        rest.CopyTo(p, prefix.Length);
        return p;
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<HelmChart>
    {
        public static readonly ReferenceEqualityComparer Instance = new();
        public bool Equals(HelmChart? x, HelmChart? y) => ReferenceEquals(x, y);
        public int GetHashCode(HelmChart obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
