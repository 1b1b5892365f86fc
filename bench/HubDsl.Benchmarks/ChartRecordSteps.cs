using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using HubDsl.Core.Charts;
using HubDsl.Core.Charts.Records;
using HubDsl.Generators;
using HubDsl.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HubDsl.Benchmarks;

/// <summary>
/// What a [ChartValues] record typed from the argo-cd chart costs: generating the record from the chart (read, model,
/// C#), the generator per keystroke in the values (the ApplicationSet bound with the generated record) against the same
/// fleet with a hand-written record, and the chart analyzers (HUB025-HUB027, HUB033) on the compilation with the
/// generated record, with the chart's files against without them. Stopwatch medians, Release build.
/// </summary>
public static class ChartRecordSteps
{
    private const string Common = """
        using HubDsl;

        [Fleet]
        public static class Clusters
        {
            public static readonly Cluster Hub = new("hub", "https://hub.example.com") { Labels = { ["env"] = "prod" } };
        }

        RECORD

        [ApplicationSet("argo-cd")]
        public static class ArgoCd
        {
            public static readonly ClusterSelector Targets = ClusterSelector.All;
            public static readonly ApplicationTemplate Template = new($"argo-cd-{Param.Name}")
            {
                Destination = new(Param.Server, "argocd"),
                Source = new HelmSource("https://github.com/example/fleet", "argo-cd/", "main") { ValueFiles = ["values-fleet.yaml", $"values-{Param.Label("env")}.yaml"] },
            };
            [Values] public static readonly ArgoValues Defaults = new();
            [Values("prod")] public static readonly ArgoValues Prod = Defaults with { Server = new() { Replicas = REPLICAS } };
        }
        """;

    private const string ChartTyped = "[ChartValues(\"argo-cd\")] public partial record ArgoValues : HelmValues;";

    private const string HandWritten = """
        public sealed record ServerValues : HelmValues { public int Replicas { get; init; } = 1; }
        public sealed record ArgoValues : HelmValues { public ServerValues Server { get; init; } = new(); }
        """;

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(HubDsl.Cluster).Assembly.Location))
            .ToArray());

    /// <summary><paramref name="valuesYaml"/>: the argo-cd chart's values.yaml. Prints the medians.</summary>
    public static void Run(string valuesYaml, int rounds)
    {
        var files = ImmutableArray.Create<AdditionalText>(
            new Text("/fleet/argo-cd/Chart.yaml", "apiVersion: v2\nname: argo-cd\nversion: 10.1.1\n"),
            new Text("/fleet/argo-cd/values.yaml", File.ReadAllText(valuesYaml)));
        var chartFiles = files.Select(f => new ChartFile(f.Path, f.GetText()!.ToString())).ToList();
        var target = new ChartRecordTarget(null, HubDsl.Core.Model.EquatableArray<string>.Empty, "ArgoValues", "argo-cd");

        // 1. The record from the chart: read values.yaml, build the model, emit C# (what a values.yaml edit costs).
        var generation = new List<double>();
        string? text = null;
        for (var round = 0; round < Math.Max(5, rounds / 4); round++)
        {
            var watch = Stopwatch.StartNew();
            text = ChartRecordGenerator.Generate(target, chartFiles, null).Text;
            generation.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine("record: " + (text?.Length ?? 0).ToString("N0", CultureInfo.InvariantCulture) + " characters of C#, " + text?.Split('\n').Count(l => l.Contains("ValuesKey(", StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture) + " properties");

        // 2. The generator per keystroke in the values, chart-typed against hand-written.
        var typed = Keystrokes(ChartTyped, files, rounds, out var typedOutput);
        var written = Keystrokes(HandWritten, ImmutableArray<AdditionalText>.Empty, rounds, out _);

        // 3. The chart analyzers on the compilation with the generated record, with the chart against without it.
        var withChart = new List<double>();
        var without = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var compilation = typedOutput[round % typedOutput.Count];
            Analyze(compilation, ImmutableArray<AdditionalText>.Empty);
            without.Add(Analyze(compilation, ImmutableArray<AdditionalText>.Empty));
            withChart.Add(Analyze(compilation, files));
        }

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "record from the chart (read, model, C#; JIT warm): {0:F1} ms (median of {1})", Median(generation), generation.Count));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "generator per keystroke in the values, warm: chart-typed {0:F2} ms, hand-written {1:F2} ms, added {2:F2} ms (medians of {3})", Median(typed), Median(written), Median(typed) - Median(written), rounds));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "chart analyzers on the chart-typed compilation, warm: with the chart {0:F2} ms, without {1:F2} ms, added {2:F2} ms (medians of {3})", Median(withChart), Median(without), Median(withChart) - Median(without), rounds));
    }

    private static List<double> Keystrokes(string record, ImmutableArray<AdditionalText> files, int rounds, out List<Compilation> outputs)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = Compile(record, 2, parse);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new ManifestGenerator().AsSourceGenerator()], additionalTexts: files, parseOptions: parse);
        driver = driver.RunGenerators(compilation);
        var times = new List<double>();
        outputs = new List<Compilation>();
        for (var round = 0; round < rounds; round++)
        {
            var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), Compile(record, 3 + round % 5, parse).SyntaxTrees.Single());
            var watch = Stopwatch.StartNew();
            driver = driver.RunGeneratorsAndUpdateCompilation(edited, out var output, out _);
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (outputs.Count < 5) outputs.Add(output);
            compilation = edited;
        }

        return times;
    }

    private static CSharpCompilation Compile(string record, int replicas, CSharpParseOptions parse) =>
        CSharpCompilation.Create("ChartRecord", [CSharpSyntaxTree.ParseText(Common.Replace("RECORD", record).Replace("REPLICAS", replicas.ToString(CultureInfo.InvariantCulture)), parse, "/fleet/Fleet.cs")], References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static double Analyze(Compilation compilation, ImmutableArray<AdditionalText> files)
    {
        var watch = Stopwatch.StartNew();
        compilation.WithAnalyzers([new ChartValuesAnalyzer(), new ChartValuesRecordAnalyzer()], new AnalyzerOptions(files)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
