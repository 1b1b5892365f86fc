using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>text/template's predefined functions (funcs.go), with Go's comparison and indexing errors.</summary>
internal static class BuiltinFunctions
{
    private static readonly ParamType[] None = new ParamType[0];

    public static void Register(Dictionary<string, GoFunction> map)
    {
        var v1 = new[] { ParamType.Value };
        var v2 = new[] { ParamType.Value, ParamType.Value };
        map["and"] = new GoFunction(v1, ParamType.Value, _ => GoValue.Invalid);
        map["or"] = new GoFunction(v1, ParamType.Value, _ => GoValue.Invalid);
        map["not"] = new GoFunction(v1, null, c => GoValue.Of(!(GoTypes.IsTrue(c.Args[0].Unwrap()) ?? true)));
        map["len"] = new GoFunction(v1, null, c => Len(c.Args[0]));
        map["index"] = new GoFunction(v1, ParamType.Value, Index);
        map["print"] = new GoFunction(None, ParamType.Any, c => GoValue.Of(GoFormat.Sprint(c.Rest(0))));
        map["println"] = new GoFunction(None, ParamType.Any, c => GoValue.Of(GoFormat.Sprintln(c.Rest(0))));
        map["printf"] = new GoFunction(new[] { ParamType.String }, ParamType.Any, c => GoValue.Of(GoPrintf.Sprintf(c.Str(0), c.Rest(1))));
        map["html"] = new GoFunction(None, ParamType.Any, c => GoValue.Of(Html(EvalArgs(c))));
        map["js"] = new GoFunction(None, ParamType.Any, c => GoValue.Of(Js(EvalArgs(c))));
        map["urlquery"] = new GoFunction(None, ParamType.Any, c => GoValue.Of(UrlQuery(EvalArgs(c))));
        map["call"] = new GoFunction(v1, ParamType.Value, Call);
        map["eq"] = new GoFunction(v1, ParamType.Value, c => GoValue.Of(Eq(c.Args[0], c.Args, 1)));
        map["ne"] = new GoFunction(v2, null, c => GoValue.Of(!Eq(c.Args[0], c.Args, 1)));
        map["lt"] = new GoFunction(v2, null, c => GoValue.Of(Lt(c.Args[0], c.Args[1])));
        map["le"] = new GoFunction(v2, null, c => GoValue.Of(Lt(c.Args[0], c.Args[1]) || Eq(c.Args[0], c.Args, 1)));
        map["gt"] = new GoFunction(v2, null, c => GoValue.Of(!(Lt(c.Args[0], c.Args[1]) || Eq(c.Args[0], c.Args, 1))));
        map["ge"] = new GoFunction(v2, null, c => GoValue.Of(!Lt(c.Args[0], c.Args[1])));
    }

    private static GoValue Len(GoValue item)
    {
        var v = item.Unwrap();
        if (item.IsNilInterface) throw new FunctionException("len of nil pointer");
        int n = GoTypes.Length(v.Obj);
        // Go 1.19 asks an invalid value for its type here and panics with this text
        if (!v.IsValid) throw new FunctionException("reflect: call of reflect.Value.Type on zero Value");
        if (n < 0) throw new FunctionException("len of type " + v.TypeName);
        return GoValue.Of(n);
    }

    // The data model holds no Go funcs, so call always fails the way Go does for a non-function.
    private static GoValue Call(FunctionCall c)
    {
        var fn = c.Args[0].Unwrap();
        if (!fn.IsValid) throw new FunctionException("call of nil");
        throw new FunctionException("non-function of type " + fn.TypeName);
    }

    private static int IndexArg(GoValue index, int cap)
    {
        long x;
        switch (index.Obj)
        {
            case int i: x = i; break;
            case long l: x = l; break;
            default:
                if (!index.IsValid || index.Obj == null) throw new FunctionException("cannot index slice/array with nil");
                throw new FunctionException("cannot index slice/array with type " + GoTypes.NameOf(index.Obj));
        }
        if (x < 0 || x > cap) throw new FunctionException("index out of range: " + x.ToString(CultureInfo.InvariantCulture));
        return (int)x;
    }

    private static GoValue Index(FunctionCall c)
    {
        var item = c.Args[0].Unwrap();
        if (!item.IsValid) throw new FunctionException("index of untyped nil");
        for (int k = 1; k < c.Count; k++)
        {
            var index = c.Args[k].Unwrap();
            if (item.IsValid && item.Obj == null) throw new FunctionException("index of nil pointer");
            object? o = item.Obj;
            switch (o)
            {
                case string s:
                {
                    var bytes = Encoding.UTF8.GetBytes(s);
                    int x = IndexArg(index, bytes.Length);
                    if (x == bytes.Length) throw new FunctionException("reflect: string index out of range");
                    item = GoValue.Of((int)bytes[x]); // Go yields a uint8
                    break;
                }
                case IReadOnlyList<object?> list:
                {
                    int x = IndexArg(index, list.Count);
                    if (x == list.Count) throw new FunctionException("reflect: slice index out of range");
                    item = GoTypes.HasTypedElements(o) ? GoValue.Of(list[x]) : GoValue.Interface(list[x]);
                    break;
                }
                case IReadOnlyDictionary<string, string> ss:
                {
                    string key = MapKey(index);
                    item = GoValue.Of(ss.TryGetValue(key, out var sv) ? sv : "");
                    break;
                }
                case IReadOnlyDictionary<string, object?> so:
                {
                    string key = MapKey(index);
                    item = GoValue.Interface(so.TryGetValue(key, out var ov) ? ov : null);
                    break;
                }
                default:
                    throw new FunctionException("can't index item of type " + item.TypeName);
            }
        }
        return item;
    }

    private static string MapKey(GoValue index)
    {
        if (!index.IsValid) throw new FunctionException("value is nil; should be of type string");
        if (index.Obj is string s) return s;
        throw new FunctionException("value has type " + GoTypes.NameOf(index.Obj) + "; should be string");
    }

    private enum Kind { Invalid, Bool, Int, Float, String }

    private static Kind BasicKind(GoValue v) => v.Obj switch
    {
        bool => Kind.Bool,
        int or long => Kind.Int,
        double or float => Kind.Float,
        string => Kind.String,
        _ => Kind.Invalid,
    };

    private static long AsLong(object? o) => o is int i ? i : (long)o!;

    private static double AsDouble(object? o) => o is float f ? f : (double)o!;

    private static bool Eq(GoValue a1, GoValue[] args, int from)
    {
        var arg1 = a1.Unwrap();
        if (args.Length - from == 0) throw new FunctionException("missing argument for comparison");
        var k1 = BasicKind(arg1);
        for (int i = from; i < args.Length; i++)
        {
            var arg = args[i].Unwrap();
            var k2 = BasicKind(arg);
            bool truth;
            if (k1 != k2)
            {
                if (arg1.IsValid && arg.IsValid) throw new FunctionException("incompatible types for comparison");
                truth = false;
                if (!arg1.IsValid && !arg.IsValid) truth = true;
            }
            else
            {
                switch (k1)
                {
                    case Kind.Bool: truth = (bool)arg1.Obj! == (bool)arg.Obj!; break;
                    case Kind.Float: truth = AsDouble(arg1.Obj) == AsDouble(arg.Obj); break;
                    case Kind.Int: truth = AsLong(arg1.Obj) == AsLong(arg.Obj); break;
                    case Kind.String: truth = (string)arg1.Obj! == (string)arg.Obj!; break;
                    default:
                        if (!arg1.IsValid || !arg.IsValid)
                        {
                            truth = !arg1.IsValid && !arg.IsValid;
                            break;
                        }
                        if (arg1.TypeName != arg.TypeName)
                            throw new FunctionException(GoPrintf.Sprintf("non-comparable types %s: %v, %s: %v", new[] { arg1.Obj, arg1.TypeName, arg.TypeName, arg.Obj }));
                        throw new FunctionException(GoPrintf.Sprintf("non-comparable type %s: %v", new[] { arg.Obj, arg.TypeName }));
                }
            }
            if (truth) return true;
        }
        return false;
    }

    private static bool Lt(GoValue a1, GoValue a2)
    {
        var arg1 = a1.Unwrap();
        var k1 = BasicKind(arg1);
        if (k1 == Kind.Invalid) throw new FunctionException("invalid type for comparison");
        var arg2 = a2.Unwrap();
        var k2 = BasicKind(arg2);
        if (k2 == Kind.Invalid) throw new FunctionException("invalid type for comparison");
        if (k1 != k2) throw new FunctionException("incompatible types for comparison");
        switch (k1)
        {
            case Kind.Float: return AsDouble(arg1.Obj) < AsDouble(arg2.Obj);
            case Kind.Int: return AsLong(arg1.Obj) < AsLong(arg2.Obj);
            case Kind.String: return string.CompareOrdinal((string)arg1.Obj!, (string)arg2.Obj!) < 0;
            default: throw new FunctionException("invalid type for comparison");
        }
    }

    /// <summary>Go's evalArgs: a lone string as is, otherwise fmt.Sprint with missing values printed as &lt;no value&gt;.</summary>
    private static string EvalArgs(FunctionCall c)
    {
        if (c.Count == 1 && c[0] is string s) return s;
        var args = new List<object?>();
        for (int i = 0; i < c.Count; i++) args.Add(c[i] ?? "<no value>");
        return GoFormat.Sprint(args);
    }

    private static string Html(string s)
    {
        var sb = new StringBuilder();
        foreach (char ch in s)
        {
            switch (ch)
            {
                case '\0': sb.Append('\uFFFD'); break;
                case '"': sb.Append("&#34;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }

    private static string Js(string s)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            int r = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                r = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            switch (r)
            {
                case '\\': sb.Append("\\\\"); continue;
                case '\'': sb.Append("\\'"); continue;
                case '"': sb.Append("\\\""); continue;
                case '<': sb.Append("\\u003C"); continue;
                case '>': sb.Append("\\u003E"); continue;
                case '&': sb.Append("\\u0026"); continue;
                case '=': sb.Append("\\u003D"); continue;
            }
            if (r < ' ') sb.Append("\\u00").Append(r.ToString("X2", CultureInfo.InvariantCulture));
            else if (r < 0x80 || GoQuote.IsPrint(r)) sb.Append(char.ConvertFromUtf32(r));
            else sb.Append("\\u").Append(r.ToString("X4", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>url.QueryEscape.</summary>
    internal static string UrlQuery(string s)
    {
        var sb = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(s))
        {
            char c = (char)b;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') sb.Append(c);
            else if (c == ' ') sb.Append('+');
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
