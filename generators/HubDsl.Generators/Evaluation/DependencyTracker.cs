using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators.Evaluation;

/// <summary>
/// Records, for each value being evaluated, the members whose initializers it read, directly or through other
/// members and default objects, and whether an error occurred while evaluating it. Evaluations nest (a member
/// refers to another member), so this is a stack of frames whose contents flow into the enclosing frame.
/// </summary>
internal sealed class DependencyTracker
{
    private readonly List<Frame> _stack = new();
    private readonly Dictionary<ISymbol, Frame> _finished = new(SymbolEqualityComparer.Default);

    public void Begin() => _stack.Add(new Frame());

    /// <summary>The evaluation in progress read this member's initializer.</summary>
    public void Read(string member)
    {
        if (_stack.Count > 0) _stack[_stack.Count - 1].Members.Add(member);
    }

    /// <summary>An error: no value that contains the failed part may be reused later.</summary>
    public void Fail()
    {
        foreach (var frame in _stack) frame.Failed = true;
    }

    /// <summary>Ends the innermost evaluation, for <paramref name="symbol"/>; what it read flows into the enclosing one.</summary>
    public (IReadOnlyCollection<string> Members, bool Failed) End(ISymbol symbol)
    {
        var frame = _stack[_stack.Count - 1];
        _stack.RemoveAt(_stack.Count - 1);
        _finished[symbol] = frame;
        Reuse(symbol);
        return (frame.Members, frame.Failed);
    }

    /// <summary>A value reused from a cache: its recorded reads stand for the evaluation that was skipped.</summary>
    public void Remember(ISymbol symbol, IReadOnlyCollection<string> members, bool failed)
    {
        var frame = new Frame { Failed = failed };
        frame.Members.UnionWith(members);
        _finished[symbol] = frame;
    }

    /// <summary>What the finished evaluation of <paramref name="symbol"/> read; empty if it was never evaluated.</summary>
    public IReadOnlyCollection<string> ReadBy(ISymbol symbol) => _finished.TryGetValue(symbol, out var frame) ? frame.Members : System.Array.Empty<string>();

    /// <summary>The evaluation in progress uses the already-evaluated value of <paramref name="symbol"/>.</summary>
    public void Reuse(ISymbol symbol)
    {
        if (_stack.Count == 0 || !_finished.TryGetValue(symbol, out var used)) return;
        var current = _stack[_stack.Count - 1];
        current.Members.UnionWith(used.Members);
        if (used.Failed) current.Failed = true;
    }

    private sealed class Frame
    {
        public HashSet<string> Members { get; } = new();

        public bool Failed { get; set; }
    }
}
