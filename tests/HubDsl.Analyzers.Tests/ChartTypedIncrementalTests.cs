using System.Collections.Immutable;
using HubDsl.Generators;
using HubDsl.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Analyzers.Tests;

/// <summary>
/// With [ChartValues] records, as with hand-written ones: editing one chart template re-checks only the ApplicationSets
/// that use that chart (ChartCache's log of what it computed), and the generator regenerates neither record.
/// </summary>
public sealed class ChartTypedIncrementalTests
{
    private const string Fleet = """
        using HubDsl;

        [Fleet]
        public static class Clusters
        {
            public static readonly Cluster Staging = new("staging", "https://staging.example.com") { Labels = { ["env"] = "staging" } };
        }

        [ChartValues("NAMEA")] public partial record FirstValues : HelmValues;
        [ChartValues("NAMEB")] public partial record SecondValues : HelmValues;

        [ApplicationSet("first")]
        public static class First
        {
            public static readonly ClusterSelector Targets = ClusterSelector.All;
            public static readonly ApplicationTemplate Template = new($"first-{Param.Name}")
            {
                Destination = new(Param.Server, "first"),
                Source = new HelmSource("https://github.com/example/app", "NAMEA/", "main") { ValueFiles = ["values-fleet.yaml", $"values-{Param.Label("env")}.yaml"] },
            };
            [Values] public static readonly FirstValues Defaults = new();
            [Values("staging")] public static readonly FirstValues Staging = Defaults with { ReplicaCount = 2 };
        }

        [ApplicationSet("second")]
        public static class Second
        {
            public static readonly ClusterSelector Targets = ClusterSelector.All;
            public static readonly ApplicationTemplate Template = new($"second-{Param.Name}")
            {
                Destination = new(Param.Server, "second"),
                Source = new HelmSource("https://github.com/example/app", "NAMEB/", "main") { ValueFiles = ["values-fleet.yaml", $"values-{Param.Label("env")}.yaml"] },
            };
            [Values] public static readonly SecondValues Defaults = new();
            [Values("staging")] public static readonly SecondValues Staging = Defaults with { ReplicaCount = 3 };
        }
        """;

    private static (string, string)[] Chart(string name, string template) =>
    [
        ("/0/" + name + "/Chart.yaml", "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n"),
        ("/0/" + name + "/values.yaml", "# -- Pods\nreplicaCount: 1\n"),
        ("/0/" + name + "/templates/deployment.yaml", template),
    ];

    [Fact]
    public void Editing_one_chart_template_rechecks_only_the_ApplicationSets_using_that_chart()
    {
        var a = "ctia" + Guid.NewGuid().ToString("N").Substring(0, 8);
        var b = "ctib" + Guid.NewGuid().ToString("N").Substring(0, 8);
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).Append(MetadataReference.CreateFromFile(typeof(HubDsl.Cluster).Assembly.Location));
        var compilation = CSharpCompilation.Create("ChartTypedIncremental", [CSharpSyntaxTree.ParseText(Fleet.Replace("NAMEA", a).Replace("NAMEB", b), parse, "/0/Fleet.cs")], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var template = "replicas: {{ .Values.replicaCount }}\n";
        var before = ChartFiles.Of(Chart(a, template).Concat(Chart(b, template)).ToArray());
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new ManifestGenerator().AsSourceGenerator()], additionalTexts: before, parseOptions: parse,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var first = Entries(() => Analyze(output, before), a, b);
        Assert.Contains("check First " + a, first);
        Assert.Contains("check Second " + b, first);

        var oldTemplate = before.Single(f => f.Path.EndsWith(b + "/templates/deployment.yaml", StringComparison.Ordinal));
        var after = ChartFiles.Of(Chart(a, template).Concat(Chart(b, template + "# edited\nreplicas2: {{ .Values.replicaCount }}\n")).ToArray());
        var newTemplate = after.Single(f => f.Path.EndsWith(b + "/templates/deployment.yaml", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(oldTemplate, newTemplate).RunGeneratorsAndUpdateCompilation(compilation, out output, out _);
        var run = driver.GetRunResult().Results.Single();
        Assert.All(run.TrackedSteps[TrackingNames.ChartRecords].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

        var second = Entries(() => Analyze(output, before.Select(f => ReferenceEquals(f, oldTemplate) ? newTemplate : f).ToImmutableArray()), a, b);
        Assert.Equal(["analyse " + b, "check Second " + b], second);
    }

    // The entries a run adds that name this test's charts (the log is shared by every test running at the same time).
    private static List<string> Entries(Action run, string a, string b)
    {
        List<string> Mine() => ChartCache.Log.ToArray().Where(e => e.EndsWith(" " + a, StringComparison.Ordinal) || e.EndsWith(" " + b, StringComparison.Ordinal)).ToList();
        var count = Mine().Count;
        run();
        return Mine().Skip(count).ToList();
    }

    private static void Analyze(Compilation output, ImmutableArray<AdditionalText> files)
    {
        var diagnostics = output.WithAnalyzers([new ChartValuesAnalyzer(), new ChartValuesRecordAnalyzer()], new AnalyzerOptions(files)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or "HUB033");
    }
}
