using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>Walks a parsed template like Go's exec.go: same truthiness, field lookup, variable scoping and error texts.</summary>
internal sealed class Executor
{
    private const int MaxTemplateDepth = 100; // guards the C# stack; Go allows 100000

    private readonly string _name;
    private readonly Dictionary<string, ListNode> _trees;
    private readonly LineMap _lines;
    private readonly GoTemplateOptions _options;
    private readonly WorkBudget _budget;
    private readonly StringBuilder _out = new();
    private readonly List<KeyValuePair<string, GoValue>> _vars = new();
    private Node? _node;
    private int _depth;

    public Executor(string name, Dictionary<string, ListNode> trees, LineMap lines, GoTemplateOptions options)
    {
        _name = name;
        _trees = trees;
        _lines = lines;
        _options = options;
        _budget = options.Budget ?? new WorkBudget(WorkBudget.DefaultMaxSteps, WorkBudget.DefaultMaxOutputCharacters);
    }

    public GoTemplateOptions Options => _options;

    private sealed class LoopSignal : System.Exception
    {
        public LoopSignal(bool isBreak) => IsBreak = isBreak;
        public bool IsBreak { get; }
    }

    public string Run(object? data)
    {
        var dot = data == null ? GoValue.Invalid : GoValue.Of(data);
        _vars.Add(new KeyValuePair<string, GoValue>("$", dot));
        if (!_trees.TryGetValue(_name, out var root))
            throw new TemplateExecutionException("template: " + GoQuote.Quote(_name) + " is an incomplete or empty template");
        using (_budget.Enter())
        {
            try
            {
                Walk(dot, root);
            }
            catch (WorkLimitExceededException e) when (e.Location is null)
            {
                e.Location = _node == null ? _name : _name + ":" + _lines.LineAt(_node.Pos).ToString(CultureInfo.InvariantCulture) + ":" + _lines.ByteColumnAt(_node.Pos).ToString(CultureInfo.InvariantCulture) + " at <" + _node + ">";
                throw;
            }
        }

        return _out.ToString();
    }

    internal TemplateExecutionException Error(string message)
    {
        if (_node == null) return new TemplateExecutionException("template: " + _name + ": " + message);
        string location = _name + ":" + _lines.LineAt(_node.Pos).ToString(CultureInfo.InvariantCulture) + ":" + _lines.ByteColumnAt(_node.Pos).ToString(CultureInfo.InvariantCulture);
        return new TemplateExecutionException("template: " + location + ": executing " + GoQuote.Quote(_name) + " at <" + _node + ">: " + message);
    }

    // The caller counts the finished string against the budget; here it only may not outgrow what is left.
    private void Write(string s)
    {
        if (_out.Length + s.Length > _budget.RemainingOutput) throw new WorkLimitExceededException(WorkLimit.Output, _budget.MaxOutputCharacters);
        _out.Append(s);
    }

    private void Walk(GoValue dot, Node node)
    {
        // recursive templates nest walks; stop before the C# stack runs out (reported as a TemplateExecutionException)
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (node is not ListNode) _node = node; // a list has no text of its own to point at
        _budget.Spend(1);
        switch (node)
        {
            case ActionNode a:
                var val = EvalPipeline(dot, a.Pipe);
                if (a.Pipe.Decl.Count == 0)
                {
                    _node = a;
                    Write(Printable(val));
                }
                break;
            case BreakNode:
                throw new LoopSignal(true);
            case ContinueNode:
                throw new LoopSignal(false);
            case BranchNode b when b.Kind == BranchKind.Range:
                WalkRange(dot, b);
                break;
            case BranchNode b:
                WalkIfOrWith(dot, b);
                break;
            case ListNode l:
                foreach (var n in l.Nodes) Walk(dot, n);
                break;
            case TemplateNode t:
                WalkTemplate(dot, t);
                break;
            case TextNode t:
                Write(t.Text);
                break;
        }
    }

    private static string Printable(GoValue v) => !v.IsValid ? "<no value>" : GoFormat.Value(v.Obj);

    private void WalkIfOrWith(GoValue dot, BranchNode b)
    {
        int mark = _vars.Count;
        var val = EvalPipeline(dot, b.Pipe);
        bool? truth = GoTypes.IsTrue(val.Unwrap());
        if (truth == null) throw Error("if/with can't use " + GoFormat.Value(val.Obj));
        if (truth.Value) Walk(b.Kind == BranchKind.With ? val : dot, b.List);
        else if (b.ElseList != null) Walk(dot, b.ElseList);
        Pop(mark);
    }

    private void Pop(int mark) => _vars.RemoveRange(mark, _vars.Count - mark);

    private void WalkRange(GoValue dot, BranchNode r)
    {
        _node = r;
        int mark0 = _vars.Count;
        var val = EvalPipeline(dot, r.Pipe).Unwrap();
        _budget.Spend(WorkBudget.Weight(val.Obj)); // a map's keys are sorted first
        int mark = _vars.Count;
        bool ran = false;
        try
        {
            void One(GoValue index, GoValue elem)
            {
                if (r.Pipe.Decl.Count > 0) _vars[_vars.Count - 1] = new KeyValuePair<string, GoValue>(_vars[_vars.Count - 1].Key, elem);
                if (r.Pipe.Decl.Count > 1) _vars[_vars.Count - 2] = new KeyValuePair<string, GoValue>(_vars[_vars.Count - 2].Key, index);
                try
                {
                    Walk(elem, r.List);
                }
                catch (LoopSignal s) when (!s.IsBreak)
                {
                }
                finally
                {
                    Pop(mark);
                }
            }

            object? o = val.Obj;
            if (!val.IsValid)
            {
                // an invalid value acts like an empty map
            }
            else if (o is IReadOnlyList<object?> list)
            {
                bool typed = GoTypes.HasTypedElements(o);
                for (int i = 0; i < list.Count; i++)
                {
                    ran = true;
                    One(GoValue.Of(i), typed ? GoValue.Of(list[i]) : GoValue.Interface(list[i]));
                }
            }
            else if (GoTypes.IsMap(o))
            {
                bool typed = o is IReadOnlyDictionary<string, string>;
                foreach (var kv in GoTypes.SortedEntries(o!))
                {
                    ran = true;
                    One(GoValue.Of(kv.Key), typed ? GoValue.Of(kv.Value) : GoValue.Interface(kv.Value));
                }
            }
            else if (o is int || o is long)
            {
                // Go 1.24 (which Argo CD builds with) ranges over integers: dot and the single variable take 0..n-1
                if (r.Pipe.Decl.Count > 1) throw Error("can't use " + GoFormat.Value(o) + " to iterate over more than one variable");
                long n = o is int i32 ? i32 : (long)o;
                for (long i = 0; i < n; i++)
                {
                    ran = true;
                    One(GoValue.Invalid, GoValue.Of(o is int ? (object)(int)i : i));
                }
            }
            else
            {
                throw Error("range can't iterate over " + GoFormat.Value(o));
            }
        }
        catch (LoopSignal s) when (s.IsBreak)
        {
            ran = true;
        }
        if (!ran && r.ElseList != null) Walk(dot, r.ElseList);
        Pop(mark0);
    }

    private void WalkTemplate(GoValue dot, TemplateNode t)
    {
        _node = t;
        if (!_trees.TryGetValue(t.Name, out var tree)) throw Error("template " + GoQuote.Quote(t.Name) + " not defined");
        if (_depth >= MaxTemplateDepth) throw Error("exceeded maximum template depth (HubDsl limit " + MaxTemplateDepth.ToString(CultureInfo.InvariantCulture) + ")");
        var newDot = t.Pipe == null ? GoValue.Invalid : EvalPipeline(dot, t.Pipe);
        var saved = new List<KeyValuePair<string, GoValue>>(_vars);
        _vars.Clear();
        _vars.Add(new KeyValuePair<string, GoValue>("$", newDot));
        _depth++;
        try
        {
            Walk(newDot, tree);
        }
        finally
        {
            _depth--;
            _vars.Clear();
            _vars.AddRange(saved);
        }
    }

    internal GoValue EvalPipeline(GoValue dot, PipeNode? pipe)
    {
        if (pipe == null) return GoValue.Invalid;
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        _node = pipe;
        GoValue value = default;
        bool hasFinal = false;
        foreach (var cmd in pipe.Cmds)
        {
            value = EvalCommand(dot, cmd, value, hasFinal);
            hasFinal = true;
            if (value.IsInterface) value = value.Unwrap();
        }
        foreach (var v in pipe.Decl)
        {
            if (pipe.IsAssign) SetVar(v.Ident[0], value);
            else _vars.Add(new KeyValuePair<string, GoValue>(v.Ident[0], value));
        }
        return value;
    }

    private void SetVar(string name, GoValue value)
    {
        for (int i = _vars.Count - 1; i >= 0; i--)
        {
            if (_vars[i].Key == name)
            {
                _vars[i] = new KeyValuePair<string, GoValue>(name, value);
                return;
            }
        }
        throw Error("undefined variable: " + name);
    }

    private GoValue VarValue(string name)
    {
        for (int i = _vars.Count - 1; i >= 0; i--)
            if (_vars[i].Key == name) return _vars[i].Value;
        throw Error("undefined variable: " + name);
    }

    private void NotAFunction(List<Node> args, bool hasFinal)
    {
        if (args.Count > 1 || hasFinal) throw Error("can't give argument to non-function " + args[0]);
    }

    private GoValue EvalCommand(GoValue dot, CommandNode cmd, GoValue final, bool hasFinal)
    {
        var first = cmd.Args[0];
        switch (first)
        {
            case FieldNode f:
                _node = f;
                return EvalFieldChain(dot, dot, f, f.Ident, 0, cmd.Args, final, hasFinal);
            case ChainNode c:
                return EvalChain(dot, c, cmd.Args, final, hasFinal);
            case IdentifierNode id:
                return EvalFunction(dot, id, cmd, cmd.Args, final, hasFinal);
            case PipeNode p:
                NotAFunction(cmd.Args, hasFinal);
                return EvalPipeline(dot, p);
            case VariableNode v:
                return EvalVariable(dot, v, cmd.Args, final, hasFinal);
        }
        _node = first;
        NotAFunction(cmd.Args, hasFinal);
        switch (first)
        {
            case BoolNode b:
                return GoValue.Of(b.Value);
            case DotNode:
                return dot;
            case NilNode:
                throw Error("nil is not a command");
            case NumberNode n:
                return IdealConstant(n);
            case StringNode s:
                return GoValue.Of(s.Text);
        }
        throw Error("can't evaluate command " + GoQuote.Quote(first.ToString()));
    }

    internal GoValue IdealConstant(NumberNode n)
    {
        _node = n;
        bool isRune = n.Text.StartsWith("'", System.StringComparison.Ordinal);
        bool isHex = n.Text.Length > 2 && n.Text[0] == '0' && (n.Text[1] == 'x' || n.Text[1] == 'X');
        if (n.IsFloat && !isHex && !isRune && n.Text.IndexOfAny(new[] { '.', 'e', 'E', 'p', 'P' }) >= 0) return GoValue.Of(n.Float64);
        if (n.IsInt) return GoValue.Of(n.Int64).AsGoInt();
        if (n.IsUint) throw Error(n.Text + " overflows int");
        return GoValue.Invalid;
    }

    private GoValue EvalChain(GoValue dot, ChainNode chain, List<Node> args, GoValue final, bool hasFinal)
    {
        _node = chain;
        if (chain.Inner is NilNode) throw Error("indirection through explicit nil in " + chain);
        var pipe = EvalArg(dot, ParamType.Value, chain.Inner);
        return EvalFieldChain(dot, pipe, chain, chain.Fields.ToArray(), 0, args, final, hasFinal);
    }

    private GoValue EvalVariable(GoValue dot, VariableNode v, List<Node> args, GoValue final, bool hasFinal)
    {
        _node = v;
        var value = VarValue(v.Ident[0]);
        if (v.Ident.Length == 1)
        {
            NotAFunction(args, hasFinal);
            return value;
        }
        return EvalFieldChain(dot, value, v, v.Ident, 1, args, final, hasFinal);
    }

    private GoValue EvalFieldChain(GoValue dot, GoValue receiver, Node node, string[] ident, int start, List<Node>? args, GoValue final, bool hasFinal)
    {
        bool reported = false;
        for (int i = start; i < ident.Length; i++)
        {
            bool last = i == ident.Length - 1;
            receiver = EvalField(dot, ident[i], node, last ? args : null, final, last && hasFinal, receiver, ref reported);
        }
        return receiver;
    }

    private void ReportMiss(Node node, ref bool reported)
    {
        if (reported) return;
        reported = true;
        string path = node is FieldNode ? node.ToString().Substring(1) : node.ToString();
        _options.OnMissingKey?.Invoke(path);
    }

    private GoValue EvalField(GoValue dot, string fieldName, Node node, List<Node>? args, GoValue final, bool hasFinal, GoValue receiver, ref bool reported)
    {
        if (!receiver.IsValid)
        {
            ReportMiss(node, ref reported);
            if (_options.MissingKey == MissingKeyOption.Error) throw Error("nil data; no entry for key " + GoQuote.Quote(fieldName));
            return GoValue.Invalid;
        }
        string typ = receiver.TypeName;
        if (receiver.Obj == null) throw Error("nil pointer evaluating " + typ + "." + fieldName);
        bool hasArgs = (args != null && args.Count > 1) || hasFinal;
        object o = receiver.Obj;
        if (o is IReadOnlyDictionary<string, string> ss)
        {
            if (hasArgs) throw Error(fieldName + " is not a method but has arguments");
            if (ss.TryGetValue(fieldName, out var sv)) return GoValue.Of(sv);
            return Miss(fieldName, node, ref reported, GoValue.Of(""));
        }
        if (o is IReadOnlyDictionary<string, object?> so)
        {
            if (hasArgs) throw Error(fieldName + " is not a method but has arguments");
            if (so.TryGetValue(fieldName, out var ov)) return GoValue.Interface(ov);
            return Miss(fieldName, node, ref reported, GoValue.Interface(null));
        }
        if (o is GoObject goObject && goObject.Method(fieldName) is { } method)
        {
            // A method of a Go struct (semver's *Version): called with the remaining arguments, as Go does.
            return EvalCall(dot, method, node, fieldName, args is { Count: > 0 } ? args : null, final, hasFinal);
        }
        throw Error("can't evaluate field " + fieldName + " in type " + typ);
    }

    private GoValue Miss(string fieldName, Node node, ref bool reported, GoValue zero)
    {
        ReportMiss(node, ref reported);
        switch (_options.MissingKey)
        {
            case MissingKeyOption.Zero:
                return zero;
            case MissingKeyOption.Error:
                throw Error("map has no entry for key " + GoQuote.Quote(fieldName));
            default:
                return GoValue.Invalid;
        }
    }

    private GoValue EvalFunction(GoValue dot, IdentifierNode node, Node cmd, List<Node>? args, GoValue final, bool hasFinal)
    {
        _node = node;
        // A function offline rendering cannot compute fails only when a template calls it (Go's parse accepts it).
        if (FunctionTable.TryGetUnsupportedReason(node.Name, out var reason)) throw Error("error calling " + node.Name + ": function " + GoQuote.Quote(node.Name) + " is not supported by HubDsl's template engine: " + reason);
        if (!FunctionTable.TryGet(node.Name, out var fn)) throw Error(GoQuote.Quote(node.Name) + " is not a defined function");
        return EvalCall(dot, fn, cmd, node.Name, args, final, hasFinal);
    }

    private GoValue EvalCall(GoValue dot, GoFunction fn, Node node, string name, List<Node>? argNodes, GoValue final, bool hasFinal)
    {
        var args = argNodes == null ? new List<Node>() : argNodes.GetRange(1, argNodes.Count - 1);
        int numIn = args.Count + (hasFinal ? 1 : 0);
        int numFixed = args.Count;
        if (fn.Variadic != null)
        {
            numFixed = fn.Params.Length;
            if (numIn < numFixed) throw Error("wrong number of args for " + name + ": want at least " + fn.Params.Length.ToString(CultureInfo.InvariantCulture) + " got " + args.Count.ToString(CultureInfo.InvariantCulture));
        }
        else if (numIn != fn.Params.Length)
        {
            throw Error("wrong number of args for " + name + ": want " + fn.Params.Length.ToString(CultureInfo.InvariantCulture) + " got " + numIn.ToString(CultureInfo.InvariantCulture));
        }

        if (name == "and" || name == "or")
        {
            GoValue v = default;
            foreach (var a in args)
            {
                v = EvalArg(dot, ParamType.Value, a);
                if ((GoTypes.IsTrue(v.Unwrap()) ?? true) == (name == "or")) return v;
            }
            if (hasFinal) v = final;
            return v;
        }

        var argv = new GoValue[numIn];
        int i = 0;
        for (; i < numFixed && i < args.Count; i++) argv[i] = EvalArg(dot, fn.Params[i], args[i]);
        if (fn.Variadic != null)
            for (; i < args.Count; i++) argv[i] = EvalArg(dot, fn.Variadic.Value, args[i]);
        if (hasFinal)
        {
            ParamType t = fn.Variadic == null ? fn.Params[fn.Params.Length - 1] : numIn - 1 < numFixed ? fn.Params[numIn - 1] : fn.Variadic.Value;
            argv[i] = ValidateType(final, t);
        }
        long argumentWeight = 1;
        foreach (var a in argv) argumentWeight += WorkBudget.Weight(a.Obj);
        _budget.Spend(argumentWeight);
        try
        {
            var result = fn.Invoke(new FunctionCall(this, argv));
            _budget.Spend(WorkBudget.Weight(result.Obj));
            return result;
        }
        catch (FunctionException e)
        {
            _node = node;
            throw Error("error calling " + name + ": " + e.Message);
        }
    }

    internal static string ParamTypeName(ParamType t) => t switch
    {
        ParamType.String => "string",
        ParamType.Int => "int",
        ParamType.Int64 => "int64",
        ParamType.Uint32 => "uint32",
        ParamType.SemverVersion => "*semver.Version",
        ParamType.Float64 => "float64",
        ParamType.Bool => "bool",
        ParamType.MapStringAny => "map[string]interface {}",
        ParamType.StringSlice => "[]string",
        ParamType.Value => "reflect.Value",
        _ => "interface {}",
    };

    private static bool CanBeNil(ParamType t) => t == ParamType.Any || t == ParamType.Value || t == ParamType.MapStringAny || t == ParamType.StringSlice || t == ParamType.SemverVersion;

    private static bool Assignable(object o, ParamType t) => t switch
    {
        ParamType.Any => true,
        ParamType.Value => true,
        ParamType.String => o is string,
        ParamType.Int => o is int,
        ParamType.Int64 => o is long,
        ParamType.Uint32 => o is uint,
        ParamType.SemverVersion => o is GoSemver { IsPointer: true },
        ParamType.Float64 => o is double,
        ParamType.Bool => o is bool,
        ParamType.MapStringAny => o is IReadOnlyDictionary<string, object?>,
        ParamType.StringSlice => o is string[],
        _ => false,
    };

    private GoValue ValidateType(GoValue value, ParamType t)
    {
        if (t == ParamType.Value) return value;
        if (!value.IsValid)
        {
            if (t == ParamType.MapStringAny) return GoValue.Of(NilMap.Instance);
            if (CanBeNil(t)) return t == ParamType.Any ? GoValue.Interface(null) : GoValue.Of(null);
            throw Error("invalid value; expected " + ParamTypeName(t));
        }
        if (t == ParamType.Any) return value;
        if (value.Obj == null)
        {
            // a nil interface{} is not assignable to a concrete parameter type
            if (CanBeNil(t) && !value.IsInterface) return value;
            throw Error("wrong type for value; expected " + ParamTypeName(t) + "; got " + value.TypeName);
        }
        if (Assignable(value.Obj, t)) return GoValue.Of(value.Obj);
        throw Error("wrong type for value; expected " + ParamTypeName(t) + "; got " + GoTypes.NameOf(value.Obj));
    }

    internal GoValue EvalArg(GoValue dot, ParamType t, Node n)
    {
        _node = n;
        switch (n)
        {
            case DotNode:
                return ValidateType(dot, t);
            case NilNode:
                if (t == ParamType.MapStringAny) return GoValue.Of(NilMap.Instance);
                if (CanBeNil(t)) return t == ParamType.Value ? GoValue.Invalid : GoValue.Interface(null);
                throw Error("cannot assign nil to " + ParamTypeName(t));
            case FieldNode f:
                return ValidateType(EvalFieldChain(dot, dot, f, f.Ident, 0, new List<Node> { n }, default, false), t);
            case VariableNode v:
                return ValidateType(EvalVariable(dot, v, new List<Node>(), default, false), t);
            case PipeNode p:
                return ValidateType(EvalPipeline(dot, p), t);
            case IdentifierNode id:
                return ValidateType(EvalFunction(dot, id, id, null, default, false), t);
            case ChainNode c:
                return ValidateType(EvalChain(dot, c, new List<Node>(), default, false), t);
        }
        switch (t)
        {
            case ParamType.Bool:
                if (n is BoolNode b) return GoValue.Of(b.Value);
                throw Error("expected bool; found " + n);
            case ParamType.Float64:
                if (n is NumberNode fn && fn.IsFloat) return GoValue.Of(fn.Float64);
                throw Error("expected float; found " + n);
            case ParamType.Int:
            case ParamType.Int64:
                if (n is NumberNode inode && inode.IsInt)
                {
                    if (t == ParamType.Int64) return GoValue.Of(inode.Int64);
                    return GoValue.Of(inode.Int64).AsGoInt();
                }
                throw Error("expected integer; found " + n);
            case ParamType.Uint32:
                // reflect's SetUint keeps the low 32 bits of a larger constant.
                if (n is NumberNode unode && unode.IsUint) return GoValue.Of(unchecked((uint)(unode.IsInt ? (ulong)unode.Int64 : (ulong)unode.Float64)));
                throw Error("expected unsigned integer; found " + n);
            case ParamType.String:
                if (n is StringNode s) return GoValue.Of(s.Text);
                throw Error("expected string; found " + n);
            case ParamType.Any:
            case ParamType.Value:
                switch (n)
                {
                    case BoolNode bn: return GoValue.Of(bn.Value);
                    case NumberNode nn: return IdealConstant(nn);
                    case StringNode sn: return GoValue.Of(sn.Text);
                }
                break;
        }
        throw Error("can't handle " + n + " for arg of type " + ParamTypeName(t));
    }
}
