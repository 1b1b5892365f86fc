using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using HubDsl.Core.Declarations;
using HubDsl.Generators.Charts;
using HubDsl.Generators.Evaluation;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators.Caching;

/// <summary>
/// Member values of one project carried from compilation to compilation. Roslyn re-runs the generator's
/// transforms on every edit (a new compilation means a new semantic model), and binding a large fleet's
/// initializers is most of that cost; this keeps each value for as long as nothing it read has changed.
/// </summary>
/// <remarks>
/// The cache keeps the syntax trees of the last compilation it saw (not the compilation) and moves forward
/// to each new compilation by comparing trees: unchanged instances are free, changed trees are compared by
/// <see cref="DeclarationChanges"/>, and new references, options or a structural change empty the cache.
/// Trees HubDsl's generators add (<see cref="OwnGeneratedTrees"/>) are left out, so the generator's compilation and
/// the analyzers' (the same plus those trees) share one set of values. The generated <c>[ChartValues]</c> records are
/// compared apart, by hint name and text: a change of them (the project's compilation lacks them, the analyzers' and
/// the augmented one hold them) drops only the values that touched a chart record (<see cref="MemberKeys.ChartRecords"/>). Values are only handed out for compilations
/// in which they hold, so concurrent or out-of-order compilations never see a value from another.
/// </remarks>
internal sealed class EvaluationCache
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // The texts this project records for the projects that reference it (ReferencedValues), errors included.
    private readonly Dictionary<string, Recorded> _recorded = new(StringComparer.Ordinal);
    private WeakReference<Compilation>? _current;
    private long _generation;
    private Dictionary<string, SyntaxTree> _trees = new(StringComparer.Ordinal);
    private string _chartRecords = string.Empty;
    private ImmutableArray<MetadataReference> _references = ImmutableArray<MetadataReference>.Empty;
    private CompilationOptions? _options;
    private long _reused;
    private long _stored;
    private long _recordedReused;
    private long _recordedStored;

    /// <summary>The project's last render of each ApplicationSet, for the analyzers' validation of position-free models.</summary>
    public HubDsl.Core.Analysis.RenderMemo Renders { get; } = new();

    /// <summary>When this project last asked for values (<see cref="EvaluationCaches"/> drops the least recently used).</summary>
    public long LastUsed { get; set; }

    /// <summary>Values held, handed out and stored since the cache was made (tests and benchmarks).</summary>
    public (int Held, long Reused, long Stored) Statistics
    {
        get
        {
            lock (_gate) return (_entries.Count, _reused, _stored);
        }
    }

    /// <summary>Recorded texts held, handed out and stored since the cache was made (tests and benchmarks).</summary>
    public (int Held, long Reused, long Stored) RecordedStatistics
    {
        get
        {
            lock (_gate) return (_recorded.Count, _recordedReused, _recordedStored);
        }
    }

    /// <summary>The values valid in <paramref name="compilation"/>, moving the cache to it first if needed.</summary>
    public IMemberValueCache For(Compilation compilation, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_current is null || !_current.TryGetTarget(out var current) || !ReferenceEquals(current, compilation))
            {
                MoveTo(compilation, cancellationToken);
            }

            return new View(this, _generation, _chartRecords);
        }
    }

    public bool Holds(string member)
    {
        lock (_gate) return _entries.ContainsKey(member);
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _recorded.Clear();
            _current = null;
            _trees = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
            _generation++;
        }
    }

    private void MoveTo(Compilation compilation, CancellationToken cancellationToken)
    {
        var trees = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
        var records = new List<(string HintName, string Text)>();
        var count = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            // The generator's own output (manifests, recorded values) changes no value: the analyzers' compilation,
            // which is the generator's plus those trees, then shares the generator's values.
            if (OwnGeneratedTrees.CannotChangeValues(tree, cancellationToken)) continue;

            // The generated [ChartValues] records count by hint name and text, wherever Roslyn placed them: only the
            // values that touched a chart record depend on them (MemberKeys.ChartRecords).
            if (OwnGeneratedTrees.ChartRecordHint(tree) is { } hint)
            {
                records.Add((hint, tree.GetText(cancellationToken).ToString()));
                continue;
            }

            count++;
            trees[tree.FilePath] = tree;
        }

        // Compute everything before touching the state, so a cancelled move leaves the cache where it was.
        var chartRecords = ChartRecordTrees.KeyOf(records);
        var changed = Changes(compilation, trees, count, cancellationToken);
        if (changed is not null && !string.Equals(chartRecords, _chartRecords, StringComparison.Ordinal)) changed.Add(MemberKeys.ChartRecords);
        if (changed is null)
        {
            _entries.Clear();
            _recorded.Clear();
            _generation++;
        }
        else if (changed.Count > 0)
        {
            Invalidate(changed);

            // Only the generated records differ (the generator's compilation and the analyzers'): every value that did
            // not touch a chart record holds in both, so views of the one before stay valid, each kept to the values
            // of its own records (View).
            if (changed.Count > 1 || !changed.Contains(MemberKeys.ChartRecords)) _generation++;
        }

        // Otherwise every value holds in both compilations, so views of the one before stay valid (the generator
        // and the analyzers may evaluate at the same time, each in its own compilation).

        _current = new WeakReference<Compilation>(compilation);
        _trees = trees;
        _chartRecords = chartRecords;
        _references = compilation.References.ToImmutableArray();
        _options = compilation.Options;
    }

    // The changed member keys (none: the same values hold in both), or null when nothing can be kept (nothing held:
    // the trees are not compared, so the compilations are not known to agree).
    private HashSet<string>? Changes(Compilation compilation, Dictionary<string, SyntaxTree> trees, int count, CancellationToken cancellationToken)
    {
        if (_entries.Count == 0 && _recorded.Count == 0) return null;
        if (trees.Count != count || trees.Count != _trees.Count) return null;
        if (!Equals(_options, compilation.Options) || !_references.SequenceEqual(compilation.References)) return null;

        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in trees)
        {
            if (!_trees.TryGetValue(pair.Key, out var before)) return null;
            var after = pair.Value;
            if (ReferenceEquals(before, after)) continue;
            if (!Equals(before.Options, after.Options)) return null;
            var inTree = DeclarationChanges.Between(before, after, cancellationToken);
            if (inTree is null) return null;
            changed.UnionWith(inTree);
        }

        return changed;
    }

    private void Invalidate(HashSet<string> changed)
    {
        var stale = _entries.Where(e => e.Value.Dependencies.Any(changed.Contains)).Select(e => e.Key).ToList();
        foreach (var key in stale) _entries.Remove(key);
        var staleTexts = _recorded.Where(e => e.Value.Dependencies.Any(changed.Contains)).Select(e => e.Key).ToList();
        foreach (var key in staleTexts) _recorded.Remove(key);
    }

    private sealed class Recorded
    {
        public Recorded(string text, IReadOnlyCollection<string> dependencies)
        {
            Text = text;
            Dependencies = dependencies;
        }

        public string Text { get; }

        public IReadOnlyCollection<string> Dependencies { get; }
    }

    private sealed class Entry
    {
        public Entry(DslValue value, IReadOnlyCollection<string> dependencies)
        {
            Value = value;
            Dependencies = dependencies;
        }

        public DslValue Value { get; }

        public IReadOnlyCollection<string> Dependencies { get; }
    }

    // The cache as seen by one evaluation: valid only while the cache is still at that evaluation's compilation, or at
    // one that differs from it in the generated records alone; then the values that touched a chart record are those
    // of the view's own records only.
    private sealed class View : IMemberValueCache
    {
        private readonly EvaluationCache _cache;
        private readonly long _generation;
        private readonly string _chartRecords;

        public View(EvaluationCache cache, long generation, string chartRecords)
        {
            _cache = cache;
            _generation = generation;
            _chartRecords = chartRecords;
        }

        public bool TryGet(string member, out DslValue value, out IReadOnlyCollection<string> dependencies)
        {
            lock (_cache._gate)
            {
                if (_cache._generation == _generation && _cache._entries.TryGetValue(member, out var entry) && Holds(entry.Dependencies))
                {
                    value = entry.Value;
                    dependencies = entry.Dependencies;
                    _cache._reused++;
                    return true;
                }
            }

            value = null!;
            dependencies = Array.Empty<string>();
            return false;
        }

        public void Store(string member, DslValue value, IReadOnlyCollection<string> dependencies)
        {
            lock (_cache._gate)
            {
                if (_cache._generation != _generation || !Holds(dependencies)) return;
                _cache._entries[member] = new Entry(value, dependencies);
                _cache._stored++;
            }
        }

        public bool TryGetRecorded(string key, out string text)
        {
            lock (_cache._gate)
            {
                if (_cache._generation == _generation && _cache._recorded.TryGetValue(key, out var entry) && Holds(entry.Dependencies))
                {
                    text = entry.Text;
                    _cache._recordedReused++;
                    return true;
                }
            }

            text = string.Empty;
            return false;
        }

        public void StoreRecorded(string key, string text, IReadOnlyCollection<string> dependencies)
        {
            lock (_cache._gate)
            {
                if (_cache._generation != _generation || !Holds(dependencies)) return;
                _cache._recorded[key] = new Recorded(text, dependencies);
                _cache._recordedStored++;
            }
        }

        // Whether a value with these dependencies is the same in this view's compilation and the cache's current one.
        private bool Holds(IReadOnlyCollection<string> dependencies) =>
            string.Equals(_chartRecords, _cache._chartRecords, StringComparison.Ordinal) || !dependencies.Contains(MemberKeys.ChartRecords);
    }
}
