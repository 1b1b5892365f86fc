using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>The less common deterministic Sprig functions: list/dict helpers, must* variants, paths, reflection, JSON.</summary>
internal static class SprigExtraFunctions
{
    private const ParamType S = ParamType.String;
    private const ParamType A = ParamType.Any;
    private const ParamType M = ParamType.MapStringAny;

    private static readonly ParamType[] None = new ParamType[0];

    public static void Register(Dictionary<string, GoFunction> m)
    {
        void F(string name, ParamType[] ps, System.Func<FunctionCall, GoValue> f, ParamType? variadic = null) => m[name] = new GoFunction(ps, variadic, f);

        // lists: the plain form panics (reported by Go as "error calling X: MESSAGE"), the must form returns the same error
        m["tuple"] = m["list"];
        foreach (var (plain, must) in new[] { ("first", "mustFirst"), ("last", "mustLast"), ("uniq", "mustUniq"), ("without", "mustWithout"), ("has", "mustHas"), ("slice", "mustSlice"), ("append", "mustPush") })
            if (m.ContainsKey(plain) && !m.ContainsKey(must)) m[must] = m[plain];
        m["mustPrepend"] = m["prepend"] = new GoFunction(new[] { A, A }, null, c => GoValue.Of(Prepend(c[0], c[1])));
        foreach (var n in new[] { "rest", "mustRest" }) F(n, new[] { A }, c => Nilable(SubList(c[0], "find rest", 1, 0)));
        foreach (var n in new[] { "initial", "mustInitial" }) F(n, new[] { A }, c => Nilable(SubList(c[0], "find initial", 0, 1)));
        foreach (var n in new[] { "reverse", "mustReverse" }) F(n, new[] { A }, c => GoValue.Of(List(c[0], "find reverse").Reverse().ToList()));
        foreach (var n in new[] { "compact", "mustCompact" }) F(n, new[] { A }, c => GoValue.Of(List(c[0], "compact").Where(x => !SprigFunctions.Empty(x)).ToList()));
        F("concat", None, c => Nilable(Concat(c)), A);

        // dicts
        F("pick", new[] { M }, c => GoValue.Of(Pick(c, true)), S);
        F("omit", new[] { M }, c => GoValue.Of(Pick(c, false)), S);
        F("dig", None, Dig, A);
        foreach (var n in new[] { "mergeOverwrite", "mustMergeOverwrite", "mustMerge" })
        {
            bool overwrite = n != "mustMerge";
            F(n, new[] { M }, c => GoValue.Interface(Merge(c, overwrite)), M);
        }

        // paths (Go's path package; the os* variants are identical on Linux, where Argo CD runs)
        foreach (var prefix in new[] { "", "os" })
        {
            F(prefix == "" ? "base" : "osBase", new[] { S }, c => GoValue.Of(GoPath.Base(c.Str(0))));
            F(prefix == "" ? "dir" : "osDir", new[] { S }, c => GoValue.Of(GoPath.Dir(c.Str(0))));
            F(prefix == "" ? "clean" : "osClean", new[] { S }, c => GoValue.Of(GoPath.Clean(c.Str(0))));
            F(prefix == "" ? "ext" : "osExt", new[] { S }, c => GoValue.Of(GoPath.Ext(c.Str(0))));
            F(prefix == "" ? "isAbs" : "osIsAbs", new[] { S }, c => GoValue.Of(c.Str(0).StartsWith("/", System.StringComparison.Ordinal)));
        }

        // flow and reflection
        F("all", None, c => GoValue.Of(c.Rest(0).All(x => !SprigFunctions.Empty(x))), A);
        F("any", None, c => GoValue.Of(c.Rest(0).Any(x => !SprigFunctions.Empty(x))), A);
        F("fail", new[] { S }, c => throw new FunctionException(c.Str(0)));
        F("typeOf", new[] { A }, c => GoValue.Of(TypeOf(c[0])));
        F("typeIs", new[] { S, A }, c => GoValue.Of(c.Str(0) == TypeOf(c[1])));
        F("typeIsLike", new[] { S, A }, c => GoValue.Of(c.Str(0) == TypeOf(c[1]) || "*" + c.Str(0) == TypeOf(c[1])));
        F("kindOf", new[] { A }, c => GoValue.Of(SprigFunctions.KindName(c[0])));
        F("kindIs", new[] { S, A }, c => GoValue.Of(c.Str(0) == SprigFunctions.KindName(c[1])));
        F("deepEqual", new[] { A, A }, c => GoValue.Of(SprigFunctions.DeepEqual(c[0], c[1])));

        // numbers and strings
        F("floor", new[] { A }, c => GoValue.Of(System.Math.Floor(SprigFunctions.ToFloat64(c[0]))));
        F("ceil", new[] { A }, c => GoValue.Of(System.Math.Ceiling(SprigFunctions.ToFloat64(c[0]))));
        F("round", new[] { A, ParamType.Int }, Round, ParamType.Float64);
        F("plural", new[] { S, S, ParamType.Int }, c => GoValue.Of(c.Int(2) == 1 ? c.Str(0) : c.Str(1)));
        F("hello", None, _ => GoValue.Of("Hello!"));
        F("b32enc", new[] { S }, c => GoValue.Of(Base32.Encode(Encoding.UTF8.GetBytes(c.Str(0)))));
        F("b32dec", new[] { S }, c => GoValue.Of(Base32.Decode(c.Str(0))));
        F("adler32sum", new[] { S }, c => GoValue.Of(Adler32(Encoding.UTF8.GetBytes(c.Str(0))).ToString(CultureInfo.InvariantCulture)));
        F("regexQuoteMeta", new[] { S }, c => GoValue.Of(QuoteMeta(c.Str(0))));

        F("semverCompare", new[] { S, S }, c => GoValue.Of(SemverCompare.Compare(c.Str(0), c.Str(1))));
        F("semver", new[] { S }, c => GoValue.Of(GoSemver.Parse(c.Str(0))));

        // sprig v3.3.0's word, crypto, duration and URL functions, each in a file of its own
        SprigWordFunctions.Register(m);
        SprigCryptoFunctions.Register(m);
        SprigDurationFunctions.Register(m);
        SprigUrlFunctions.Register(m);

        F("until", new[] { ParamType.Int }, c => GoValue.Of(Ints(UntilStep(0, c.Int(0), c.Int(0) < 0 ? -1 : 1))));
        F("untilStep", new[] { ParamType.Int, ParamType.Int, ParamType.Int }, c => GoValue.Of(Ints(UntilStep(c.Int(0), c.Int(1), c.Int(2)))));
        F("seq", None, Seq, ParamType.Int);
        foreach (var n in new[] { "chunk", "mustChunk" }) F(n, new[] { ParamType.Int, A }, Chunk);
        // copystructure asks nil for its type and panics
        foreach (var n in new[] { "deepCopy", "mustDeepCopy" }) F(n, new[] { A }, c => GoValue.Interface(c[0] == null ? throw new FunctionException("reflect: call of reflect.Value.Type on zero Value") : DeepCopy(c[0], 0)));
        F("toDecimal", new[] { A }, c => GoValue.Of(ToDecimal(c[0])));
        F("untitle", new[] { S }, c => GoValue.Of(Untitle(c.Str(0))));
        F("add1f", new[] { A }, c => GoValue.Of(DecimalOp(c[0], new object?[] { 1 }, '+')));
        F("addf", None, c => GoValue.Of(DecimalOp(0.0, c.Rest(0), '+')), A);
        F("subf", new[] { A }, c => GoValue.Of(DecimalOp(c[0], c.Rest(1), '-')), A);
        F("mulf", new[] { A }, c => GoValue.Of(DecimalOp(c[0], c.Rest(1), '*')), A);
        F("divf", new[] { A }, c => GoValue.Of(DecimalOp(c[0], c.Rest(1), '/')), A);
        F("maxf", new[] { A }, c => GoValue.Of(c.Rest(1).Select(SprigFunctions.ToFloat64).Aggregate(SprigFunctions.ToFloat64(c[0]), GoMax)), A);
        F("minf", new[] { A }, c => GoValue.Of(c.Rest(1).Select(SprigFunctions.ToFloat64).Aggregate(SprigFunctions.ToFloat64(c[0]), GoMin)), A);

        // JSON
        F("fromJson", new[] { S }, c => GoValue.Interface(GoJsonParser.TryParse(c.Str(0), out var v) ? v : null));
        F("mustFromJson", new[] { S }, c => GoJsonParser.TryParse(c.Str(0), out var v) ? GoValue.Interface(v) : throw new FunctionException("invalid JSON (HubDsl does not reproduce encoding/json's message)"));
        F("mustToJson", new[] { A }, c => GoValue.Of(GoJson.Serialize(c[0], false)));
        F("mustToPrettyJson", new[] { A }, c => GoValue.Of(GoJson.Serialize(c[0], true)));
        F("toRawJson", new[] { A }, c => GoValue.Of(GoJson.Serialize(c[0], false, escapeHtml: false)));
        F("mustToRawJson", new[] { A }, c => GoValue.Of(GoJson.Serialize(c[0], false, escapeHtml: false)));

        // regular expressions: must* report the compile error instead of panicking (same text for HubDsl)
        m["mustRegexFind"] = m["regexFind"];
        m["mustRegexFindAll"] = m["regexFindAll"];
        m["mustRegexReplaceAll"] = m["regexReplaceAll"];
        m["mustRegexReplaceAllLiteral"] = m["regexReplaceAllLiteral"];
        m["mustRegexSplit"] = m["regexSplit"];
        F("mustRegexMatch", new[] { S, S }, c => GoValue.Of(GoRegex.Compile(c.Str(0)).IsMatch(c.Str(1))));
    }

    // Sprig returns a nil []interface{} for an empty input to rest/initial/concat: it prints as [] but is "empty"
    private static GoValue Nilable(List<object?>? l) => GoValue.Of(l ?? new List<object?>());

    private static IReadOnlyList<object?> List(object? v, string what)
    {
        if (v is IReadOnlyList<object?> l) return l;
        if (v == null) throw new FunctionException("runtime error: invalid memory address or nil pointer dereference");
        throw new FunctionException("Cannot " + what + " on type " + SprigFunctions.KindName(v));
    }

    private static List<object?> Prepend(object? list, object? v)
    {
        var l = List(list, "prepend");
        var r = new List<object?> { v };
        r.AddRange(l);
        return r;
    }

    private static List<object?>? SubList(object? list, string what, int dropFront, int dropBack)
    {
        var l = List(list, what);
        if (l.Count == 0) return null;
        return l.Skip(dropFront).Take(l.Count - dropFront - dropBack).ToList();
    }

    private static List<object?>? Concat(FunctionCall c)
    {
        List<object?>? r = null;
        for (int i = 0; i < c.Count; i++)
        {
            if (c[i] is not IReadOnlyList<object?> l)
            {
                if (c[i] == null) throw new FunctionException("runtime error: invalid memory address or nil pointer dereference");
                throw new FunctionException("Cannot concat type " + SprigFunctions.KindName(c[i]) + " as list");
            }
            r ??= new List<object?>();
            r.AddRange(l);
        }
        return r;
    }

    private static Dictionary<string, object?> Pick(FunctionCall c, bool keep)
    {
        var dict = c.Map(0);
        var keys = new HashSet<string>(c.Rest(1).Cast<string>());
        var res = new Dictionary<string, object?>();
        if (dict == null) return res;
        foreach (var kv in dict)
            if (keys.Contains(kv.Key) == keep) res[kv.Key] = kv.Value;
        return res;
    }

    // dig "a" "b" default dict: type assertions panic in Go when an argument has the wrong type
    private static GoValue Dig(FunctionCall c)
    {
        if (c.Count < 3) throw new FunctionException("dig needs at least three arguments");
        if (c[c.Count - 1] is not IReadOnlyDictionary<string, object?> dict)
            throw new FunctionException("interface conversion: interface {} is " + (c[c.Count - 1] == null ? "nil" : GoTypes.NameOf(c[c.Count - 1])) + ", not map[string]interface {}");
        object? def = c[c.Count - 2];
        for (int i = 0; i < c.Count - 2; i++)
        {
            if (c[i] is not string key) throw new FunctionException("interface conversion: interface {} is " + (c[i] == null ? "nil" : GoTypes.NameOf(c[i])) + ", not string");
            if (!dict.TryGetValue(key, out var step)) return GoValue.Interface(def);
            if (i == c.Count - 3) return GoValue.Interface(step);
            if (step is not IReadOnlyDictionary<string, object?> next)
                throw new FunctionException("interface conversion: interface {} is " + (step == null ? "nil" : GoTypes.NameOf(step)) + ", not map[string]interface {}");
            dict = next;
        }
        return GoValue.Interface(def);
    }

    /// <summary>mergo on maps: fill missing or empty values (with overwrite: replace every value), recursing into nested maps.</summary>
    private static object? Merge(FunctionCall c, bool overwrite)
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
            MergeInto(target, src, overwrite, 0);
        }
        return (object?)target ?? NilMap.Instance;
    }

    private static void MergeInto(IDictionary<string, object?> dst, IReadOnlyDictionary<string, object?> src, bool overwrite, int depth)
    {
        if (depth > 100) throw new FunctionException("maps nested too deeply to merge (HubDsl limit)");
        WorkBudget.Tick();
        foreach (var kv in src.ToList())
        {
            bool has = dst.TryGetValue(kv.Key, out var existing);
            if (has && existing is IDictionary<string, object?> de && !de.IsReadOnly && kv.Value is IReadOnlyDictionary<string, object?> se)
            {
                if (!ReferenceEquals(de, se)) MergeInto(de, se, overwrite, depth + 1);
            }
            else if (!has || SprigFunctions.Empty(existing) || overwrite)
            {
                dst[kv.Key] = kv.Value;
            }
        }
    }

    private static string TypeOf(object? v) => v == null ? "<nil>" : GoTypes.NameOf(v);

    private static GoValue Round(FunctionCall c)
    {
        double roundOn = c.Count > 2 ? (double)c[2]! : 0.5;
        double val = SprigFunctions.ToFloat64(c[0]);
        double pow = System.Math.Pow(10, c.Int(1));
        double digit = pow * val;
        double frac = digit - System.Math.Truncate(digit);
        double r = frac >= roundOn ? System.Math.Ceiling(digit) : System.Math.Floor(digit);
        return GoValue.Of(r / pow);
    }

    private const int MaxGenerated = 1_000_000;

    private static List<int> UntilStep(int start, int stop, int step)
    {
        var v = new List<int>();
        if (stop < start)
        {
            if (step >= 0) return v;
            for (long i = start; i > stop; i += step)
            {
                if (v.Count >= MaxGenerated) throw new FunctionException("sequence longer than HubDsl's limit");
                v.Add((int)i);
            }
            return v;
        }
        if (step <= 0) return v;
        for (long i = start; i < stop; i += step)
        {
            if (v.Count >= MaxGenerated) throw new FunctionException("sequence longer than HubDsl's limit");
            v.Add((int)i);
        }
        return v;
    }

    private static TypedList Ints(List<int> ints) => new("[]int", ints.Select(i => (object?)i));

    private static GoValue Seq(FunctionCall c)
    {
        var p = Enumerable.Range(0, c.Count).Select(c.Int).ToList();
        List<int> r;
        switch (p.Count)
        {
            case 1:
                int inc1 = p[0] < 1 ? -1 : 1;
                r = UntilStep(1, p[0] + inc1, inc1);
                break;
            case 2:
                int step2 = p[1] < p[0] ? -1 : 1;
                r = UntilStep(p[0], p[1] + step2, step2);
                break;
            case 3:
                int inc3 = 1;
                if (p[2] < p[0])
                {
                    inc3 = -1;
                    if (p[1] > 0) return GoValue.Of("");
                }
                r = UntilStep(p[0], p[2] + inc3, p[1]);
                break;
            default:
                return GoValue.Of("");
        }
        return GoValue.Of(string.Join(" ", r.Select(i => i.ToString(CultureInfo.InvariantCulture))));
    }

    private static GoValue Chunk(FunctionCall c)
    {
        if (c[1] != null && c[1] is not IReadOnlyList<object?>) throw new FunctionException("Cannot chunk type " + SprigFunctions.KindName(c[1]));
        var l = List(c[1], "chunk");
        int size = c.Int(0);
        if (size <= 0) throw new FunctionException("runtime error: makeslice: len out of range");
        var chunks = new List<object?>();
        for (int i = 0; i < l.Count; i += size) chunks.Add(l.Skip(i).Take(size).ToList());
        return GoValue.Of(new TypedList("[][]interface {}", chunks));
    }

    private static object? DeepCopy(object? v, int depth)
    {
        if (depth > 200) throw new FunctionException("value nested too deeply to copy (HubDsl limit)");
        WorkBudget.Tick();
        switch (v)
        {
            case IReadOnlyDictionary<string, string> ss: return ss.ToDictionary(kv => kv.Key, kv => kv.Value);
            case IReadOnlyDictionary<string, object?> so: return so.ToDictionary(kv => kv.Key, kv => DeepCopy(kv.Value, depth + 1));
            case string[] sa: return (string[])sa.Clone();
            case TypedList t: return new TypedList(t.GoType, t.Select(x => DeepCopy(x, depth + 1)));
            case IReadOnlyList<object?> l: return l.Select(x => DeepCopy(x, depth + 1)).ToList();
            default: return v;
        }
    }

    // strconv.ParseInt(fmt.Sprint(v), 8, 64), 0 on error
    private static long ToDecimal(object? v)
    {
        string s = GoFormat.Value(v);
        string digits = s.StartsWith("-", System.StringComparison.Ordinal) || s.StartsWith("+", System.StringComparison.Ordinal) ? s.Substring(1) : s;
        if (digits.Length == 0 || digits.Any(ch => ch < '0' || ch > '7')) return 0;
        long r = 0;
        foreach (char ch in digits)
        {
            if (r > (long.MaxValue - 7) / 8) return 0;
            r = r * 8 + (ch - '0');
        }
        return s[0] == '-' ? -r : r;
    }

    // goutils.Uncapitalize: lower-case the first letter of each whitespace-separated word
    private static string Untitle(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool next = true;
        foreach (char ch in s)
        {
            if (char.IsWhiteSpace(ch)) next = true;
            else if (next)
            {
                sb.Append(char.ToLowerInvariant(ch));
                next = false;
                continue;
            }
            sb.Append(ch);
        }
        return sb.ToString();
    }

    // math.Max / math.Min: NaN wins, and +0 beats -0 for max
    private static double GoMax(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : System.Math.Max(a, b);

    private static double GoMin(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : System.Math.Min(a, b);

    /// <summary>shopspring/decimal arithmetic on the shortest decimal form of each float64 (division to 16 places).</summary>
    private static double DecimalOp(object? first, IReadOnlyList<object?> rest, char op)
    {
        try
        {
            decimal acc = ToDecimalExact(SprigFunctions.ToFloat64(first));
            foreach (var x in rest)
            {
                decimal d = ToDecimalExact(SprigFunctions.ToFloat64(x));
                acc = op switch
                {
                    '+' => acc + d,
                    '-' => acc - d,
                    '*' => acc * d,
                    _ => d == 0 ? throw new FunctionException("decimal division by 0") : System.Math.Round(acc / d, 16, System.MidpointRounding.AwayFromZero),
                };
            }
            return double.Parse(acc.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        catch (System.OverflowException)
        {
            throw new FunctionException("value outside the range HubDsl's decimal arithmetic supports");
        }
    }

    private static decimal ToDecimalExact(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) throw new FunctionException("value outside the range HubDsl's decimal arithmetic supports");
        return decimal.Parse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (byte x in data)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }
        return (b << 16) | a;
    }

    private static string QuoteMeta(string s)
    {
        var sb = new StringBuilder();
        foreach (char ch in s)
        {
            if ("\\.+*?()|[]{}^$".IndexOf(ch) >= 0) sb.Append('\\');
            sb.Append(ch);
        }
        return sb.ToString();
    }
}
