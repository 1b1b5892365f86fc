using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace HubDsl.Analyzers.Tests;

/// <summary>
/// HUB025 (a key the chart never reads), HUB026 (the chart's schema rejects the values, Helm's reason), HUB027 (no
/// schema: a value whose shape contradicts the chart's default): each at the C# member that wrote the value, with the
/// chart handed over as additional files the way the package's props hand it (paths under the project directory).
/// </summary>
public sealed class ChartValuesAnalyzerTests
{
    private const string ChartYaml = "apiVersion: v2\nname: app\nversion: 0.1.0\n";

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        spec:
          replicas: {{ .Values.replicaCount }}
          template:
            spec:
              containers:
                - name: app
                  resources: {{- toYaml .Values.resources | nindent 12 }}
        """;

    internal static (string Path, string Text)[] Chart(string values, string? schema = null, string template = Deployment)
    {
        var files = new List<(string, string)> { ("/0/chart/Chart.yaml", ChartYaml), ("/0/chart/values.yaml", values), ("/0/chart/templates/deployment.yaml", template) };
        if (schema != null) files.Add(("/0/chart/values.schema.json", schema));
        return files.ToArray();
    }

    private static readonly string ReplicaCountChart = "replicaCount: 1\nresources: {}\ndbPassword: ''\n";

    private static string Fleet(string values, string record = Sources.Values) =>
        Sources.Make(values: values).Replace(Sources.Values, record);

    [Fact]
    public Task HUB025_a_key_the_chart_never_reads_on_the_property_and_on_the_override() => Verify(
        Fleet("""
            [Values] public static readonly AppValues Defaults = new();
            [Values("staging")] public static readonly AppValues Staging = Defaults;
            [Values("prod")] public static readonly AppValues Prod = Defaults with { Replicas = {|#1:3|} };
        """, Sources.Values.Replace("public int Replicas { get; init; } = 1;", "public int Replicas { get; init; } = {|#0:1|};")),
        Chart(ReplicaCountChart),
        Warning("HUB025", 0).WithArguments("App.Defaults: the chart 'app' (chart/) never reads the values key 'replicas': it is not in the chart's values.yaml and no template reads it, so Helm ignores it. Remove it, or name a key the chart reads."),
        Warning("HUB025", 1).WithArguments("App.Prod: the chart 'app' (chart/) never reads the values key 'replicas': it is not in the chart's values.yaml and no template reads it, so Helm ignores it. Remove it, or name a key the chart reads."));

    [Fact]
    public Task HUB025_near_miss_a_key_a_template_reads_or_values_yaml_declares_is_silent() => Verify(
        Fleet(Sources.DefaultValues),
        Chart("replicas: 1\n", template: Deployment.Replace(".Values.replicaCount", ".Values.replicas").Replace("toYaml .Values.resources", "toYaml .Values.resources | default .Values.dbPassword")));

    [Fact]
    public Task HUB025_names_a_close_declared_key() => Verify(
        Fleet("""
            [Values] public static readonly Vals Defaults = new();
            [Values("staging")] public static readonly Vals Staging = Defaults;
            [Values("prod")] public static readonly Vals Prod = Defaults;
        """, """
            public sealed record Vals : HubDsl.HelmValues
            {
                public int ReplicaCont { get; init; } = {|#0:2|};
            }
            """),
        Chart(ReplicaCountChart),
        Warning("HUB025", 0).WithArguments("App.Defaults: the chart 'app' (chart/) never reads the values key 'replicaCont': it is not in the chart's values.yaml and no template reads it, so Helm ignores it. Did you mean 'replicaCount'? Rename it ([ValuesKey(\"...\")] on the property sets the exact key)."));

    [Fact]
    public Task HUB025_an_inline_values_entry() => Verify(
        Sources.Make(templateExtra: "", values: Sources.DefaultValues)
            .Replace("ValueFiles = [", "Values = { [\"replicaCount\"] = \"2\", [{|#0:\"replica\"|}] = Param.Name },\n            ValueFiles = ["),
        Chart("replicaCount: 1\nreplicas: 1\nresources: {}\ndbPassword: ''\n"),
        Warning("HUB025", 0).WithArguments("App.Template: the chart 'app' (chart/) never reads the inline values key 'replica' (HelmSource.Values): it is not in the chart's values.yaml and no template reads it, so Helm ignores it. Did you mean 'replicas'?"));

    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "properties": {
            "replicas": { "type": "integer", "minimum": 1, "maximum": 5 },
            "resources": { "type": "object" }
          }
        }
        """;

    [Fact]
    public Task HUB026_the_schema_rejects_a_value_with_helms_reason() => Verify(
        Fleet("""
            [Values] public static readonly AppValues Defaults = new();
            [Values("staging")] public static readonly AppValues Staging = Defaults;
            [Values("prod")] public static readonly AppValues Prod = Defaults with { Replicas = {|#0:9|} };
        """),
        Chart("replicas: 1\nresources: {}\ndbPassword: ''\n", Schema, Deployment.Replace(".Values.replicaCount", ".Values.replicas").Replace("| nindent 12", "| nindent 12 }}{{ .Values.dbPassword")),
        Error("HUB026", 0).WithArguments("App.Prod: the chart 'app' (chart/)'s values.schema.json rejects these values, so helm template fails on the hub for this environment: at '/replicas': maximum: got 9, want 5. Fix the value to meet the schema."));

    [Fact]
    public Task HUB026_near_miss_a_value_within_the_schema_is_silent() => Verify(
        Fleet("""
            [Values] public static readonly AppValues Defaults = new();
            [Values("staging")] public static readonly AppValues Staging = Defaults;
            [Values("prod")] public static readonly AppValues Prod = Defaults with { Replicas = 5 };
        """),
        Chart("replicas: 1\nresources: {}\ndbPassword: ''\n", Schema, Deployment.Replace(".Values.replicaCount", ".Values.replicas").Replace("| nindent 12", "| nindent 12 }}{{ .Values.dbPassword")));

    [Fact]
    public Task HUB026_an_inline_value_argo_cd_fills_in_per_cluster_is_not_judged() => Verify(
        Sources.Make(values: Sources.DefaultValues).Replace("ValueFiles = [", "Values = { [\"replicas\"] = Param.Name },\n            ValueFiles = ["),
        Chart("replicas: 1\nresources: {}\ndbPassword: ''\n", Schema, Deployment.Replace(".Values.replicaCount", ".Values.replicas").Replace("| nindent 12", "| nindent 12 }}{{ .Values.dbPassword")));

    [Fact]
    public Task HUB026_an_inline_literal_value_is_reported_on_its_entry() => Verify(
        Sources.Make(values: Sources.DefaultValues).Replace("ValueFiles = [", "Values = { [\"replicas\"] = {|#0:7|} },\n            ValueFiles = ["),
        Chart("replicas: 1\nresources: {}\ndbPassword: ''\n", Schema, Deployment.Replace(".Values.replicaCount", ".Values.replicas").Replace("| nindent 12", "| nindent 12 }}{{ .Values.dbPassword")),
        Error("HUB026", 0).WithArguments("App.Template: the chart 'app' (chart/)'s values.schema.json rejects these values, so helm template fails on the hub for this environment: at '/replicas': maximum: got 7, want 5. Fix the value to meet the schema."));

    [Fact]
    public Task Silent_on_the_AgentFleet_example_and_its_chart() => Verify(
        DeclarationAnalyzerTests.ExampleSources(),
        ChartFiles.Example().Select(f => (f.Path, f.GetText()!.ToString())).ToArray());

    [Fact]
    public Task HUB026_on_the_example_a_replica_count_its_chart_schema_refuses() => Verify(
        DeclarationAnalyzerTests.ExampleSources().Select(f => f.Item1 == "/0/Agent.cs" ? (f.Item1, f.Item2.Replace("Replicas = 3,", "Replicas = {|#0:0|},")) : f).ToArray(),
        ChartFiles.Example().Select(f => (f.Path, f.GetText()!.ToString())).ToArray(),
        Error("HUB026", 0).WithArguments("Agent.Prod: the chart 'agent' (helm/)'s values.schema.json rejects these values, so helm template fails on the hub for this environment: at '/replicas': minimum: got 0, want 1. Fix the value to meet the schema."));

    [Fact]
    public Task HUB027_a_string_where_the_chart_has_a_map() => Verify(
        Fleet("""
            [Values] public static readonly Vals Defaults = new();
            [Values("staging")] public static readonly Vals Staging = Defaults;
            [Values("prod")] public static readonly Vals Prod = Defaults;
        """, """
            public sealed record Vals : HubDsl.HelmValues
            {
                public string Resources { get; init; } = {|#0:"small"|};
            }
            """),
        Chart(ReplicaCountChart.Replace("resources: {}", "resources:\n  limits: {}")),
        Warning("HUB027", 0).WithArguments("App.Defaults: 'resources' is a string where the chart's values.yaml has a map; the chart's templates expect a map there. (the chart 'app' (chart/) has no values.schema.json; its defaults are the only statement of shape.) Give the value the default's shape."));

    [Fact]
    public Task HUB027_near_miss_a_map_where_the_chart_has_a_map_is_silent() => Verify(
        Fleet(Sources.DefaultValues),
        Chart("replicas: 1\nresources:\n  limits: {}\ndbPassword: ''\n"));

    [Fact]
    public Task No_chart_among_the_additional_files_checks_nothing() => Verify(
        Fleet("""
            [Values] public static readonly AppValues Defaults = new();
            [Values("staging")] public static readonly AppValues Staging = Defaults;
            [Values("prod")] public static readonly AppValues Prod = Defaults with { Replicas = 3 };
        """),
        Chart(ReplicaCountChart).Select(f => (f.Path.Replace("/0/chart/", "/0/other/"), f.Text)).ToArray());

    [Fact]
    public Task A_chart_whose_template_does_not_parse_checks_nothing() => Verify(
        Fleet(Sources.DefaultValues),
        Chart(ReplicaCountChart, template: "{{ if .Values.x }"));

    internal static DiagnosticResult Warning(string id, int location) => new DiagnosticResult(id, DiagnosticSeverity.Warning).WithLocation(location);

    internal static DiagnosticResult Error(string id, int location) => new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(location);

    internal static Task Verify(string source, (string Path, string Text)[] chart, params DiagnosticResult[] expected) =>
        Verify(new[] { ("/0/Test0.cs", source) }, chart, expected);

    internal static async Task Verify((string Path, string Source)[] sources, (string Path, string Text)[] chart, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<ChartValuesAnalyzer, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        foreach (var source in sources) test.TestState.Sources.Add(source);
        foreach (var file in chart) test.TestState.AdditionalFiles.Add((file.Path, file.Text));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.ProjectDir = /0/\n"));
        test.TestState.AdditionalReferences.Add(typeof(HubDsl.Cluster).Assembly);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            return solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp12));
        });
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
