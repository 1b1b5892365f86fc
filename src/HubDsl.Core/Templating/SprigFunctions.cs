using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>Sprig v3 functions (the deterministic ones Argo CD templates use), with Sprig's Go signatures.</summary>
internal static class SprigFunctions
{
    private const ParamType S = ParamType.String;
    private const ParamType I = ParamType.Int;
    private const ParamType A = ParamType.Any;
    private const ParamType M = ParamType.MapStringAny;

    private static GoValue Str(string s) => GoValue.Of(s);
    private static GoValue Iface(object? o) => GoValue.Interface(o);

    public static void Register(Dictionary<string, GoFunction> m)
    {
        void F(string name, ParamType[] ps, System.Func<FunctionCall, GoValue> f, ParamType? variadic = null) => m[name] = new GoFunction(ps, variadic, f);

        // strings
        F("trim", new[] { S }, c => Str(TrimSpace(c.Str(0))));
        F("upper", new[] { S }, c => Str(c.Str(0).ToUpperInvariant()));
        F("lower", new[] { S }, c => Str(c.Str(0).ToLowerInvariant().Replace('\u0130', 'i')));
        F("title", new[] { S }, c => Str(Title(c.Str(0))));
        F("trimAll", new[] { S, S }, c => Str(c.Str(1).Trim(c.Str(0).ToCharArray())));
        F("trimall", new[] { S, S }, c => Str(c.Str(1).Trim(c.Str(0).ToCharArray())));
        F("trimPrefix", new[] { S, S }, c => Str(c.Str(0).Length > 0 && c.Str(1).StartsWith(c.Str(0), System.StringComparison.Ordinal) ? c.Str(1).Substring(c.Str(0).Length) : c.Str(1)));
        F("trimSuffix", new[] { S, S }, c => Str(c.Str(0).Length > 0 && c.Str(1).EndsWith(c.Str(0), System.StringComparison.Ordinal) ? c.Str(1).Substring(0, c.Str(1).Length - c.Str(0).Length) : c.Str(1)));
        F("trunc", new[] { I, S }, c => Str(Trunc(c.Int(0), c.Str(1))));
        F("substr", new[] { I, I, S }, c => Str(Substr(c.Int(0), c.Int(1), c.Str(2))));
        F("replace", new[] { S, S, S }, c => Str(Replace(c.Str(2), c.Str(0), c.Str(1))));
        F("repeat", new[] { I, S }, c => Str(Repeat(c.Str(1), c.Int(0))));
        F("nospace", new[] { S }, c => Str(new string(c.Str(0).Where(ch => !char.IsWhiteSpace(ch)).ToArray())));
        F("contains", new[] { S, S }, c => GoValue.Of(c.Str(1).Contains(c.Str(0))));
        F("hasPrefix", new[] { S, S }, c => GoValue.Of(c.Str(1).StartsWith(c.Str(0), System.StringComparison.Ordinal)));
        F("hasSuffix", new[] { S, S }, c => GoValue.Of(c.Str(1).EndsWith(c.Str(0), System.StringComparison.Ordinal)));
        F("quote", new ParamType[0], c => Str(string.Join(" ", c.Rest(0).Where(x => x != null).Select(x => GoQuote.Quote(StrVal(x))))), A);
        F("squote", new ParamType[0], c => Str(string.Join(" ", c.Rest(0).Where(x => x != null).Select(x => "'" + GoFormat.Value(x) + "'"))), A);
        F("cat", new ParamType[0], c => Str(string.Join(" ", c.Rest(0).Where(x => x != null).Select(GoFormat.Value))), A);
        F("indent", new[] { I, S }, c => Str(Indent(c.Int(0), c.Str(1))));
        F("nindent", new[] { I, S }, c => Str("\n" + Indent(c.Int(0), c.Str(1))));
        F("toString", new[] { A }, c => Str(StrVal(c[0])));
        F("toStrings", new[] { A }, c => GoValue.Of(StrSlice(c[0])));
        F("join", new[] { S, A }, c => Str(string.Join(c.Str(0), StrSlice(c[1]))));
        F("split", new[] { S, S }, c => GoValue.Of(Parts(GoSplit(c.Str(1), c.Str(0), -1))));
        F("splitList", new[] { S, S }, c => GoValue.Of(GoSplit(c.Str(1), c.Str(0), -1)));
        F("splitn", new[] { S, I, S }, c => GoValue.Of(Parts(GoSplit(c.Str(2), c.Str(0), c.Int(1)))));
        F("sha1sum", new[] { S }, c => Str(Hex(SHA1.Create().ComputeHash(Encoding.UTF8.GetBytes(c.Str(0))))));
        F("sha256sum", new[] { S }, c => Str(Hex(SHA256.Create().ComputeHash(Encoding.UTF8.GetBytes(c.Str(0))))));
        F("b64enc", new[] { S }, c => Str(System.Convert.ToBase64String(Encoding.UTF8.GetBytes(c.Str(0)))));
        F("b64dec", new[] { S }, c => Str(B64Dec(c.Str(0))));

        // conversions and math (cast semantics: unparsable -> 0)
        F("atoi", new[] { S }, c => GoValue.Of(Atoi(c.Str(0))).AsGoInt());
        F("int", new[] { A }, c => GoValue.Of(ToInt64(c[0])).AsGoInt());
        F("int64", new[] { A }, c => GoValue.Of(ToInt64(c[0])));
        F("float64", new[] { A }, c => GoValue.Of(ToFloat64(c[0])));
        F("add", new ParamType[0], c => GoValue.Of(c.Rest(0).Aggregate(0L, (acc, x) => unchecked(acc + ToInt64(x)))), A);
        F("add1", new[] { A }, c => GoValue.Of(unchecked(ToInt64(c[0]) + 1)));
        F("sub", new[] { A, A }, c => GoValue.Of(unchecked(ToInt64(c[0]) - ToInt64(c[1]))));
        F("mul", new[] { A }, c => GoValue.Of(c.Rest(1).Aggregate(ToInt64(c[0]), (acc, x) => unchecked(acc * ToInt64(x)))), A);
        F("div", new[] { A, A }, c => GoValue.Of(Div(ToInt64(c[0]), ToInt64(c[1]), false)));
        F("mod", new[] { A, A }, c => GoValue.Of(Div(ToInt64(c[0]), ToInt64(c[1]), true)));
        F("max", new[] { A }, c => GoValue.Of(c.Rest(1).Select(ToInt64).Aggregate(ToInt64(c[0]), System.Math.Max)), A);
        F("biggest", new[] { A }, c => GoValue.Of(c.Rest(1).Select(ToInt64).Aggregate(ToInt64(c[0]), System.Math.Max)), A);
        F("min", new[] { A }, c => GoValue.Of(c.Rest(1).Select(ToInt64).Aggregate(ToInt64(c[0]), System.Math.Min)), A);

        // defaults
        F("default", new[] { A }, c => Iface(c.Count < 2 || Empty(c[1]) ? c[0] : c[1]), A);
        F("empty", new[] { A }, c => GoValue.Of(Empty(c[0])));
        F("coalesce", new ParamType[0], c => Iface(c.Rest(0).FirstOrDefault(x => !Empty(x))), A);
        F("ternary", new[] { A, A, ParamType.Bool }, c => Iface(c.Bool(2) ? c[0] : c[1]));
        F("toJson", new[] { A }, c => Str(GoJson.Serialize(c[0], false)));
        F("toPrettyJson", new[] { A }, c => Str(GoJson.Serialize(c[0], true)));

        // lists
        F("list", new ParamType[0], c => GoValue.Of(c.Rest(0)), A);
        F("append", new[] { A, A }, c => GoValue.Of(Push(c[0], c[1], "push")));
        F("push", new[] { A, A }, c => GoValue.Of(Push(c[0], c[1], "push")));
        F("mustAppend", new[] { A, A }, c => GoValue.Of(Push(c[0], c[1], "push")));
        F("mustPush", new[] { A, A }, c => GoValue.Of(Push(c[0], c[1], "push")));
        F("first", new[] { A }, c => Iface(AsList(c[0], "find first").FirstOrDefault()));
        F("last", new[] { A }, c => Iface(AsList(c[0], "find last").LastOrDefault()));
        F("uniq", new[] { A }, c => GoValue.Of(Uniq(AsList(c[0], "find uniq"))));
        F("has", new[] { A, A }, c => GoValue.Of(c[1] != null && AsList(c[1], "find has").Any(x => DeepEqual(x, c[0]))));
        F("without", new[] { A }, c => GoValue.Of(AsList(c[0], "find without").Where(x => !c.Rest(1).Any(o => DeepEqual(o, x))).ToList()), A);
        F("slice", new[] { A }, SprigSlice, A);
        F("sortAlpha", new[] { A }, c => GoValue.Of(SortAlpha(c[0])));

        // dicts
        F("dict", new ParamType[0], c => GoValue.Of(Dict(c.Rest(0))), A);
        F("get", new[] { M, S }, c => Iface(c.Map(0) != null && c.Map(0)!.TryGetValue(c.Str(1), out var v) ? v : ""));
        F("set", new[] { M, S, A }, c => GoValue.Of(Mutate(c.Map(0), d => d[c.Str(1)] = c[2])));
        // delete on a nil map is a no-op in Go
        F("unset", new[] { M, S }, c => GoValue.Of(c.Map(0) is NilMap ? NilMap.Instance : Mutate(c.Map(0), d => d.Remove(c.Str(1)))));
        F("hasKey", new[] { M, S }, c => GoValue.Of(c.Map(0) != null && c.Map(0)!.ContainsKey(c.Str(1))));
        F("keys", new ParamType[0], c => GoValue.Of(Keys(c)), M);
        F("values", new[] { M }, c => GoValue.Of(c.Map(0) == null ? new List<object?>() : GoTypes.SortedEntries(c.Map(0)!).Select(kv => kv.Value).ToList()));
        F("pluck", new[] { S }, c => GoValue.Of(Enumerable.Range(1, c.Count - 1).Select(c.Map).Where(d => d != null && d.ContainsKey(c.Str(0))).Select(d => d![c.Str(0)]).ToList()), M);
        F("merge", new[] { M }, c => Iface(Merge(c)), M);

        // regular expressions (Go RE2 syntax, translated)
        F("regexMatch", new[] { S, S }, c => GoValue.Of(GoRegex.MatchOrFalse(c.Str(0), c.Str(1))));
        F("regexFind", new[] { S, S }, c => Str(GoRegex.Compile(c.Str(0)).Match(c.Str(1)) is var mt && mt.Success ? mt.Value : ""));
        F("regexFindAll", new[] { S, S, I }, c => GoValue.Of(RegexFindAll(c.Str(0), c.Str(1), c.Int(2))));
        F("regexReplaceAll", new[] { S, S, S }, c => Str(GoRegex.ReplaceAll(c.Str(0), c.Str(1), c.Str(2), false)));
        F("regexReplaceAllLiteral", new[] { S, S, S }, c => Str(GoRegex.ReplaceAll(c.Str(0), c.Str(1), c.Str(2), true)));
        F("regexSplit", new[] { S, S, I }, c => GoValue.Of(GoRegex.Split(c.Str(0), c.Str(1), c.Int(2))));
    }

    // strings.TrimSpace trims unicode.IsSpace runes, which .NET's char.IsWhiteSpace matches
    private static string TrimSpace(string s)
    {
        int a = 0, b = s.Length;
        while (a < b && char.IsWhiteSpace(s[a])) a++;
        while (b > a && char.IsWhiteSpace(s[b - 1])) b--;
        return s.Substring(a, b - a);
    }

    internal static string StrVal(object? v) => v is string s ? s : GoFormat.Value(v);

    internal static string[] StrSlice(object? v)
    {
        switch (v)
        {
            case string[] ss: return ss;
            case IReadOnlyList<object?> l: return l.Where(x => x != null).Select(StrVal).ToArray();
            case null: return new string[0];
            default: return new[] { StrVal(v) };
        }
    }

    private static string Title(string s)
    {
        // strings.Title: upper-case the first letter of each word (words separated by non-letters/digits)
        var sb = new StringBuilder(s.Length);
        char prev = ' ';
        foreach (char ch in s)
        {
            sb.Append(IsTitleSeparator(prev) ? char.ToUpperInvariant(ch) : ch);
            prev = ch;
        }
        return sb.ToString();
    }

    // strings.Title's word boundary: ASCII other than letters, digits and '_'; beyond ASCII, spaces only
    private static bool IsTitleSeparator(char r)
    {
        if (r <= 0x7F) return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_');
        if (char.IsLetterOrDigit(r)) return false;
        return char.IsWhiteSpace(r);
    }

    // Go strings are byte strings: these mirror Go's byte indexing for ASCII and reject slicing through a character
    // only where Go would produce invalid UTF-8 (the result then differs; documented as a limitation).
    private static string Trunc(int c, string s)
    {
        var b = Encoding.UTF8.GetBytes(s);
        if (c < 0 && b.Length + c > 0) return Bytes(b, b.Length + c, b.Length);
        if (c >= 0 && b.Length > c) return Bytes(b, 0, c);
        return s;
    }

    // A cut through a multi-byte character leaves invalid UTF-8 in Go; .NET strings show it as U+FFFD.
    private static string Bytes(byte[] b, int from, int to) => Encoding.UTF8.GetString(b, from, to - from);

    private static string Substr(int start, int end, string s)
    {
        var b = Encoding.UTF8.GetBytes(s);
        int n = b.Length;
        string R(long x) => x.ToString(CultureInfo.InvariantCulture);
        if (start < 0)
        {
            if (end < 0) throw new FunctionException("runtime error: slice bounds out of range [:" + R(end) + "]");
            if (end > n) throw new FunctionException("runtime error: slice bounds out of range [:" + R(end) + "] with length " + R(n));
            return Bytes(b, 0, end);
        }
        if (end < 0 || end > n)
        {
            if (start > n) throw new FunctionException("runtime error: slice bounds out of range [" + R(start) + ":" + R(n) + "]");
            return Bytes(b, start, n);
        }
        if (start > end) throw new FunctionException("runtime error: slice bounds out of range [" + R(start) + ":" + R(end) + "]");
        return Bytes(b, start, end);
    }

    private static string Replace(string src, string old, string nw)
    {
        if (old.Length == 0)
        {
            // Go inserts the replacement before every rune and at the end
            var sb = new StringBuilder();
            foreach (char ch in src)
            {
                sb.Append(nw);
                sb.Append(ch);
            }
            sb.Append(nw);
            return sb.ToString();
        }
        return src.Replace(old, nw);
    }

    private static string Repeat(string s, int count)
    {
        if (count < 0) throw new FunctionException("strings: negative Repeat count");
        if ((long)s.Length * count > 16 * 1024 * 1024) throw new FunctionException("strings: Repeat output too large (HubDsl limit)");
        var sb = new StringBuilder(s.Length * count);
        for (int i = 0; i < count; i++) sb.Append(s);
        return sb.ToString();
    }

    private static string Indent(int spaces, string v)
    {
        if (spaces < 0) throw new FunctionException("strings: negative Repeat count");
        if (spaces > 1_000_000) throw new FunctionException("indent too large (HubDsl limit)");
        string pad = new string(' ', spaces);
        return pad + v.Replace("\n", "\n" + pad);
    }

    /// <summary>strings.Split / SplitN (empty separator splits into characters).</summary>
    private static string[] GoSplit(string s, string sep, int n)
    {
        if (n == 0) return new string[0];
        if (sep.Length == 0)
        {
            var chars = new List<string>();
            var e = StringInfo.GetTextElementEnumerator(s);
            while (e.MoveNext()) chars.Add((string)e.Current);
            if (n > 0 && chars.Count > n)
            {
                var head = chars.Take(n - 1).ToList();
                head.Add(string.Concat(chars.Skip(n - 1)));
                return head.ToArray();
            }
            return chars.ToArray();
        }
        var parts = new List<string>();
        int start = 0;
        while (n < 0 || parts.Count < n - 1)
        {
            int i = s.IndexOf(sep, start, System.StringComparison.Ordinal);
            if (i < 0) break;
            parts.Add(s.Substring(start, i - start));
            start = i + sep.Length;
        }
        parts.Add(s.Substring(start));
        return parts.ToArray();
    }

    private static Dictionary<string, string> Parts(string[] parts)
    {
        var d = new Dictionary<string, string>();
        for (int i = 0; i < parts.Length; i++) d["_" + i.ToString(CultureInfo.InvariantCulture)] = parts[i];
        return d;
    }

    private static string Hex(byte[] bytes)
    {
        var sb = new StringBuilder(bytes.Length * 2);
        foreach (byte b in bytes) sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private static string B64Dec(string s)
    {
        try
        {
            if (s.Length % 4 != 0) throw new System.FormatException();
            return Encoding.UTF8.GetString(System.Convert.FromBase64String(s));
        }
        catch (System.FormatException)
        {
            return "illegal base64 data at input byte " + B64ErrorOffset(s).ToString(CultureInfo.InvariantCulture);
        }
    }

    private static int B64ErrorOffset(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (c == '=') return i < s.Length - 2 || (s.Length % 4 != 0) ? i : i;
            if (!ok) return i;
        }
        return s.Length - s.Length % 4;
    }

    // strconv.Atoi: optional sign, decimal digits only, 64-bit; anything else is an error, which sprig turns into 0
    private static long Atoi(string s)
    {
        string t = s.Length > 0 && (s[0] == '+' || s[0] == '-') ? s.Substring(1) : s;
        if (t.Length == 0 || !t.All(ch => ch >= '0' && ch <= '9')) return 0;
        return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v) ? v : 0;
    }

    /// <summary>spf13/cast ToInt64: numbers truncate, strings parse with Go base prefixes, bool is 0/1, else 0.</summary>
    internal static long ToInt64(object? v)
    {
        switch (v)
        {
            case int i: return i;
            case long l: return l;
            case double d: return double.IsNaN(d) ? long.MinValue : d >= 9.2233720368547758E18 || d < -9.2233720368547758E18 ? long.MinValue : (long)d;
            case float f: return (long)f;
            case bool b: return b ? 1 : 0;
            case string s:
                if (NumberParser.TryParseInteger(s, out ulong mag, out bool neg) && (neg ? mag <= 9223372036854775808UL : mag <= long.MaxValue))
                    return neg ? (mag == 9223372036854775808UL ? long.MinValue : -(long)mag) : (long)mag;
                return 0;
            default: return 0;
        }
    }

    internal static double ToFloat64(object? v)
    {
        switch (v)
        {
            case int i: return i;
            case long l: return l;
            case double d: return d;
            case float f: return f;
            case bool b: return b ? 1 : 0;
            case string s: return NumberParser.TryParseFloat(s, out double r) ? r : 0;
            default: return 0;
        }
    }

    private static long Div(long a, long b, bool mod)
    {
        if (b == 0) throw new FunctionException("runtime error: integer divide by zero");
        if (a == long.MinValue && b == -1) return mod ? 0 : long.MinValue;
        return mod ? a % b : a / b;
    }

    /// <summary>Sprig's empty(): zero values, empty collections and nil.</summary>
    internal static bool Empty(object? v) => v switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        int i => i == 0,
        long l => l == 0,
        double d => d == 0,
        float f => f == 0,
        IReadOnlyDictionary<string, string> m => m.Count == 0,
        IReadOnlyDictionary<string, object?> m => m.Count == 0,
        IReadOnlyList<object?> l => l.Count == 0,
        _ => false,
    };

    // reflect.TypeOf(nil).Kind() dereferences nil in Sprig's list functions
    private const string NilDeref = "runtime error: invalid memory address or nil pointer dereference";

    private static IReadOnlyList<object?> AsList(object? v, string what)
    {
        if (v is IReadOnlyList<object?> l) return l;
        if (v == null) throw new FunctionException(NilDeref);
        throw new FunctionException("Cannot " + what + " on type " + KindName(v));
    }

    internal static string KindName(object? v) => v switch
    {
        null => "invalid",
        string => "string",
        bool => "bool",
        int => "int",
        long => "int64",
        double => "float64",
        IReadOnlyDictionary<string, string> => "map",
        IReadOnlyDictionary<string, object?> => "map",
        IReadOnlyList<object?> => "slice",
        GoObject g => g.GoKind,
        _ => "struct",
    };

    private static List<object?> Push(object? list, object? v, string what)
    {
        if (list is IReadOnlyList<object?> l)
        {
            var r = new List<object?>(l);
            r.Add(v);
            return r;
        }
        if (list == null) throw new FunctionException(NilDeref);
        throw new FunctionException("Cannot " + what + " on type " + KindName(list));
    }

    private static List<object?> Uniq(IReadOnlyList<object?> l)
    {
        var r = new List<object?>();
        foreach (var x in l)
            if (!r.Any(y => DeepEqual(x, y))) r.Add(x);
        return r;
    }

    /// <summary>reflect.DeepEqual over the data model (types must match exactly).</summary>
    internal static bool DeepEqual(object? a, object? b) => DeepEqual(a, b, 0);

    private static bool DeepEqual(object? a, object? b, int depth)
    {
        if (a == null || b == null) return a == null && b == null;
        // Go's DeepEqual tracks visited pairs; a self-containing dict (set $d "x" $d) would otherwise recurse forever
        if (ReferenceEquals(a, b)) return true;
        if (a is NilMap || b is NilMap) return false; // a nil map never DeepEquals a non-nil one
        if (depth > 100) throw new FunctionException("values nested too deeply to compare (HubDsl limit)");
        WorkBudget.Tick();
        if (GoTypes.NameOf(a) != GoTypes.NameOf(b)) return false;
        switch (a)
        {
            case IReadOnlyList<object?> la:
                var lb = (IReadOnlyList<object?>)b;
                return la.Count == lb.Count && la.Zip(lb, (x, y) => DeepEqual(x, y, depth + 1)).All(x => x);
            case IReadOnlyDictionary<string, string> ma:
                var mb = (IReadOnlyDictionary<string, string>)b;
                return ma.Count == mb.Count && ma.All(kv => mb.TryGetValue(kv.Key, out var v) && v == kv.Value);
            case IReadOnlyDictionary<string, object?> oa:
                var ob = (IReadOnlyDictionary<string, object?>)b;
                return oa.Count == ob.Count && oa.All(kv => ob.TryGetValue(kv.Key, out var v) && DeepEqual(kv.Value, v, depth + 1));
            default:
                return a.Equals(b);
        }
    }

    private static GoValue SprigSlice(FunctionCall c)
    {
        if (c[0] == null) throw new FunctionException(NilDeref);
        if (c[0] is not IReadOnlyList<object?> l) throw new FunctionException("list should be type of slice or array but " + KindName(c[0]));
        var idx = c.Rest(1).Select(ToInt64).ToList();
        long start = idx.Count > 0 ? idx[0] : 0;
        long end = idx.Count > 1 ? idx[1] : l.Count;
        if (start < 0 || end > l.Count || start > end)
            throw new FunctionException("reflect.Value.Slice: slice index out of bounds");
        return GoValue.Of(l.Skip((int)start).Take((int)(end - start)).ToList());
    }

    private static string[] SortAlpha(object? v)
    {
        if (v is not IReadOnlyList<object?>) return new[] { StrVal(v) };
        var a = (string[])StrSlice(v).Clone();
        System.Array.Sort(a, System.StringComparer.Ordinal);
        return a;
    }

    private static Dictionary<string, object?> Dict(List<object?> v)
    {
        var d = new Dictionary<string, object?>();
        for (int i = 0; i < v.Count; i += 2)
        {
            string key = StrVal(v[i]);
            d[key] = i + 1 >= v.Count ? "" : v[i + 1];
        }
        return d;
    }

    private static IReadOnlyDictionary<string, object?> Mutate(IReadOnlyDictionary<string, object?>? map, System.Action<IDictionary<string, object?>> change)
    {
        if (map is IDictionary<string, object?> d && !d.IsReadOnly)
        {
            change(d);
            return map;
        }
        if (map == null || map is NilMap) throw new FunctionException("assignment to entry in nil map");
        throw new FunctionException("HubDsl cannot modify a read-only input map; build one with dict first");
    }

    private static string[] Keys(FunctionCall c)
    {
        // Sprig returns keys in Go's random map order; sorted here so output is deterministic (use sortAlpha in templates)
        var k = new List<string>();
        for (int i = 0; i < c.Count; i++)
            if (c.Map(i) is { } d) k.AddRange(GoTypes.SortedKeys(d.Keys));
        return k.ToArray();
    }

    /// <summary>mergo.Merge without overwrite: fills keys missing in dst, recursing into nested maps.</summary>
    private static object? Merge(FunctionCall c)
    {
        var dst = c.Map(0);
        IDictionary<string, object?>? target = null;
        if (dst is IDictionary<string, object?> t && !t.IsReadOnly) target = t;
        else if (dst is not NilMap && dst != null) throw new FunctionException("HubDsl cannot modify a read-only input map; merge into a dict");
        for (int i = 1; i < c.Count; i++)
        {
            // mergo allocates a nil destination map as soon as a non-nil source arrives
            if (c.Map(i) is not { } src || src is NilMap) continue;
            target ??= new Dictionary<string, object?>();
            MergeInto(target, src, 0);
        }
        return (object?)target ?? NilMap.Instance;
    }

    private static void MergeInto(IDictionary<string, object?> dst, IReadOnlyDictionary<string, object?> src, int depth)
    {
        if (depth > 100) throw new FunctionException("maps nested too deeply to merge (HubDsl limit)");
        WorkBudget.Tick();
        foreach (var kv in src.ToList())
        {
            if (!dst.TryGetValue(kv.Key, out var existing) || Empty(existing)) dst[kv.Key] = kv.Value;
            else if (existing is IDictionary<string, object?> de && !de.IsReadOnly && kv.Value is IReadOnlyDictionary<string, object?> se && !ReferenceEquals(de, se)) MergeInto(de, se, depth + 1);
        }
    }

    private static string[] RegexFindAll(string pattern, string s, int n)
    {
        return GoRegex.FindAll(GoRegex.Compile(pattern), s, n).Select(mt => mt.Value).ToArray();
    }
}
