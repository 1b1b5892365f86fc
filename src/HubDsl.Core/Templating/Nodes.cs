using System.Collections.Generic;
using System.Linq;

namespace HubDsl.Core.Templating;

// The parse tree of text/template. Each node keeps its source offset (for "base:L:C" in execution errors)
// and renders itself as Go's Node.String() does, because Go quotes that text in error messages.

internal abstract class Node
{
    protected Node(int pos) => Pos = pos;
    public int Pos { get; }
}

internal sealed class ListNode : Node
{
    public ListNode(int pos) : base(pos) { }
    public List<Node> Nodes { get; } = new();
}

internal sealed class TextNode : Node
{
    public TextNode(int pos, string text) : base(pos) => Text = text;
    public string Text { get; }
}

internal sealed class ActionNode : Node
{
    public ActionNode(int pos, PipeNode pipe) : base(pos) => Pipe = pipe;
    public PipeNode Pipe { get; }
    public override string ToString() => "{{" + Pipe + "}}";
}

internal sealed class PipeNode : Node
{
    public PipeNode(int pos) : base(pos) { }
    public bool IsAssign { get; set; }
    public List<VariableNode> Decl { get; } = new();
    public List<CommandNode> Cmds { get; } = new();

    public override string ToString()
    {
        string s = "";
        if (Decl.Count > 0) s = string.Join(", ", Decl.Select(d => d.ToString())) + " := ";
        return s + string.Join(" | ", Cmds.Select(c => c.ToString()));
    }
}

internal sealed class CommandNode : Node
{
    public CommandNode(int pos) : base(pos) { }
    public List<Node> Args { get; } = new();
    public override string ToString() => string.Join(" ", Args.Select(a => a is PipeNode ? "(" + a + ")" : a.ToString()));
}

internal sealed class IdentifierNode : Node
{
    public IdentifierNode(int pos, string name) : base(pos) => Name = name;
    public string Name { get; }
    public override string ToString() => Name;
}

/// <summary>$ or $x, possibly followed by fields: $x.a.b (Ident[0] is the variable).</summary>
internal sealed class VariableNode : Node
{
    public VariableNode(int pos, string text) : base(pos) => Ident = text.Split('.');
    public string[] Ident { get; }
    public override string ToString() => string.Join(".", Ident);
}

internal sealed class DotNode : Node
{
    public DotNode(int pos) : base(pos) { }
    public override string ToString() => ".";
}

internal sealed class NilNode : Node
{
    public NilNode(int pos) : base(pos) { }
    public override string ToString() => "nil";
}

/// <summary>.a.b.c relative to dot.</summary>
internal sealed class FieldNode : Node
{
    public FieldNode(int pos, string text) : base(pos) => Ident = text.Substring(1).Split('.');
    public string[] Ident { get; }
    public override string ToString() => "." + string.Join(".", Ident);
}

/// <summary>(pipeline).a.b or another term followed by fields.</summary>
internal sealed class ChainNode : Node
{
    public ChainNode(int pos, Node node) : base(pos) => Inner = node;
    public Node Inner { get; }
    public List<string> Fields { get; } = new();
    public override string ToString() => (Inner is PipeNode ? "(" + Inner + ")" : Inner.ToString()) + "." + string.Join(".", Fields);
}

internal sealed class BoolNode : Node
{
    public BoolNode(int pos, bool value) : base(pos) => Value = value;
    public bool Value { get; }
    public override string ToString() => Value ? "true" : "false";
}

internal sealed class StringNode : Node
{
    public StringNode(int pos, string quoted, string text) : base(pos)
    {
        Quoted = quoted;
        Text = text;
    }
    public string Quoted { get; }
    public string Text { get; }
    public override string ToString() => Quoted;
}

internal sealed class NumberNode : Node
{
    public NumberNode(int pos, string text) : base(pos) => Text = text;
    public string Text { get; }
    public bool IsInt { get; set; }
    public bool IsUint { get; set; }
    public bool IsFloat { get; set; }
    public long Int64 { get; set; }
    public double Float64 { get; set; }
    public override string ToString() => Text;
}

internal sealed class EndNode : Node
{
    public EndNode(int pos) : base(pos) { }
    public override string ToString() => "{{end}}";
}

internal sealed class ElseNode : Node
{
    public ElseNode(int pos) : base(pos) { }
    public override string ToString() => "{{else}}";
}

internal sealed class BreakNode : Node
{
    public BreakNode(int pos) : base(pos) { }
}

internal sealed class ContinueNode : Node
{
    public ContinueNode(int pos) : base(pos) { }
}

internal enum BranchKind { If, Range, With }

/// <summary>if / range / with: a pipeline, a body and an optional else list.</summary>
internal sealed class BranchNode : Node
{
    public BranchNode(BranchKind kind, int pos, PipeNode pipe, ListNode list, ListNode? elseList) : base(pos)
    {
        Kind = kind;
        Pipe = pipe;
        List = list;
        ElseList = elseList;
    }
    public BranchKind Kind { get; }
    public PipeNode Pipe { get; }
    public ListNode List { get; }
    public ListNode? ElseList { get; }
}

/// <summary>{{template "name" pipeline}} (also what {{block}} leaves in place).</summary>
internal sealed class TemplateNode : Node
{
    public TemplateNode(int pos, string name, PipeNode? pipe) : base(pos)
    {
        Name = name;
        Pipe = pipe;
    }
    public string Name { get; }
    public PipeNode? Pipe { get; }
    public override string ToString() => Pipe == null ? "{{template " + GoQuote.Quote(Name) + "}}" : "{{template " + GoQuote.Quote(Name) + " " + Pipe + "}}";
}
