using HubDsl.Core.Charts;
using HubDsl.Core.Charts.Records;
using HubDsl.Core.Yaml;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators.Tests;

/// <summary>
/// The C# that Core emits for a chart's values record compiles against the HubDsl library, and the generator turns a
/// record left at its defaults into exactly the chart's defaults: the emitted keys, types and initializers agree with
/// values.yaml.
/// </summary>
public sealed class ChartValuesRecordTests
{
    private static HelmChart Fixture(string name)
    {
        var root = Path.Combine(GeneratorHarness.RepositoryRoot(), "tests", "HubDsl.Core.Tests", "Charts", "Fixtures", name);
        return ChartReader.Read(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => new ChartFile(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f))));
    }

    public static TheoryData<string> Fixtures => new() { "record-names", "schema-app", "include-forms", "with-range", "subcharts", "docs-comments" };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void The_emitted_record_compiles_and_its_defaults_are_the_chart_defaults(string fixture)
    {
        var chart = Fixture(fixture);
        var source = ValuesRecordEmitter.Emit(ValuesRecordBuilder.Build(chart, "ChartValues"), "Fleet.Charts");
        var written = GeneratorHarness.Generate(("Record.cs", Declaration), ("ChartValues.Emitted.cs", source)).Single(f => f.Path == "chart/values.yaml");
        var expected = WithoutNulls(ChartDefaultsOf(chart));
        var actual = (YamlMapping)YamlReader.Parse(written.Content);
        Assert.True(Same(expected, actual), "the generated values differ from the chart's defaults.\nchart:\n" + YamlWriter.Write(expected) + "\ngenerated:\n" + written.Content + "\nfrom:\n" + source);
    }

    [SchemaFact]
    public void The_argo_cd_chart_values_record_compiles()
    {
        var chart = ChartReader.Read([new ChartFile("Chart.yaml", "apiVersion: v2\nname: argo-cd\nversion: 1.0.0\n"), new ChartFile("values.yaml", File.ReadAllText(SharedSchemas.ChartValues))]);
        var model = ValuesRecordBuilder.Build(chart, "ArgoCdValues");
        var source = ValuesRecordEmitter.Emit(model, "Fleet.Charts");
        var compilation = GeneratorHarness.Compile(("Record.cs", "namespace Fleet.Charts { public sealed partial record ArgoCdValues : HubDsl.HelmValues; }"), ("ArgoCdValues.Emitted.cs", source));
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.Contains("[global::HubDsl.ValuesKey(\"redis-ha\")]", source);
        Assert.Contains("public RedisHaValues RedisHa { get; init; } = new();", source);
        Assert.Contains("/// <summary>", source); // argo-helm documents its keys with helm-docs comments
    }

    private const string Declaration =
        "namespace Fleet.Charts {\n" +
        "  public sealed partial record ChartValues : HubDsl.HelmValues;\n" +
        "  [HubDsl.ApplicationSet(\"probe\")] public static class App {\n" +
        "    public static readonly HubDsl.ClusterSelector Targets = HubDsl.ClusterSelector.All;\n" +
        "    public static readonly HubDsl.ApplicationTemplate Template = new(\"probe\") { Destination = new(HubDsl.Param.Server, \"ns\"), Source = new HubDsl.HelmSource(\"https://example.com/r.git\", \"chart\") };\n" +
        "    [HubDsl.Values] public static readonly ChartValues Defaults = new();\n" +
        "  }\n}\n";

    // The chart's values.yaml and its vendored subcharts' under their keys, as the record describes them.
    private static YamlMapping ChartDefaultsOf(HelmChart chart)
    {
        var m = Copy(chart.Values);
        foreach (var d in chart.Dependencies)
        {
            var sub = chart.Subcharts.FirstOrDefault(s => s.Name == d.Name);
            if (sub == null) continue;
            var target = m[d.ValuesKey] as YamlMapping ?? new YamlMapping();
            foreach (var e in ChartDefaultsOf(sub).Where(e => e.Key != "global" && !target.ContainsKey(e.Key))) target.Set(e.Key, e.Value);
            m.Set(d.ValuesKey, target);
            if (sub.Values["global"] is YamlMapping g)
            {
                var top = m["global"] as YamlMapping ?? new YamlMapping();
                foreach (var e in g.Where(e => !top.ContainsKey(e.Key))) top.Set(e.Key, e.Value);
                m.Set("global", top);
            }
        }

        foreach (var sub in chart.Subcharts.Where(s => chart.Dependencies.All(d => d.Name != s.Name)))
        {
            if (!m.ContainsKey(sub.Name)) m.Set(sub.Name, ChartDefaultsOf(sub));
        }

        return m;
    }

    private static YamlMapping Copy(YamlMapping m)
    {
        var c = new YamlMapping();
        foreach (var e in m) c.Set(e.Key, e.Value is YamlMapping child ? Copy(child) : e.Value);
        return c;
    }

    // HubDsl leaves null properties out (Helm keeps the chart's null), and a map left with no keys writes nothing.
    private static YamlMapping WithoutNulls(YamlMapping m)
    {
        var c = new YamlMapping();
        foreach (var e in m)
        {
            if (e.Value is YamlScalar { Kind: ScalarKind.Null }) continue;
            c.Set(e.Key, e.Value is YamlMapping child ? WithoutNulls(child) : e.Value);
        }

        return c;
    }

    // Numbers by value (1.0 and 1), maps by key regardless of order.
    private static bool Same(YamlNode a, YamlNode b) => (a, b) switch
    {
        (YamlMapping x, YamlMapping y) => x.Count == y.Count && x.All(e => y[e.Key] is { } v && Same(e.Value, v)),
        (YamlSequence x, YamlSequence y) => x.Count == y.Count && x.Zip(y).All(p => Same(p.First, p.Second)),
        (YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } x, YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } y) => double.Parse(x.Value, System.Globalization.CultureInfo.InvariantCulture) == double.Parse(y.Value, System.Globalization.CultureInfo.InvariantCulture),
        _ => a.Equals(b),
    };
}
