using System.Collections.Generic;

namespace HubDsl.Core.Charts.Reads;

/// <summary>
/// Dot and the variables in scope. Frames follow Go's scoping (a variable lives until the end of its if/with/range);
/// an assignment is a strong update in straight-line code and a join when a branch lies between it and the
/// variable's declaration (the branch may not run).
/// </summary>
internal sealed class Env
{
    private readonly List<Dictionary<string, ValueSet>> _frames = new();
    private readonly List<bool> _branch = new();

    public Env(ValueSet root)
    {
        Dot = root;
        Push(branch: false);
        Declare("$", root);
    }

    public ValueSet Dot { get; set; }

    public void Push(bool branch)
    {
        _frames.Add(new Dictionary<string, ValueSet>(System.StringComparer.Ordinal));
        _branch.Add(branch);
    }

    public void Pop()
    {
        _frames.RemoveAt(_frames.Count - 1);
        _branch.RemoveAt(_branch.Count - 1);
    }

    public void Declare(string name, ValueSet value) => _frames[_frames.Count - 1][name] = value;

    public void Assign(string name, ValueSet value)
    {
        var crossesBranch = false;
        for (var i = _frames.Count - 1; i >= 0; i--)
        {
            if (_frames[i].TryGetValue(name, out var old))
            {
                _frames[i][name] = crossesBranch ? ValueSet.Union(old, value) : value;
                return;
            }

            if (_branch[i]) crossesBranch = true;
        }

        Declare(name, value);
    }

    public ValueSet Get(string name)
    {
        for (var i = _frames.Count - 1; i >= 0; i--)
        {
            if (_frames[i].TryGetValue(name, out var v)) return v;
        }

        return ValueSet.Unknown;
    }

    /// <summary>A copy of every frame, for unrolling a range from the same state per element.</summary>
    public List<Dictionary<string, ValueSet>> Snapshot()
    {
        var copy = new List<Dictionary<string, ValueSet>>();
        foreach (var f in _frames) copy.Add(new Dictionary<string, ValueSet>(f, System.StringComparer.Ordinal));
        return copy;
    }

    public void Restore(List<Dictionary<string, ValueSet>> frames)
    {
        for (var i = 0; i < _frames.Count && i < frames.Count; i++) _frames[i] = new Dictionary<string, ValueSet>(frames[i], System.StringComparer.Ordinal);
    }

    /// <summary>Joins another state's variables into this one (after evaluating alternatives from one snapshot).</summary>
    public void JoinFrom(List<Dictionary<string, ValueSet>> other)
    {
        for (var i = 0; i < _frames.Count && i < other.Count; i++)
        {
            foreach (var entry in other[i])
            {
                _frames[i][entry.Key] = _frames[i].TryGetValue(entry.Key, out var mine) ? ValueSet.Union(mine, entry.Value) : entry.Value;
            }
        }
    }
}
