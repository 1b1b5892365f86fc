using System;
using System.Collections.Generic;

namespace HubDsl.Core.Charts.Reads;

/// <summary>
/// The values paths the templates read, as a trie whose segments may be the wildcard: a path is "accessed" when a
/// template navigates to it (it and its ancestors, not its siblings or children), "whole" when the template consumes
/// it with everything below (printed, toYaml, compared, handed to an unmodelled function), and "gave up" when the
/// analysis could not follow it and counts it whole so that the check stays silent there.
/// </summary>
internal sealed class ReadSet
{
    private readonly Node _root = new();

    public bool IsEmpty => _root.Children == null && !_root.Accessed && !_root.Whole;

    public void Access(string[] path) => Walk(path, markAccessed: true);

    public void Whole(string[] path, string? gaveUpReason)
    {
        var node = Walk(path, markAccessed: true);
        node.Whole = true;
        if (gaveUpReason != null && node.GaveUpReason == null) node.GaveUpReason = gaveUpReason;
    }

    private Node Walk(string[] path, bool markAccessed)
    {
        var node = _root;
        if (markAccessed) node.Accessed = true;
        foreach (var segment in path)
        {
            node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Children.TryGetValue(segment, out var child)) node.Children[segment] = child = new Node();
            node = child;
            if (markAccessed) node.Accessed = true;
        }

        return node;
    }

    /// <summary>Whether the key is read: an accessed pattern equals it, or a whole pattern is a prefix of it. <paramref name="gaveUp"/> is the reason when only a give-up reads it.</summary>
    public bool IsRead(IReadOnlyList<string> key, out string? gaveUp)
    {
        gaveUp = null;
        var found = false;
        Match(_root, key, 0, ref found, ref gaveUp);
        if (found) gaveUp = null;
        return found || gaveUp != null;
    }

    private static void Match(Node node, IReadOnlyList<string> key, int depth, ref bool found, ref string? gaveUp)
    {
        if (found) return;
        if (node.Whole)
        {
            if (node.GaveUpReason == null)
            {
                found = true;
                return;
            }

            gaveUp ??= node.GaveUpReason;
        }

        if (depth == key.Count)
        {
            if (node.Accessed) found = true;
            return;
        }

        if (node.Children == null) return;
        if (node.Children.TryGetValue(key[depth], out var exact)) Match(exact, key, depth + 1, ref found, ref gaveUp);
        if (node.Children.TryGetValue(PathValue.Wildcard, out var any)) Match(any, key, depth + 1, ref found, ref gaveUp);
    }

    /// <summary>Every path the analysis gave up on, with the reason.</summary>
    public IEnumerable<(string[] Path, string Reason)> GaveUp()
    {
        var stack = new Stack<(Node, string[])>();
        stack.Push((_root, Array.Empty<string>()));
        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            if (node.GaveUpReason != null) yield return (path, node.GaveUpReason);
            if (node.Children == null) continue;
            foreach (var child in node.Children)
            {
                var p = new string[path.Length + 1];
                path.CopyTo(p, 0);
                p[path.Length] = child.Key;
                stack.Push((child.Value, p));
            }
        }
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Children;
        public bool Accessed;
        public bool Whole;
        public string? GaveUpReason;
    }
}
