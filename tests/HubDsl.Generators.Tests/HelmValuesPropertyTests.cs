using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using HubDsl.Tests.Shared;

namespace HubDsl.Generators.Tests;

/// <summary>
/// Random Helm values declared in C#, through the generator and real `helm template`, come back equal: Go's YAML
/// reader (what Helm and Argo CD use) is stricter than YamlDotNet in places, so this is the outside check of the
/// values files the build writes.
/// </summary>
public sealed class HelmValuesPropertyTests
{
    // Strings that YAML 1.1 or 1.2 would read as something else, plus text with indicators and non-ASCII.
    private static readonly string[] Tricky =
    {
        "true", "yes", "on", "off", "no", "y", "n", "null", "~", "1.0", "0777", "1e3", "2026-01-01", "12:30", ".inf", "-", "",
        "a: b", "#x", "x #y", "'q'", "\"dq\"", " lead", "trail ", "multi\nline", "end\n", "tab\tx", "ünï", "日本", "64Mi", "{{ .x }}",
    };

    private static readonly Gen<string> Strings = Gen.OneOf(
        Gen.OneOfConst(Tricky),
        Gen.String[Gen.Char["abcXYZ019 _.:/#'\"-{}[],&*!|>%@`?=\n"], 0, 12]);

    private static readonly Gen<string> Keys = Gen.OneOf(Gen.OneOfConst("a", "b", "key", "on", "yes", "1", "x.y", "with space", "ü"), Gen.String[Gen.Char["abcdefgh_-"], 1, 6]);

    private static Gen<JsonNode> Values(int depth) => depth == 0
        ? Scalars
        : Gen.Frequency(
            (3, Scalars),
            (1, Gen.Dictionary(Keys, Values(depth - 1))[0, 4].Select(d => (JsonNode)new JsonObject(d.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))))),
            (1, Values(depth - 1).List[0, 4].Select(l => (JsonNode)new JsonArray(l.Select(v => (JsonNode?)v).ToArray()))));

    private static readonly Gen<JsonNode> Scalars = Gen.OneOf(
        Strings.Select(s => (JsonNode)JsonValue.Create(s)!),
        Gen.Int[-100000, 100000].Select(i => (JsonNode)JsonValue.Create((long)i)!),
        Gen.Bool.Select(b => (JsonNode)JsonValue.Create(b)!),
        Gen.Int[-1000, 1000].Select(i => (JsonNode)JsonValue.Create(i / 8.0)!));

    [HelmFact]
    public void Random_values_survive_the_generator_and_helm()
    {
        var chart = Path.Combine(Path.GetTempPath(), "hubdsl-values-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(Path.Combine(chart, "templates"));
        File.WriteAllText(Path.Combine(chart, "Chart.yaml"), "apiVersion: v2\nname: probe\nversion: 0.1.0\n");
        // Helm's own toJson of what it read: compared with what was declared.
        File.WriteAllText(Path.Combine(chart, "templates", "dump.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dump\ndata:\n  values: {{ toJson .Values.data | quote }}\n");
        try
        {
            Property.Check(Gen.Dictionary(Keys, Values(2))[1, 5], data =>
            {
                var declared = new JsonObject(data.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value.DeepClone())));
                var file = GeneratorHarness.Generate(("Values.cs", Source(declared))).Single(f => f.Path == "chart/values.yaml");
                File.WriteAllText(Path.Combine(chart, "values.yaml"), file.Content);
                var (exit, output) = Helm.Run("template", "probe", chart);
                Assert.True(exit == 0, "helm could not read the generated values:\n" + file.Content + "\n" + output);
                var line = output.Split('\n').Single(l => l.TrimStart().StartsWith("values:", StringComparison.Ordinal));
                var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Deserialize<string>(line.Substring(line.IndexOf(':') + 1).Trim())!)!;
                Assert.True(Same(declared, json), "declared " + declared.ToJsonString() + "\nhelm read " + json.ToJsonString() + "\nfrom\n" + file.Content);
            }, cases: 60);
        }
        finally
        {
            Directory.Delete(chart, recursive: true);
        }
    }

    // The values as a C# declaration the generator evaluates: a dictionary property of a HelmValues record.
    private static string Source(JsonObject data) =>
        "using HubDsl;\nusing System.Collections.Generic;\n" +
        "public sealed record V : HelmValues { public Dictionary<string, object> Data { get; init; } = " + CSharp(data) + "; }\n" +
        "[ApplicationSet(\"probe\")] public static class App {\n" +
        "  public static readonly ClusterSelector Targets = ClusterSelector.All;\n" +
        "  public static readonly ApplicationTemplate Template = new(\"probe\") { Destination = new(Param.Server, \"ns\"), Source = new HelmSource(\"https://example.com/r.git\", \"chart\") };\n" +
        "  [Values] public static readonly V Defaults = new();\n}\n";

    private static string CSharp(JsonNode? node) => node switch
    {
        JsonObject o => "new Dictionary<string, object> { " + string.Join(", ", o.Select(p => "[" + Literal(p.Key) + "] = " + CSharp(p.Value))) + " }",
        JsonArray a => "new List<object> { " + string.Join(", ", a.Select(CSharp)) + " }",
        JsonValue v when v.TryGetValue<string>(out var s) => Literal(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture) + "L",
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("R", CultureInfo.InvariantCulture) + "d",
        _ => "null",
    };

    private static string Literal(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value) sb.Append(c is '"' or '\\' || c < 0x20 || c > 0x7E ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
        return sb.Append('"').ToString();
    }

    // Numbers compare by value (Go prints 2.0 as 2); everything else exactly.
    private static bool Same(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.ContainsKey(p.Key) && Same(p.Value, y[p.Key])),
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => Same(p.First, p.Second)),
        (JsonValue x, JsonValue y) when x.TryGetValue<double>(out var dx) && y.TryGetValue<double>(out var dy) => dx == dy,
        (JsonValue x, JsonValue y) when x.TryGetValue<long>(out var lx) && y.TryGetValue<double>(out var ly) => lx == ly,
        (JsonValue x, JsonValue y) => x.ToJsonString() == y.ToJsonString(),
        _ => a is null && b is null,
    };
}
