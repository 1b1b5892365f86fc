using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using HubDsl.Core.Templating;

namespace HubDsl.Core.Charts.Reads;

// Walking the parse trees: lists, actions, if/with/range, template calls, pipelines, commands and terms.
internal sealed partial class ReadAnalyzer
{
    private const int MaxUnrolledItems = 32;
    private const int MaxUnrolledLists = 8;

    private void EvalList(ListNode? list, Env env)
    {
        if (list == null) return;
        foreach (var node in list.Nodes) EvalNode(node, env);
    }

    private void EvalNode(Node node, Env env)
    {
        Step();
        RuntimeHelpers.EnsureSufficientExecutionStack();
        _lastPos = node.Pos;
        switch (node)
        {
            case TextNode text:
                _out.Append(new[] { text.Text });
                break;
            case ActionNode action:
                var value = EvalPipe(action.Pipe, env, bind: true);
                if (action.Pipe.Decl.Count == 0)
                {
                    ConsumeWhole(value, "printing");
                    _out.Append(value);
                }

                break;
            case BranchNode { Kind: BranchKind.Range } range:
                EvalRange(range, env);
                break;
            case BranchNode branch:
                EvalIfWith(branch, env);
                break;
            case TemplateNode call:
                var arg = call.Pipe == null ? ValueSet.Unknown : EvalPipe(call.Pipe, env, bind: true);
                _out.Append(CallTemplate(call.Name, arg, call));
                break;
            case ListNode list:
                EvalList(list, env);
                break;
        }
    }

    private void EvalIfWith(BranchNode branch, Env env)
    {
        env.Push(branch: true);
        var value = EvalPipe(branch.Pipe, env, bind: true);
        Truth(value);
        var before = _out;
        _out = before.Clone();
        var dot = env.Dot;
        if (branch.Kind == BranchKind.With) env.Dot = value;
        EvalList(branch.List, env);
        env.Dot = dot;
        var taken = _out;
        _out = before.Clone();
        EvalList(branch.ElseList, env);
        _out = Output.Join(taken, _out);
        env.Pop();
    }

    private void EvalRange(BranchNode range, Env env)
    {
        var value = EvalPipe(range.Pipe, env, bind: false);
        var lists = value.Items.OfType<ListValue>().ToList();
        var exact = value.Count > 0 && value.Count <= MaxUnrolledLists && lists.Count == value.Count && lists.All(l => l.Ordered != null && l.Ordered.Count <= MaxUnrolledItems);
        var dot = env.Dot;
        if (exact)
        {
            // splitList "." "a.b.c", list "x" "y": unroll with strong updates (bitnami common walks key paths this way).
            var snapshot = env.Snapshot();
            List<Dictionary<string, ValueSet>>? joined = null;
            Output? joinedOut = null;
            var start = _out;
            foreach (var list in lists)
            {
                env.Restore(snapshot);
                _out = start.Clone();
                for (var i = 0; i < list.Ordered!.Count; i++)
                {
                    env.Push(branch: false);
                    BindRange(range, env, ValueSet.Of(new NumberValue(i)), ValueSet.Of(list.Ordered[i]));
                    EvalList(range.List, env);
                    env.Pop();
                }

                env.Dot = dot;
                if (list.Ordered.Count == 0) EvalList(range.ElseList, env);
                var state = env.Snapshot();
                if (joined == null) joined = state;
                else JoinStates(joined, state);
                joinedOut = joinedOut == null ? _out : Output.Join(joinedOut, _out);
            }

            env.Restore(joined!);
            _out = joinedOut!;
            return;
        }

        env.Push(branch: true);
        var elements = ElementsOf(value);
        var before = _out;
        _out = before.Clone();
        BindRange(range, env, ValueSet.Unknown, elements);
        EvalList(range.List, env);
        EvalList(range.List, env); // a second pass: variables assigned in one iteration are seen by the next
        _out = _out.SameAs(before) ? before : Output.Unknown();
        env.Dot = dot;
        env.Pop();
        EvalList(range.ElseList, env);
    }

    private static void JoinStates(List<Dictionary<string, ValueSet>> into, List<Dictionary<string, ValueSet>> other)
    {
        for (var i = 0; i < into.Count && i < other.Count; i++)
        {
            foreach (var entry in other[i]) into[i][entry.Key] = into[i].TryGetValue(entry.Key, out var mine) ? ValueSet.Union(mine, entry.Value) : entry.Value;
        }
    }

    private static void BindRange(BranchNode range, Env env, ValueSet key, ValueSet element)
    {
        env.Dot = element;
        var decl = range.Pipe.Decl;
        if (decl.Count == 1) Bind(env, range.Pipe, decl[0], element);
        else if (decl.Count == 2)
        {
            Bind(env, range.Pipe, decl[0], key);
            Bind(env, range.Pipe, decl[1], element);
        }
    }

    private static void Bind(Env env, PipeNode pipe, VariableNode variable, ValueSet value)
    {
        if (pipe.IsAssign) env.Assign(variable.Ident[0], value);
        else env.Declare(variable.Ident[0], value);
    }

    private ValueSet EvalPipe(PipeNode pipe, Env env, bool bind)
    {
        var value = ValueSet.Unknown;
        for (var i = 0; i < pipe.Cmds.Count; i++) value = EvalCommand(pipe.Cmds[i], env, value, hasFinal: i > 0);
        if (bind)
        {
            foreach (var d in pipe.Decl) Bind(env, pipe, d, value);
        }

        return value;
    }

    private ValueSet EvalCommand(CommandNode command, Env env, ValueSet final, bool hasFinal)
    {
        Step();
        var first = command.Args[0];
        if (first is IdentifierNode function)
        {
            var args = new List<ValueSet>();
            for (var i = 1; i < command.Args.Count; i++) args.Add(EvalArg(command.Args[i], env));
            if (hasFinal) args.Add(final);
            _lastPos = command.Pos;
            return CallFunction(function.Name, args, command);
        }

        var value = EvalArg(first, env);
        if (command.Args.Count == 1 && !hasFinal) return value;

        // A method call (.Files.Get "x", .Capabilities.APIVersions.Has "y"): its arguments are read whole.
        for (var i = 1; i < command.Args.Count; i++) ConsumeWhole(EvalArg(command.Args[i], env), "a method call");
        if (hasFinal) ConsumeWhole(final, "a method call");
        return value.Items.Any(v => v is FilesValue or FileTextValue) ? ValueSet.Of(FileTextValue.Instance) : ValueSet.Unknown;
    }

    private ValueSet EvalArg(Node node, Env env)
    {
        switch (node)
        {
            case IdentifierNode function:
                return CallFunction(function.Name, new List<ValueSet>(), node);
            case PipeNode pipe:
                return EvalPipe(pipe, env, bind: true);
            case DotNode:
                return env.Dot;
            case FieldNode field:
                return Fields(env.Dot, field.Ident, 0);
            case VariableNode variable:
                return Fields(env.Get(variable.Ident[0]), variable.Ident, 1);
            case ChainNode chain:
                return Fields(EvalArg(chain.Inner, env), chain.Fields, 0);
            case StringNode text:
                return ValueSet.Of(new StringValue(text.Text));
            case NumberNode { IsInt: true } number:
                return ValueSet.Of(new NumberValue(number.Int64));
            default:
                return ValueSet.Unknown;
        }
    }

    private ValueSet Fields(ValueSet value, IReadOnlyList<string> names, int from)
    {
        for (var i = from; i < names.Count; i++) value = FieldOf(value, names[i]);
        return value;
    }

    // ---- named templates ----

    private Output CallTemplate(string name, ValueSet arg, Node at)
    {
        Step();
        if (!_set.Defines.TryGetValue(name, out var tree))
        {
            // Helm fails the render if this call runs (G4), unless the helper lives in a dependency that is not vendored.
            if (_set.UnloadedDependencies.Count > 0) ConsumeWhole(arg, "template " + Quote(name) + " is missing (it may be in a dependency that is not vendored), at " + Position(at), gaveUp: true);
            return Output.Unknown();
        }

        _callCounts.TryGetValue(name, out var count);
        if (count >= ChartLimits.MaxRecursion || _depth >= ChartLimits.MaxCallDepth)
        {
            // G5: the same body was already analysed with the same chart roots further up; only the values passed down differ.
            ConsumeWhole(arg, "template " + Quote(name) + " calls itself too deeply to follow, at " + Position(at), gaveUp: true, skipRoots: true);
            return Output.Unknown();
        }

        var key = MemoKey(name, arg);
        _steps += (key?.Length ?? 8192) / 32;
        if (key != null && _memo.TryGetValue(key, out var cached)) return cached.Clone();
        _evaluations.TryGetValue(name, out var evaluations);
        if (evaluations >= ChartLimits.MaxEvaluationsPerTemplate)
        {
            ConsumeWhole(arg, "template " + Quote(name) + " is called with too many different arguments to follow, at " + Position(at), gaveUp: true);
            return Output.Unknown();
        }

        _evaluations[name] = evaluations + 1;

        var frame = new CallFrame(_nextId);
        _calls.Add(frame);
        var savedOut = _out;
        var savedTree = _tree;
        var savedPos = _lastPos;
        _out = new Output();
        _tree = tree;
        _callCounts[name] = count + 1;
        _depth++;
        try
        {
            EvalList(tree.Root, new Env(arg));
            var result = _out;
            if (key != null && frame.Memoizable) _memo[key] = result.Clone();
            return result;
        }
        finally
        {
            _depth--;
            _callCounts[name] = count;
            _out = savedOut;
            _tree = savedTree;
            _lastPos = savedPos;
            _calls.RemoveAt(_calls.Count - 1);
        }
    }

    private static string Quote(string name) => "\"" + name + "\"";

    // A structural key of the argument (maps and lists by content): the same helper with the same argument reads the same paths.
    private static string? MemoKey(string name, ValueSet arg)
    {
        var sb = new StringBuilder(name).Append('\u0001');
        return AppendKey(sb, arg, 0) && sb.Length < 8192 ? sb.ToString() : null;
    }

    private static bool AppendKey(StringBuilder sb, ValueSet values, int depth)
    {
        if (depth > 8 || sb.Length > 8192) return false;
        sb.Append('{');
        foreach (var v in values.Items)
        {
            switch (v)
            {
                case UnknownValue: sb.Append("u;"); break;
                case FileTextValue: sb.Append("ft;"); break;
                case FilesValue: sb.Append("f;"); break;
                case StringValue s: sb.Append("s").Append(s.Text.Length).Append(':').Append(s.Text).Append(';'); break;
                case NumberValue n: sb.Append('n').Append(n.Value).Append(';'); break;
                case RootValue r: sb.Append('r').Append(r.Scope.Id).Append(';'); break;
                case SubchartsValue c: sb.Append('c').Append(c.Scope.Id).Append(';'); break;
                case TemplateInfoValue t: sb.Append('t').Append(t.Scope.Id).Append(';'); break;
                case PathValue p: sb.Append('p').Append(p.Scope.Id).Append(':').Append(p.Path.Length).Append(':').Append(p.Key).Append(';'); break;
                case DictValue d:
                    sb.Append("d(");
                    foreach (var f in d.Fields.OrderBy(f => f.Key, System.StringComparer.Ordinal))
                    {
                        sb.Append(f.Key.Length).Append(':').Append(f.Key).Append('=');
                        if (!AppendKey(sb, f.Value, depth + 1)) return false;
                    }

                    sb.Append("|");
                    if (!AppendKey(sb, d.Sources, depth + 1) || !AppendKey(sb, d.UnknownFields, depth + 1)) return false;
                    sb.Append(");");
                    break;
                case ListValue l:
                    sb.Append("l(");
                    if (l.Ordered != null)
                    {
                        foreach (var item in l.Ordered)
                        {
                            if (!AppendKey(sb, ValueSet.Of(item), depth + 1)) return false;
                        }
                    }
                    else if (!AppendKey(sb, l.Elements, depth + 1)) return false;

                    sb.Append(");");
                    break;
                default:
                    return false;
            }
        }

        sb.Append('}');
        return true;
    }

    // tpl with a constant text, and template strings found in values: parse and evaluate with the given context.
    private void EvaluateText(string text, ValueSet context, string where)
    {
        Dictionary<string, ListNode> trees;
        try
        {
            trees = Parser.Parse("tpl", text, checkFunctions: false);
        }
        catch (System.Exception)
        {
            return; // G10: Helm's tpl would fail on it too
        }

        if (!trees.TryGetValue("tpl", out var root)) return;
        var savedOut = _out;
        var savedTree = _tree;
        _out = new Output();
        _tree = null;
        try
        {
            EvalList(root, new Env(context));
        }
        finally
        {
            _out = savedOut;
            _tree = savedTree;
        }
    }
}
