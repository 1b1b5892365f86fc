using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace HubDsl.Core.Templating;

/// <summary>
/// Go text/template's recursive-descent parser over <see cref="Lexer"/> items, with Go's error texts
/// ("template: NAME:LINE: ..."). Produces the main tree plus any {{define}}/{{block}} trees.
/// </summary>
internal sealed class Parser
{
    // Guards the C# stack against pathological nesting; Go has no such limit but would never reach it in practice.
    private const int MaxNesting = 200;

    private readonly string _name;
    private readonly List<Token> _tokens;
    private readonly Dictionary<string, ListNode> _trees;
    private int _index;
    private int _furthest;
    private List<string> _vars = new() { "$" };
    private int _rangeDepth;
    private int _actionLine;
    private int _nesting;
    private readonly bool _checkFunctions;

    private Parser(string name, List<Token> tokens, Dictionary<string, ListNode> trees, bool checkFunctions)
    {
        _name = name;
        _tokens = tokens;
        _trees = trees;
        _checkFunctions = checkFunctions;
    }

    /// <param name="name">The template's name, as in Go's error texts.</param>
    /// <param name="text">The template text.</param>
    /// <param name="checkFunctions">
    /// False accepts any function name, like Go's parse.SkipFuncCheck: the Helm chart analysis reads templates
    /// written for Helm's function map (include, tpl, required, lookup, ...), which Argo CD's map does not have.
    /// </param>
    public static Dictionary<string, ListNode> Parse(string name, string text, bool checkFunctions = true)
    {
        var trees = new Dictionary<string, ListNode>(System.StringComparer.Ordinal);
        var p = new Parser(name, Lexer.Lex(text), trees, checkFunctions);
        var root = p.ParseRoot();
        p.Add(name, root);
        return trees;
    }

    // ---- token access (Go keeps a 3-item lookahead; errors report the line of the furthest item read) ----

    private Token Next()
    {
        var t = _tokens[System.Math.Min(_index, _tokens.Count - 1)];
        if (_index < _tokens.Count) _index++;
        if (_index - 1 > _furthest) _furthest = _index - 1;
        return t;
    }

    private void Backup(int n = 1) => _index -= n;

    private Token Peek()
    {
        var t = Next();
        Backup();
        return t;
    }

    private Token NextNonSpace()
    {
        Token t;
        do t = Next(); while (t.Kind == TokenKind.Space);
        return t;
    }

    private Token PeekNonSpace()
    {
        var t = NextNonSpace();
        Backup();
        return t;
    }

    private TemplateParseException Error(string message)
    {
        int line = _tokens[System.Math.Min(_furthest, _tokens.Count - 1)].Line;
        return new TemplateParseException("template: " + _name + ":" + line.ToString(CultureInfo.InvariantCulture) + ": " + message);
    }

    private TemplateParseException Unexpected(Token token, string context)
    {
        if (token.Kind == TokenKind.Error)
        {
            string extra = "";
            if (_actionLine != 0 && _actionLine != token.Line)
            {
                extra = " in action started at " + _name + ":" + _actionLine.ToString(CultureInfo.InvariantCulture);
                if (token.Value.EndsWith(" action", System.StringComparison.Ordinal)) extra = extra.Substring(" in action".Length);
            }
            return Error(token + extra);
        }
        return Error("unexpected " + token + " in " + context);
    }

    private Token Expect(TokenKind kind, string context)
    {
        var t = NextNonSpace();
        if (t.Kind != kind) throw Unexpected(t, context);
        return t;
    }

    private void Enter()
    {
        if (++_nesting > MaxNesting) throw Error("template nesting too deep (HubDsl limit " + MaxNesting.ToString(CultureInfo.InvariantCulture) + ")");
    }

    // ---- structure ----

    private void Add(string name, ListNode root)
    {
        if (!_trees.TryGetValue(name, out var existing) || IsEmptyTree(existing))
        {
            _trees[name] = root;
            return;
        }
        if (!IsEmptyTree(root)) throw Error("template: multiple definition of template " + GoQuote.Quote(name));
    }

    private static bool IsEmptyTree(Node n) => n switch
    {
        ListNode l => l.Nodes.All(IsEmptyTree),
        TextNode t => t.Text.Trim(' ', '\t', '\n', '\r', '\v', '\f', '\u0085', '\u00a0').Length == 0,
        _ => false,
    };

    private ListNode ParseRoot()
    {
        var root = new ListNode(Peek().Pos);
        while (Peek().Kind != TokenKind.Eof)
        {
            if (Peek().Kind == TokenKind.LeftDelim)
            {
                Next();
                if (NextNonSpace().Kind == TokenKind.Define)
                {
                    ParseDefinition();
                    continue;
                }
                // back to the delimiter (Go's backup2: the delimiter and the non-space item)
                _index = IndexOfPreviousLeftDelim();
            }
            var n = TextOrAction();
            if (n is EndNode || n is ElseNode) throw Error("unexpected " + n);
            root.Nodes.Add(n);
        }
        return root;
    }

    private int IndexOfPreviousLeftDelim()
    {
        int i = _index - 1;
        while (i >= 0 && _tokens[i].Kind != TokenKind.LeftDelim) i--;
        return i;
    }

    private void ParseDefinition()
    {
        const string context = "define clause";
        var nameTok = NextNonSpace();
        if (nameTok.Kind != TokenKind.String && nameTok.Kind != TokenKind.RawString) throw Unexpected(nameTok, context);
        string name = GoQuote.Unquote(nameTok.Value) ?? throw Error("invalid syntax");
        Expect(TokenKind.RightDelim, context);
        var savedVars = _vars;
        _vars = new List<string> { "$" };
        var (list, end) = ItemList();
        if (end is not EndNode) throw Error("unexpected " + end + " in " + context);
        _vars = savedVars;
        Add(name, list);
    }

    private (ListNode List, Node Next) ItemList()
    {
        var list = new ListNode(PeekNonSpace().Pos);
        while (PeekNonSpace().Kind != TokenKind.Eof)
        {
            var n = TextOrAction();
            if (n is EndNode || n is ElseNode) return (list, n);
            list.Nodes.Add(n);
        }
        throw Error("unexpected EOF");
    }

    private Node TextOrAction()
    {
        var token = NextNonSpace();
        switch (token.Kind)
        {
            case TokenKind.Text:
                return new TextNode(token.Pos, token.Value);
            case TokenKind.LeftDelim:
                _actionLine = token.Line;
                try
                {
                    return Action();
                }
                finally
                {
                    _actionLine = 0;
                }
            default:
                throw Unexpected(token, "input");
        }
    }

    private Node Action()
    {
        var token = NextNonSpace();
        switch (token.Kind)
        {
            case TokenKind.Block: return BlockControl();
            case TokenKind.Break: return LoopControl(token, "break");
            case TokenKind.Continue: return LoopControl(token, "continue");
            case TokenKind.Else: return ElseControl();
            case TokenKind.End: return new EndNode(Expect(TokenKind.RightDelim, "end").Pos);
            case TokenKind.If: return Control(BranchKind.If, "if");
            case TokenKind.Range: return Control(BranchKind.Range, "range");
            case TokenKind.Template: return TemplateControl();
            case TokenKind.With: return Control(BranchKind.With, "with");
        }
        Backup();
        var start = Peek();
        return new ActionNode(start.Pos, Pipeline("command", TokenKind.RightDelim));
    }

    private Node LoopControl(Token token, string word)
    {
        var t = NextNonSpace();
        if (t.Kind != TokenKind.RightDelim) throw Unexpected(t, "{{" + word + "}}");
        if (_rangeDepth == 0) throw Error("{{" + word + "}} outside {{range}}");
        return word == "break" ? new BreakNode(token.Pos) : new ContinueNode(token.Pos);
    }

    private Node ElseControl()
    {
        var peek = PeekNonSpace();
        // "else if" since forever, "else with" since Go 1.23 (Argo CD builds with a newer Go than 1.23).
        if (peek.Kind == TokenKind.If || peek.Kind == TokenKind.With) return new ElseNode(peek.Pos);
        var token = Expect(TokenKind.RightDelim, "else");
        return new ElseNode(token.Pos);
    }

    private Node Control(BranchKind kind, string context)
    {
        Enter();
        int varCount = _vars.Count;
        var pipe = Pipeline(context, TokenKind.RightDelim);
        if (kind == BranchKind.Range) _rangeDepth++;
        var (list, next) = ItemList();
        if (kind == BranchKind.Range) _rangeDepth--;
        ListNode? elseList = null;
        if (next is ElseNode)
        {
            var chained = Peek().Kind;
            if ((kind == BranchKind.If && chained == TokenKind.If) || (kind == BranchKind.With && chained == TokenKind.With))
            {
                Next();
                elseList = new ListNode(next.Pos);
                elseList.Nodes.Add(Control(kind, context));
            }
            else
            {
                (elseList, next) = ItemList();
                if (next is not EndNode) throw Error("expected end; found " + next);
            }
        }
        _vars.RemoveRange(varCount, _vars.Count - varCount);
        _nesting--;
        return new BranchNode(kind, pipe.Pos, pipe, list, elseList);
    }

    private Node BlockControl()
    {
        const string context = "block clause";
        var token = NextNonSpace();
        string name = TemplateName(token, context);
        var pipe = Pipeline(context, TokenKind.RightDelim);
        var savedVars = _vars;
        _vars = new List<string> { "$" };
        var (list, end) = ItemList();
        if (end is not EndNode) throw Error("unexpected " + end + " in " + context);
        _vars = savedVars;
        Add(name, list);
        return new TemplateNode(token.Pos, name, pipe);
    }

    private Node TemplateControl()
    {
        const string context = "template clause";
        var token = NextNonSpace();
        string name = TemplateName(token, context);
        PipeNode? pipe = null;
        if (NextNonSpace().Kind != TokenKind.RightDelim)
        {
            Backup();
            pipe = Pipeline(context, TokenKind.RightDelim);
        }
        return new TemplateNode(token.Pos, name, pipe);
    }

    private string TemplateName(Token token, string context)
    {
        if (token.Kind != TokenKind.String && token.Kind != TokenKind.RawString) throw Unexpected(token, context);
        return GoQuote.Unquote(token.Value) ?? throw Error("invalid syntax");
    }

    // ---- pipelines ----

    private PipeNode Pipeline(string context, TokenKind end)
    {
        Enter();
        var pipe = new PipeNode(PeekNonSpace().Pos);
        Decls(pipe, context);
        while (true)
        {
            var token = NextNonSpace();
            if (token.Kind == end)
            {
                CheckPipeline(pipe, context);
                _nesting--;
                return pipe;
            }
            switch (token.Kind)
            {
                case TokenKind.Bool:
                case TokenKind.CharConstant:
                case TokenKind.Complex:
                case TokenKind.Dot:
                case TokenKind.Field:
                case TokenKind.Identifier:
                case TokenKind.Number:
                case TokenKind.Nil:
                case TokenKind.RawString:
                case TokenKind.String:
                case TokenKind.Variable:
                case TokenKind.LeftParen:
                    Backup();
                    pipe.Cmds.Add(Command());
                    break;
                default:
                    throw Unexpected(token, context);
            }
        }
    }

    private void Decls(PipeNode pipe, string context)
    {
        while (true)
        {
            var v = PeekNonSpace();
            if (v.Kind != TokenKind.Variable) return;
            int before = _index;
            NextNonSpace();
            var next = PeekNonSpace();
            if (next.Kind == TokenKind.Assign || next.Kind == TokenKind.Declare)
            {
                pipe.IsAssign = next.Kind == TokenKind.Assign;
                NextNonSpace();
                pipe.Decl.Add(new VariableNode(v.Pos, v.Value));
                _vars.Add(v.Value);
                return;
            }
            if (next.Kind == TokenKind.Char && next.Value == ",")
            {
                NextNonSpace();
                pipe.Decl.Add(new VariableNode(v.Pos, v.Value));
                _vars.Add(v.Value);
                if (context == "range" && pipe.Decl.Count < 2)
                {
                    var k = PeekNonSpace().Kind;
                    if (k == TokenKind.Variable || k == TokenKind.RightDelim || k == TokenKind.RightParen) continue;
                    throw Error("range can only initialize variables");
                }
                throw Error("too many declarations in " + context);
            }
            // not a declaration: rewind to the variable (Go's backup2/backup3)
            _index = before;
            return;
        }
    }

    private void CheckPipeline(PipeNode pipe, string context)
    {
        if (pipe.Cmds.Count == 0) throw Error("missing value for " + context);
        for (int i = 1; i < pipe.Cmds.Count; i++)
        {
            switch (pipe.Cmds[i].Args[0])
            {
                case BoolNode:
                case DotNode:
                case NilNode:
                case NumberNode:
                case StringNode:
                    throw Error("non executable command in pipeline stage " + (i + 1).ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    private CommandNode Command()
    {
        var cmd = new CommandNode(PeekNonSpace().Pos);
        while (true)
        {
            PeekNonSpace();
            var operand = Operand();
            if (operand != null) cmd.Args.Add(operand);
            var token = Next();
            if (token.Kind == TokenKind.Space) continue;
            if (token.Kind == TokenKind.RightDelim || token.Kind == TokenKind.RightParen)
            {
                Backup();
            }
            else if (token.Kind != TokenKind.Pipe)
            {
                throw Unexpected(token, "operand");
            }
            break;
        }
        if (cmd.Args.Count == 0) throw Error("empty command");
        return cmd;
    }

    private Node? Operand()
    {
        var node = Term();
        if (node == null) return null;
        if (Peek().Kind == TokenKind.Field)
        {
            var chain = new ChainNode(Peek().Pos, node);
            while (Peek().Kind == TokenKind.Field) chain.Fields.Add(Next().Value.Substring(1));
            switch (node)
            {
                case FieldNode:
                    return new FieldNode(chain.Pos, chain.ToString());
                case VariableNode:
                    return new VariableNode(chain.Pos, chain.ToString());
                case BoolNode:
                case StringNode:
                case NumberNode:
                case NilNode:
                case DotNode:
                    throw Error("unexpected . after term " + GoQuote.Quote(node.ToString()));
                default:
                    return chain;
            }
        }
        return node;
    }

    private Node? Term()
    {
        var token = NextNonSpace();
        switch (token.Kind)
        {
            case TokenKind.Identifier:
                if (_checkFunctions) CheckFunction(token.Value);
                return new IdentifierNode(token.Pos, token.Value);
            case TokenKind.Dot:
                return new DotNode(token.Pos);
            case TokenKind.Nil:
                return new NilNode(token.Pos);
            case TokenKind.Variable:
                return UseVar(token.Pos, token.Value);
            case TokenKind.Field:
                return new FieldNode(token.Pos, token.Value);
            case TokenKind.Bool:
                return new BoolNode(token.Pos, token.Value == "true");
            case TokenKind.CharConstant:
            case TokenKind.Complex:
            case TokenKind.Number:
                return NumberParser.Parse(token, message => Error(message));
            case TokenKind.LeftParen:
                return Pipeline("parenthesized pipeline", TokenKind.RightParen);
            case TokenKind.String:
            case TokenKind.RawString:
                string? s = GoQuote.Unquote(token.Value);
                if (s == null) throw Error("invalid syntax");
                return new StringNode(token.Pos, token.Value, s);
        }
        Backup();
        return null;
    }

    private void CheckFunction(string name)
    {
        if (!FunctionTable.IsDefined(name)) throw Error("function " + GoQuote.Quote(name) + " not defined");
    }

    private Node UseVar(int pos, string text)
    {
        var v = new VariableNode(pos, text);
        if (_vars.Contains(v.Ident[0])) return v;
        throw Error("undefined variable " + GoQuote.Quote(v.Ident[0]));
    }
}
