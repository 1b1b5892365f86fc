using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using HubDsl.Core.Templating;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Charts.Reads;

/// <summary>
/// Abstract interpretation of a chart's templates: which values paths they may read. It evaluates every entry
/// template with dot = $ = the chart's root, follows <c>include</c>/<c>template</c> with the real argument (dot and $
/// both become it, as Go's exec.go walkTemplate does), <c>with</c>/<c>range</c> rebinding, variables, and the Sprig and
/// Helm functions that navigate or build containers. Anything a values reference reaches that is not modelled
/// (printing, toYaml, comparisons, unknown functions) reads it whole; where the analysis cannot follow at all it
/// gives up on that subtree (the research's rules G1-G10), so a key it does not see read is really never read.
/// </summary>
internal sealed partial class ReadAnalyzer
{
    private readonly TemplateSet _set;
    private readonly ReadSet _reads;
    private readonly Dictionary<string, int> _callCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Output> _memo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _evaluations = new(StringComparer.Ordinal);
    private readonly List<CallFrame> _calls = new();
    private readonly HashSet<ChartScope> _tplRoots = new();
    private readonly HashSet<string> _typeTested = new(StringComparer.Ordinal);
    private Output _out = new();
    private TemplateTree? _tree;
    private int _nextId = 1;
    private long _steps;
    private int _depth;

    public ReadAnalyzer(TemplateSet set, ReadSet reads)
    {
        _set = set;
        _reads = reads;
    }

    /// <summary>Set when the analysis gave up on the whole chart (G1, G5 budget); the reason names the place.</summary>
    public string? GaveUpEntirely { get; private set; }

    /// <summary>Charts whose root reached <c>tpl</c>: template strings in their values are templates too (rule 9).</summary>
    public IReadOnlyCollection<ChartScope> TplRoots => _tplRoots;

    /// <summary>Paths the templates type-test (kindIs/typeIs/...): the chart accepts several shapes there.</summary>
    public IReadOnlyCollection<string> TypeTested => _typeTested;

    public void AnalyzeChart()
    {
        Guard(() =>
        {
            foreach (var dependency in _set.UnloadedDependencies) _reads.Whole(dependency, "the dependency is not vendored under charts/, so its templates cannot be read");
            foreach (var path in _set.HelmReads) _reads.Whole(path, null);
            foreach (var entry in _set.Entries)
            {
                var env = new Env(ValueSet.Of(entry.Scope.Root));
                _tree = entry;
                _out = new Output();
                EvalList(entry.Root, env);
            }

            // Template strings in chart defaults, for every chart whose root reached tpl (strings may reach more charts' tpl).
            var done = new HashSet<ChartScope>();
            while (_tplRoots.Except(done).FirstOrDefault() is { } scope)
            {
                done.Add(scope);
                if (DefaultsAt(scope.Prefix) is YamlMapping defaults) EvaluateStrings(defaults, scope);
            }
        });
    }

    /// <summary>Evaluates the template strings of user values (only meaningful when the chart's analysis saw tpl with a root).</summary>
    public void AnalyzeUserStrings(YamlMapping values, IEnumerable<ChartScope> roots)
    {
        Guard(() =>
        {
            foreach (var scope in roots)
            {
                if (Navigate(values, scope.Prefix) is YamlMapping m) EvaluateStrings(m, scope);
            }
        });
    }

    private void Guard(Action run)
    {
        try
        {
            run();
        }
        catch (GiveUpException e)
        {
            GaveUpEntirely ??= e.Message;
        }
        catch (InsufficientExecutionStackException)
        {
            GaveUpEntirely ??= "the templates nest too deeply to follow";
        }
    }

    private void EvaluateStrings(YamlNode node, ChartScope scope)
    {
        switch (node)
        {
            case YamlMapping m:
                foreach (var entry in m) EvaluateStrings(entry.Value, scope);
                break;
            case YamlSequence s:
                foreach (var item in s) EvaluateStrings(item, scope);
                break;
            case YamlScalar { Kind: ScalarKind.String } text when text.Value.Contains("{{"):
                EvaluateText(text.Value, ValueSet.Of(scope.Root), "a values string");
                break;
        }
    }

    private static YamlNode? Navigate(YamlNode? node, string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMapping m) return null;
            node = m[key];
        }

        return node;
    }

    private YamlNode? DefaultsAt(string[] path) => Navigate(_set.Defaults, path);

    // ---- reads ----

    private void Access(string[] path) => _reads.Access(path);

    private void ConsumeWhole(ValueSet values, string why, bool gaveUp = false, bool skipRoots = false) =>
        ConsumeWhole(values, why, gaveUp, skipRoots, new HashSet<int>());

    private void ConsumeWhole(ValueSet values, string why, bool gaveUp, bool skipRoots, HashSet<int> seen)
    {
        foreach (var v in values.Items)
        {
            switch (v)
            {
                case PathValue p:
                    _reads.Whole(p.Path, gaveUp ? why : null);
                    break;
                case DictValue d:
                    if (!seen.Add(d.Id)) break;
                    foreach (var f in d.Fields.Values) ConsumeWhole(f, why, gaveUp, skipRoots, seen);
                    ConsumeWhole(d.Sources, why, gaveUp, skipRoots, seen);
                    ConsumeWhole(d.UnknownFields, why, gaveUp, skipRoots, seen);
                    break;
                case ListValue l:
                    if (!seen.Add(l.Id)) break;
                    ConsumeWhole(l.Elements, why, gaveUp, skipRoots, seen);
                    break;
                case RootValue r when !skipRoots:
                    RootConsumed(r.Scope, why);
                    break;
                case SubchartsValue s when !skipRoots:
                    RootConsumed(s.Scope, why);
                    break;
            }
        }
    }

    // G1: a chart's whole context handed to something opaque. For the top chart nothing can be said about any key.
    private void RootConsumed(ChartScope scope, string why)
    {
        var reason = "the chart's whole context (.) reaches " + why + " at " + Position();
        if (scope.Prefix.Length == 0) throw new GiveUpException(reason);
        _reads.Whole(scope.Prefix, reason);
    }

    // Rule 4 (lenient): a truth test on a path whose default is falsy or absent flips when any child is added, so it reads the subtree.
    private void Truth(ValueSet values)
    {
        foreach (var v in values.Items)
        {
            if (v is not PathValue p) continue;
            if (!p.HasWildcard)
            {
                var d = DefaultsAt(p.Path);
                if (d is YamlMapping { Count: > 0 } || d is YamlSequence { Count: > 0 }) continue;
            }

            _reads.Whole(p.Path, null);
        }
    }

    private static bool HasValues(ValueSet values, HashSet<int>? seen = null)
    {
        foreach (var v in values.Items)
        {
            switch (v)
            {
                case PathValue:
                case RootValue:
                case SubchartsValue:
                    return true;
                case DictValue d:
                    seen ??= new HashSet<int>();
                    if (!seen.Add(d.Id)) break;
                    if (d.Fields.Values.Any(f => HasValues(f, seen)) || HasValues(d.Sources, seen) || HasValues(d.UnknownFields, seen)) return true;
                    break;
                case ListValue l:
                    seen ??= new HashSet<int>();
                    if (seen.Add(l.Id) && HasValues(l.Elements, seen)) return true;
                    break;
            }
        }

        return false;
    }

    private static IEnumerable<ChartScope> RootsIn(ValueSet values, HashSet<int>? seen = null)
    {
        foreach (var v in values.Items)
        {
            switch (v)
            {
                case RootValue r:
                    yield return r.Scope;
                    break;
                case DictValue d:
                    seen ??= new HashSet<int>();
                    if (!seen.Add(d.Id)) break;
                    foreach (var f in d.Fields.Values.Append(d.Sources).Append(d.UnknownFields))
                    {
                        foreach (var s in RootsIn(f, seen)) yield return s;
                    }

                    break;
                case ListValue l:
                    seen ??= new HashSet<int>();
                    if (!seen.Add(l.Id)) break;
                    foreach (var s in RootsIn(l.Elements, seen)) yield return s;
                    break;
            }
        }
    }

    private static bool HasFileText(ValueSet values) => values.Items.Any(v => v is FileTextValue);

    // ---- navigation ----

    private PathValue Child(PathValue parent, string key)
    {
        string[] path;
        // A subchart's .Values.global is the top-level global (coalesce.go coalesceGlobals copies it down).
        if (key == "global" && parent.Path.Length == parent.Scope.Prefix.Length && parent.Scope.Prefix.Length > 0)
        {
            path = new[] { "global" };
        }
        else
        {
            path = new string[parent.Path.Length + 1];
            parent.Path.CopyTo(path, 0);
            path[parent.Path.Length] = key;
        }

        Access(path);
        return new PathValue(path, parent.Scope);
    }

    private ValueSet FieldOf(ValueSet values, string key)
    {
        var result = ValueSet.Empty;
        foreach (var v in values.Items) result = ValueSet.Union(result, FieldOf(v, key));
        return result;
    }

    private ValueSet FieldOf(AbstractValue value, string key)
    {
        switch (value)
        {
            case RootValue r:
                switch (key)
                {
                    case "Values":
                        Access(r.Scope.Prefix);
                        return ValueSet.Of(new PathValue(r.Scope.Prefix, r.Scope));
                    case "Subcharts":
                        return ValueSet.Of(new SubchartsValue(r.Scope));
                    case "Files":
                        return ValueSet.Of(FilesValue.Instance);
                    case "Template":
                        return ValueSet.Of(new TemplateInfoValue(r.Scope));
                    default:
                        return ValueSet.Unknown;
                }

            case TemplateInfoValue t:
                return key == "BasePath" ? ValueSet.Of(new StringValue(t.Scope.BasePath)) : ValueSet.Unknown;
            case PathValue p:
                return ValueSet.Of(Child(p, key));
            case DictValue d:
                var result = d.UnknownFields;
                if (d.Fields.TryGetValue(key, out var field)) result = ValueSet.Union(result, field);
                if (d.Sources.Count > 0) result = ValueSet.Union(result, FieldOf(d.Sources, key));
                return result.Count == 0 ? ValueSet.Unknown : result;
            case SubchartsValue s:
                return s.Scope.Children.TryGetValue(key, out var sub) ? ValueSet.Of(sub.Root) : ValueSet.Unknown;
            case FilesValue:
                return ValueSet.Of(FilesValue.Instance);
            default:
                return ValueSet.Unknown;
        }
    }

    // index/get with a key that may be unknown: a non-constant key navigates to every child (G2).
    private ValueSet Navigate(ValueSet values, ValueSet key)
    {
        var result = ValueSet.Empty;
        foreach (var k in key.Items)
        {
            switch (k)
            {
                case StringValue s:
                    result = ValueSet.Union(result, FieldOf(values, s.Text));
                    break;
                case NumberValue n:
                    foreach (var v in values.Items)
                    {
                        if (v is ListValue { Ordered: { } ordered } && n.Value >= 0 && n.Value < ordered.Count) result = ValueSet.Union(result, ValueSet.Of(ordered[(int)n.Value]));
                        else if (v is ListValue l) result = ValueSet.Union(result, l.Elements);
                        else if (v is PathValue) result = ValueSet.Union(result, ValueSet.Of(v)); // lists are leaves
                        else result = ValueSet.Union(result, ValueSet.Unknown);
                    }

                    break;
                default:
                    result = ValueSet.Union(result, ElementsOf(values));
                    break;
            }
        }

        return result.Count == 0 ? ValueSet.Unknown : result;
    }

    // What range binds (and what a non-constant index reaches): every child.
    private ValueSet ElementsOf(ValueSet values)
    {
        var result = ValueSet.Empty;
        foreach (var v in values.Items)
        {
            switch (v)
            {
                case PathValue p:
                    result = ValueSet.Union(result, ValueSet.Of(Child(p, PathValue.Wildcard)));
                    break;
                case ListValue l:
                    result = ValueSet.Union(result, l.Elements);
                    break;
                case DictValue d:
                    foreach (var f in d.Fields.Values) result = ValueSet.Union(result, f);
                    result = ValueSet.Union(result, ElementsOf(d.Sources));
                    result = ValueSet.Union(result, d.UnknownFields);
                    break;
                case RootValue r:
                    RootConsumed(r.Scope, "range");
                    break;
                default:
                    result = ValueSet.Union(result, ValueSet.Unknown);
                    break;
            }
        }

        return result.Count == 0 ? ValueSet.Unknown : result;
    }

    private DictValue NewDict() => new(_nextId++);

    private ListValue NewList() => new(_nextId++);

    // A template may change a map its caller built (set/merge): calls in progress that received it are not memoised.
    private void Mutated(DictValue dict)
    {
        foreach (var call in _calls)
        {
            if (dict.Id < call.FirstNewId) call.Memoizable = false;
        }
    }

    private void Step()
    {
        if (++_steps > ChartLimits.MaxAnalysisSteps)
        {
            throw new GiveUpException("the analysis ran out of its budget of " + ChartLimits.MaxAnalysisSteps.ToString(CultureInfo.InvariantCulture) + " steps");
        }
    }

    private string Position(Node? node = null)
    {
        if (_tree == null) return "a values string";
        var pos = node?.Pos ?? _lastPos;
        return _tree.File + ":" + _tree.Lines.LineAt(pos).ToString(CultureInfo.InvariantCulture);
    }

    private int _lastPos;

    private sealed class GiveUpException : Exception
    {
        public GiveUpException(string message) : base(message) { }
    }

    private sealed class CallFrame
    {
        public CallFrame(int firstNewId) => FirstNewId = firstNewId;
        public int FirstNewId { get; }
        public bool Memoizable { get; set; } = true;
    }
}
