using System.Collections.Generic;
using System.Linq;

namespace HubDsl.Core.Templating;

/// <summary>Collects the paths a template can reference, for static checks (best effort: dot is assumed to be the root).</summary>
internal static class FieldCollector
{
    public static IReadOnlyList<string> Collect(Dictionary<string, ListNode> trees)
    {
        var found = new List<string>();
        foreach (var t in trees.Values) Visit(t, found);
        return found.Distinct().ToList();
    }

    private static void Visit(Node? n, List<string> found)
    {
        switch (n)
        {
            case ListNode l: foreach (var c in l.Nodes) Visit(c, found); break;
            case ActionNode a: Visit(a.Pipe, found); break;
            case BranchNode b: Visit(b.Pipe, found); Visit(b.List, found); Visit(b.ElseList, found); break;
            case TemplateNode t: Visit(t.Pipe, found); break;
            case PipeNode p: foreach (var c in p.Cmds) Visit(c, found); break;
            case CommandNode c:
                if (c.Args.Count >= 3 && c.Args[0] is IdentifierNode { Name: "index" } && c.Args[1] is FieldNode target && c.Args.Skip(2).All(x => x is StringNode))
                    found.Add(string.Join(".", target.Ident.Concat(c.Args.Skip(2).Select(x => ((StringNode)x).Text))));
                foreach (var a in c.Args) Visit(a, found);
                break;
            case FieldNode f: found.Add(string.Join(".", f.Ident)); break;
            case VariableNode v when v.Ident.Length > 1: found.Add(v.ToString()); break;
            case ChainNode ch: Visit(ch.Inner, found); break;
        }
    }
}
