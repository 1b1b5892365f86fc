using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using HubDsl.Core.Templating;

namespace HubDsl.Core.Charts.Reads;

// The functions the analysis models (navigation, containers, choice, folding, include/tpl). Every other function
// reads all of its values arguments whole: that default is what keeps the check sound.
internal sealed partial class ReadAnalyzer
{
    private ValueSet CallFunction(string name, List<ValueSet> args, Node at)
    {
        Step();
        ValueSet Arg(int i) => i < args.Count ? args[i] : ValueSet.Unknown;
        switch (name)
        {
            case "include":
                return Include(Arg(0), Arg(1), at);
            case "tpl":
                return Tpl(Arg(0), Arg(1));
            case "required":
                return Arg(1);
            case "default":
                if (args.Count >= 2) Truth(args[args.Count - 1]);
                return ValueSet.Union(args);
            case "ternary":
                Truth(Arg(2));
                return ValueSet.Union(Arg(0), Arg(1));
            case "coalesce":
            case "and":
            case "or":
                foreach (var a in args) Truth(a);
                return ValueSet.Union(args);
            case "not":
            case "empty":
            case "len":
                foreach (var a in args) Truth(a);
                return ValueSet.Unknown;
            case "kindIs":
            case "typeIs":
            case "typeIsLike":
            case "kindOf":
            case "typeOf":
                // A type test looks at the node only; the chart accepts several shapes there (no shape warning).
                if (args.Count > 0)
                {
                    foreach (var p in args[args.Count - 1].Items.OfType<PathValue>()) _typeTested.Add(p.Key);
                }

                return ValueSet.Unknown;
            case "index":
            case "get":
            {
                var v = Arg(0);
                for (var i = 1; i < args.Count; i++) v = Navigate(v, args[i]);
                return v;
            }

            case "dig":
            {
                if (args.Count < 2) break;
                var v = args[args.Count - 1];
                for (var i = 0; i < args.Count - 2; i++) v = Navigate(v, args[i]);
                return ValueSet.Union(v, args[args.Count - 2]);
            }

            case "hasKey":
                Navigate(Arg(0), Arg(1));
                return ValueSet.Unknown;
            case "pluck":
            {
                var list = NewList();
                for (var i = 1; i < args.Count; i++) list.Elements = ValueSet.Union(list.Elements, Navigate(args[i], Arg(0)));
                return ValueSet.Of(list);
            }

            case "keys":
                foreach (var a in args) ElementsOf(a);
                return ValueSet.Unknown;
            case "values":
            {
                var list = NewList();
                foreach (var a in args) list.Elements = ValueSet.Union(list.Elements, ElementsOf(a));
                return ValueSet.Of(list);
            }

            case "pick":
            {
                var dict = NewDict();
                for (var i = 1; i < args.Count; i++)
                {
                    if (args[i].TryGetStrings(out var keys))
                    {
                        foreach (var k in keys) dict.Fields[k] = ValueSet.Union(dict.Fields.TryGetValue(k, out var f) ? f : ValueSet.Empty, FieldOf(Arg(0), k));
                    }
                    else dict.UnknownFields = ValueSet.Union(dict.UnknownFields, Navigate(Arg(0), args[i]));
                }

                return ValueSet.Of(dict);
            }

            case "omit":
            case "unset":
                return Arg(0);
            case "deepCopy":
            case "mustDeepCopy":
            {
                var dict = NewDict();
                dict.Sources = Arg(0);
                return ValueSet.Of(dict);
            }

            case "merge":
            case "mustMerge":
            case "mergeOverwrite":
            case "mustMergeOverwrite":
                return Merge(args);
            case "dict":
            {
                var dict = NewDict();
                for (var i = 0; i + 1 < args.Count; i += 2)
                {
                    if (args[i].TryGetStrings(out var keys))
                    {
                        foreach (var k in keys) dict.Fields[k] = ValueSet.Union(dict.Fields.TryGetValue(k, out var f) ? f : ValueSet.Empty, args[i + 1]);
                    }
                    else dict.UnknownFields = ValueSet.Union(dict.UnknownFields, args[i + 1]);
                }

                return ValueSet.Of(dict);
            }

            case "list":
            case "tuple":
            {
                var list = NewList();
                list.Ordered = args.All(a => a.IsSingle) ? args.Select(a => a.Items[0]).ToList() : null;
                list.Elements = ValueSet.Union(args);
                return ValueSet.Of(list);
            }

            case "set":
                return Set(Arg(0), Arg(1), Arg(2), at);
            case "splitList":
            case "split":
                if (Arg(0).TryGetStrings(out var separators) && separators.Count == 1 && separators[0].Length > 0 && Arg(1).TryGetStrings(out var texts))
                {
                    var result = ValueSet.Empty;
                    foreach (var text in texts) result = ValueSet.Union(result, ValueSet.Of(SplitValue(name, separators[0], text)));
                    return result;
                }

                break;
            case "reverse":
                if (Arg(0).IsSingle && Arg(0).Items[0] is ListValue { Ordered: { } ordered } source)
                {
                    var list = NewList();
                    list.Ordered = Enumerable.Reverse(ordered).ToList();
                    list.Elements = source.Elements;
                    return ValueSet.Of(list);
                }

                return ListOfElements(args);
            case "append":
            case "mustAppend":
            case "prepend":
            case "mustPrepend":
            case "concat":
            case "uniq":
            case "mustUniq":
            case "compact":
            case "mustCompact":
            case "sortAlpha":
            case "without":
            case "mustWithout":
            case "initial":
            case "mustInitial":
            case "rest":
            case "mustRest":
                return ListOfElements(args);
            case "first":
            case "mustFirst":
            case "last":
            case "mustLast":
            {
                var result = ValueSet.Empty;
                foreach (var v in Arg(0).Items)
                {
                    if (v is ListValue { Ordered: { Count: > 0 } items }) result = ValueSet.Union(result, ValueSet.Of(name.EndsWith("irst", StringComparison.Ordinal) ? items[0] : items[items.Count - 1]));
                    else if (v is ListValue l) result = ValueSet.Union(result, l.Elements);
                    else result = ValueSet.Union(result, ValueSet.Of(v)); // a values list: its items are leaves
                }

                return result.Count == 0 ? ValueSet.Unknown : result;
            }

            case "print":
            case "printf":
            case "toString":
            case "trim":
            case "lower":
            case "upper":
            case "trimSuffix":
            case "trimPrefix":
                if (Fold(name, args) is { } folded) return folded;
                break;
        }

        // Any other function (toYaml, quote, eq, printf of values, lookup, fail, ...) reads its values arguments whole.
        foreach (var a in args) ConsumeWhole(a, "function " + name);
        return args.Any(HasFileText) ? ValueSet.Of(FileTextValue.Instance) : ValueSet.Unknown;
    }

    private ValueSet Include(ValueSet names, ValueSet arg, Node at)
    {
        if (!names.TryGetStrings(out var constant))
        {
            // G3: the name is computed from something the analysis cannot fold.
            ConsumeWhole(arg, "include with a computed template name at " + Position(at), gaveUp: true);
            return ValueSet.Unknown;
        }

        Output? result = null;
        foreach (var name in constant)
        {
            var output = CallTemplate(name, arg, at);
            result = result == null ? output : Output.Join(result, output);
        }

        return result!.ToValues();
    }

    private ValueSet Tpl(ValueSet text, ValueSet context)
    {
        ConsumeWhole(text, "tpl");
        var roots = RootsIn(context).ToList();
        if (roots.Count > 0)
        {
            foreach (var scope in roots) _tplRoots.Add(scope);
            // G7: a template read from a chart file is text the analysis has not seen.
            if (HasFileText(text))
            {
                foreach (var scope in roots) RootConsumed(scope, "tpl of a file's text");
            }
        }
        else if (HasValues(context))
        {
            ConsumeWhole(context, "tpl");
        }

        if (text.TryGetStrings(out var strings))
        {
            foreach (var s in strings) EvaluateText(s, context, "tpl");
        }

        return ValueSet.Unknown;
    }

    private ValueSet Merge(List<ValueSet> args)
    {
        if (args.Count == 0) return ValueSet.Unknown;
        foreach (var destination in args[0].Items)
        {
            if (destination is DictValue d)
            {
                for (var i = 1; i < args.Count; i++) d.Sources = ValueSet.Union(d.Sources, args[i]);
                Mutated(d);
            }
            else if (destination is PathValue)
            {
                // G8: merging into .Values itself; later reads of the destination may see any source key.
                for (var i = 1; i < args.Count; i++) ConsumeWhole(args[i], "merge into .Values at " + Position(), gaveUp: true);
            }
        }

        var merged = NewDict();
        merged.Sources = ValueSet.Union(args);
        return ValueSet.Of(merged);
    }

    private ValueSet Set(ValueSet target, ValueSet key, ValueSet value, Node at)
    {
        foreach (var t in target.Items)
        {
            if (t is DictValue d)
            {
                if (key.TryGetStrings(out var keys))
                {
                    foreach (var k in keys) d.Fields[k] = ValueSet.Union(d.Fields.TryGetValue(k, out var f) ? f : ValueSet.Empty, value);
                }
                else d.UnknownFields = ValueSet.Union(d.UnknownFields, value);

                Mutated(d);
            }
            else if (t is PathValue)
            {
                ConsumeWhole(value, "set into .Values at " + Position(at), gaveUp: true); // G8
            }
            else
            {
                ConsumeWhole(value, "set");
            }
        }

        return target;
    }

    private AbstractValue SplitValue(string function, string separator, string text)
    {
        var parts = text.Split(new[] { separator }, StringSplitOptions.None);
        if (function == "split")
        {
            // Sprig's split returns a map _0, _1, ...
            var dict = NewDict();
            for (var i = 0; i < parts.Length; i++) dict.Fields["_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = ValueSet.Of(new StringValue(parts[i]));
            return dict;
        }

        var list = NewList();
        list.Ordered = parts.Select(p => (AbstractValue)new StringValue(p)).ToList();
        list.Elements = ValueSet.From(list.Ordered);
        return list;
    }

    private ValueSet ListOfElements(List<ValueSet> args)
    {
        var list = NewList();
        foreach (var a in args)
        {
            foreach (var v in a.Items) list.Elements = ValueSet.Union(list.Elements, v is ListValue l ? l.Elements : ValueSet.Of(v));
        }

        return ValueSet.Of(list);
    }

    // Constant folding over small sets of constant strings (print, printf "%s", trim...), so computed template names and keys stay exact.
    private static ValueSet? Fold(string name, List<ValueSet> args)
    {
        var choices = new List<List<string>> { new() };
        foreach (var a in args)
        {
            if (!a.TryGetStrings(out var strings)) return null;
            var next = new List<List<string>>();
            foreach (var c in choices)
            {
                foreach (var s in strings) next.Add(new List<string>(c) { s });
            }

            if (next.Count > 32) return null;
            choices = next;
        }

        if (args.Count == 0) return null;
        var result = ValueSet.Empty;
        foreach (var c in choices)
        {
            string? folded = name switch
            {
                "print" => string.Concat(c),
                "toString" => c.Count == 1 ? c[0] : null,
                "trim" => c.Count == 1 ? c[0].Trim(' ', '\t', '\n', '\r', '\v', '\f') : null,
                "lower" => c.Count == 1 ? c[0].ToLowerInvariant() : null,
                "upper" => c.Count == 1 ? c[0].ToUpperInvariant() : null,
                "trimSuffix" => c.Count == 2 ? (c[1].EndsWith(c[0], StringComparison.Ordinal) ? c[1].Substring(0, c[1].Length - c[0].Length) : c[1]) : null,
                "trimPrefix" => c.Count == 2 ? (c[1].StartsWith(c[0], StringComparison.Ordinal) ? c[1].Substring(c[0].Length) : c[1]) : null,
                "printf" => Printf(c),
                _ => null,
            };
            if (folded == null) return null;
            result = ValueSet.Union(result, ValueSet.Of(new StringValue(folded)));
        }

        return result;
    }

    // fmt.Sprintf with string operands and only %s / %v / %%: anything else is not folded.
    private static string? Printf(List<string> parts)
    {
        var format = parts[0];
        var sb = new StringBuilder();
        var next = 1;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                sb.Append(format[i]);
                continue;
            }

            if (i + 1 >= format.Length) return null;
            var verb = format[++i];
            if (verb == '%') sb.Append('%');
            else if ((verb == 's' || verb == 'v') && next < parts.Count) sb.Append(parts[next++]);
            else return null;
        }

        return next == parts.Count ? sb.ToString() : null;
    }
}
