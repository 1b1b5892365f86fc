using System.Collections.Immutable;
using HubDsl.Generators;
using HubDsl.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Analyzers.Tests;

/// <summary>
/// [ChartValues] records in the analyzers' compilation (the generator's output included, as in a build and the IDE):
/// HUB025/HUB026 check chart-typed values as they check hand-written ones, and HUB033 names a record the generator
/// cannot type (on the attribute) and fleet defaults with no values file to go to (on the member).
/// </summary>
public sealed class ChartTypedAnalyzerTests
{
    private const string Fleet = """
        using HubDsl;

        [Fleet]
        public static class Clusters
        {
            public static readonly Cluster Staging = new("staging", "https://staging.example.com") { Labels = { ["env"] = "staging" } };
            public static readonly Cluster Prod = new("prod", "https://prod.example.com") { Labels = { ["env"] = "prod" } };
        }

        [ChartValues("helm")]
        public partial record AgentValues : HelmValues;

        [ApplicationSet("agent")]
        public static class Agent
        {
            public static readonly ClusterSelector Targets = ClusterSelector.All;
            public static readonly ApplicationTemplate Template = new($"agent-{Param.Name}")
            {
                Destination = new(Param.Server, "agent"),
                Source = new HelmSource("https://github.com/example/agent", Path: "helm/", TargetRevision: "main")
                {
                    ValueFiles = ["values.yaml", "values-fleet.yaml", $"values-{Param.Label("env")}.yaml"],
                },
            };
            [Values] public static readonly AgentValues Defaults = new() { LogLevel = "info" };
            [Values("staging")] public static readonly AgentValues Staging = Defaults;
            [Values("prod")] public static readonly AgentValues Prod = Defaults with { ReplicaCount = 3 };
        }
        """;

    private const string Values = """
        # -- Pods per cluster
        replicaCount: 1
        image:
          tag: "1.0.0"
        """;

    private const string Schema = """
        { "type": "object", "properties": {
            "replicaCount": { "type": "integer", "minimum": 1 },
            "image": { "type": "object", "properties": { "tag": { "type": "string" } } },
            "logLevel": { "type": "string", "enum": ["debug", "info"] } } }
        """;

    private const string Template = "replicas: {{ .Values.replicaCount }}\nimage: {{ .Values.image.tag }}\nlog: {{ .Values.logLevel }}\n";

    /// <summary>The chart-typed fleet (for the prefix fuzz).</summary>
    internal static string FleetSource => Fleet;

    /// <summary>Its chart at /0/helm (for the prefix fuzz).</summary>
    internal static (string Path, string Text)[] ChartFiles() => Chart();

    private static (string Path, string Text)[] Chart(string values = Values, string? schema = Schema) =>
        new[] { ("/0/helm/Chart.yaml", "apiVersion: v2\nname: agent\nversion: 0.1.0\n"), ("/0/helm/values.yaml", values), ("/0/helm/templates/deployment.yaml", Template) }
            .Concat(schema is null ? [] : new[] { ("/0/helm/values.schema.json", schema) }).ToArray();

    [Fact]
    public void Near_miss_the_chart_typed_fleet_has_no_finding()
    {
        Assert.Empty(Run(Fleet, Chart()));
    }

    [Fact]
    public void HUB026_on_a_chart_typed_value_the_schema_refuses()
    {
        var found = Run(Fleet.Replace("ReplicaCount = 3", "ReplicaCount = 0"), Chart());
        var hub026 = Assert.Single(found);
        Assert.Equal("HUB026", hub026.Id);
        Assert.Equal("0", Text(hub026));
        Assert.Contains("minimum", hub026.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void HUB025_on_a_key_a_record_derived_from_the_chart_typed_one_adds()
    {
        var source = Fleet.Replace("[ApplicationSet(\"agent\")]", "public sealed record MoreValues : AgentValues { public int Replicas { get; init; } = 2; }\n\n[ApplicationSet(\"agent\")]")
            .Replace("AgentValues Defaults = new()", "MoreValues Defaults = new()").Replace("AgentValues Staging", "MoreValues Staging").Replace("AgentValues Prod", "MoreValues Prod");
        var found = Run(source, Chart());
        var hub025 = Assert.Single(found);
        Assert.Equal("HUB025", hub025.Id);
        Assert.Equal("2", Text(hub025));
        Assert.Contains("'replicas'", hub025.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void HUB033_a_chart_that_cannot_be_read_on_the_attribute()
    {
        var found = Run(Fleet.Replace("Defaults with { ReplicaCount = 3 }", "Defaults").Replace("new() { LogLevel = \"info\" }", "new()"), Chart(values: "replicaCount: [1\n"));
        var hub033 = Assert.Single(found, d => d.Id == "HUB033");
        Assert.Equal("ChartValues(\"helm\")", Text(hub033));
        Assert.Contains("cannot be read", hub033.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("no properties are generated", hub033.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void HUB033_no_chart_at_the_path_on_the_attribute()
    {
        var found = Run(Fleet.Replace("[ChartValues(\"helm\")]", "[ChartValues(\"charts/agent\")]").Replace("Defaults with { ReplicaCount = 3 }", "Defaults").Replace("new() { LogLevel = \"info\" }", "new()"), Chart());
        var hub033 = Assert.Single(found, d => d.Id == "HUB033");
        Assert.Equal("ChartValues(\"charts/agent\")", Text(hub033));
        Assert.Contains("no chart at 'charts/agent'", hub033.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void HUB033_a_record_that_is_not_partial()
    {
        var found = Run(Fleet.Replace("public partial record AgentValues : HelmValues;", "public record AgentValues : HelmValues;").Replace("Defaults with { ReplicaCount = 3 }", "Defaults").Replace("new() { LogLevel = \"info\" }", "new()"), Chart());
        var hub033 = Assert.Single(found, d => d.Id == "HUB033");
        Assert.Contains("partial record", hub033.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void HUB033_fleet_defaults_with_no_values_file_on_the_member()
    {
        var found = Run(Fleet.Replace("\"values.yaml\", \"values-fleet.yaml\", ", "\"values.yaml\", "), Chart());
        var hub033 = Assert.Single(found);
        Assert.Equal("HUB033", hub033.Id);
        Assert.Equal("Defaults", Text(hub033));
        Assert.Contains("values-fleet.yaml", hub033.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void HUB033_fleet_defaults_with_no_values_file_is_reported_when_the_fleet_has_nothing_else_to_report()
    {
        // A fleet with no other finding is analysed without spans; this finding is not the validator's, so the
        // ApplicationSet must be bound with spans for it alone.
        var clean = Fleet.Replace("ClusterSelector.All", "ClusterSelector.Where(LabelExpression.In(\"env\", \"staging\", \"prod\"))", StringComparison.Ordinal);
        Assert.Empty(Run(clean, Chart(), everyAnalyzer: true).Where(d => d.Id.StartsWith("HUB", StringComparison.Ordinal)));
        var found = Run(clean.Replace("\"values.yaml\", \"values-fleet.yaml\", ", "\"values.yaml\", "), Chart(), everyAnalyzer: true);
        var hub033 = Assert.Single(found, d => d.Id.StartsWith("HUB", StringComparison.Ordinal));
        Assert.Equal("HUB033", hub033.Id);
        Assert.Equal("Defaults", Text(hub033));
    }

    private static string Text(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    // The generator first (its records join the compilation, as in a build), then the chart analyzers on the result.
    internal static ImmutableArray<Diagnostic> Run(string source, (string Path, string Text)[] chart, bool everyAnalyzer = false)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).Append(MetadataReference.CreateFromFile(typeof(HubDsl.Cluster).Assembly.Location));
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("ChartTyped" + Guid.NewGuid().ToString("N"), [CSharpSyntaxTree.ParseText(source, parse, "/0/Fleet.cs")], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var files = Analyzers.Tests.ChartFiles.Of(chart);
        CSharpGeneratorDriver.Create([new ManifestGenerator().AsSourceGenerator()], additionalTexts: files, parseOptions: parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        // ValuesAnalyzer too: HUB003 must not take values-fleet.yaml (which matches values-{env}.yaml) for an environment file.
        ImmutableArray<DiagnosticAnalyzer> analyzers = everyAnalyzer
            ? [.. typeof(FleetRuleAnalyzer).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)).Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)]
            : [new ChartValuesAnalyzer(), new ChartValuesRecordAnalyzer(), new ValuesAnalyzer()];
        return output.WithAnalyzers(analyzers, new AnalyzerOptions(files))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }
}
