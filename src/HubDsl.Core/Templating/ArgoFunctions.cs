using System.Collections.Generic;
using System.Globalization;

namespace HubDsl.Core.Templating;

/// <summary>The functions Argo CD adds to Sprig's map: normalize, slugify, toYaml, fromYaml, fromYamlArray.</summary>
internal static class ArgoFunctions
{
    public static void Register(Dictionary<string, GoFunction> m)
    {
        m["normalize"] = new GoFunction(new[] { ParamType.String }, null, c => GoValue.Of(ArgoNames.Normalize(c.Str(0))));
        m["slugify"] = new GoFunction(new ParamType[0], ParamType.Any, Slugify);
        m["toYaml"] = new GoFunction(new[] { ParamType.Any }, null, c => GoValue.Of(GoYaml.Marshal(c[0]).TrimEnd('\n') is var y && y.Length > 0 ? TrimOne(GoYaml.Marshal(c[0])) : ""));
        m["fromYaml"] = new GoFunction(new[] { ParamType.String }, null, c => GoValue.Of(FromYaml(c, false)));
        m["fromYamlArray"] = new GoFunction(new[] { ParamType.String }, null, c => GoValue.Of(FromYaml(c, true)));
    }

    private static string TrimOne(string s) => s.EndsWith("\n", System.StringComparison.Ordinal) ? s.Substring(0, s.Length - 1) : s;

    // Argo: the last argument is the name, then (max length int, smart-truncate bool); Go panics on other types.
    private static GoValue Slugify(FunctionCall c)
    {
        int max = 50;
        bool smart = true;
        string name = "";
        for (int i = 0; i < c.Count; i++)
        {
            object? a = c[i];
            if (i == c.Count - 1)
            {
                name = a as string ?? throw Conversion(a, "string");
            }
            else if (i == 0)
            {
                if (a is int n) max = n;
                else throw Conversion(a, "int");
            }
            else if (i == 1)
            {
                if (a is bool b) smart = b;
                else throw Conversion(a, "bool");
            }
        }
        if (!smart && max < 0) throw new FunctionException("runtime error: slice bounds out of range [:" + max.ToString(CultureInfo.InvariantCulture) + "]");
        return GoValue.Of(ArgoNames.Slugify(name, max, smart));
    }

    private static FunctionException Conversion(object? a, string want) =>
        new("interface conversion: interface {} is " + (a == null ? "nil" : GoTypes.NameOf(a)) + ", not " + want);

    private static object FromYaml(FunctionCall c, bool array)
    {
        var parser = c.Executor.Options.YamlParser;
        string fn = array ? "fromYamlArray" : "fromYaml";
        if (parser == null) throw new FunctionException(fn + " needs a YAML parser: set GoTemplateOptions.YamlParser");
        object? parsed;
        try
        {
            parsed = parser(c.Str(0));
        }
        catch (System.Exception e) when (e is not TemplateException and not WorkLimitExceededException)
        {
            throw new FunctionException(e.Message);
        }
        parsed = AsJsonValue(parsed, 0);
        if (array)
        {
            if (parsed == null) return new List<object?>();
            if (parsed is IReadOnlyList<object?> l && parsed is not string[]) return l;
            throw new FunctionException("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " + JsonKind(parsed) + " into Go value of type []interface {}");
        }
        if (parsed == null) return new Dictionary<string, object?>();
        if (parsed is IReadOnlyDictionary<string, object?> d) return d;
        throw new FunctionException("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " + JsonKind(parsed) + " into Go value of type map[string]interface {}");
    }

    // sigs.k8s.io/yaml goes through JSON: every number becomes float64, every map map[string]interface{}.
    private static object? AsJsonValue(object? v, int depth)
    {
        if (depth > 200) throw new FunctionException("YAML nesting too deep (HubDsl limit)");
        WorkBudget.Tick();
        switch (v)
        {
            case int i: return (double)i;
            case long l: return (double)l;
            case float f: return (double)f;
            case IReadOnlyDictionary<string, string> ss:
                var d1 = new Dictionary<string, object?>();
                foreach (var kv in ss) d1[kv.Key] = kv.Value;
                return d1;
            case IReadOnlyDictionary<string, object?> so:
                var d2 = new Dictionary<string, object?>();
                foreach (var kv in so) d2[kv.Key] = AsJsonValue(kv.Value, depth + 1);
                return d2;
            case string s: return s;
            case IReadOnlyList<object?> list:
                var l2 = new List<object?>();
                foreach (var x in list) l2.Add(AsJsonValue(x, depth + 1));
                return l2;
            default: return v;
        }
    }

    private static string JsonKind(object? o) => o switch
    {
        string => "string",
        bool => "bool",
        int or long or double => "number",
        IReadOnlyList<object?> => "array",
        _ => "object",
    };
}
