using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using HubDsl.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HubDsl.Benchmarks;

/// <summary>
/// What checking an ApplicationSet's values against the argo-cd chart (HUB025-HUB027) adds to one compilation: the
/// chart analyzer on a fleet whose ApplicationSet deploys the chart, with the chart's files as additional files,
/// against the same analyzer on the same compilation without them (the fleet's evaluation, which every HubDsl analyzer
/// shares and pays anyway, already done). Cold: the first compilation (the chart is read
/// and its templates analysed). Warm: each later compilation after a keystroke in the values (the chart is cached by
/// content, the values are checked again). Stopwatch medians, Release build.
/// </summary>
public static class ChartCheckSteps
{
    private const string Fleet = """
        using HubDsl;

        [Fleet]
        public static class Clusters
        {
            public static readonly Cluster Hub = new("hub", "https://hub.example.com") { Labels = { ["env"] = "prod" } };
        }

        public sealed record ServerValues(int Replicas = 1) : HelmValues;
        public sealed record GlobalValues(string Domain = "argocd.example.com") : HelmValues;

        public sealed record ArgoValues : HelmValues
        {
            public GlobalValues Global { get; init; } = new();
            public ServerValues Server { get; init; } = new();
            public ServerValues RepoServer { get; init; } = new();
            public int ReplicaCount { get; init; } = 1;
        }

        [ApplicationSet("argo-cd")]
        public static class ArgoCd
        {
            public static readonly ClusterSelector Targets = ClusterSelector.All;
            public static readonly ApplicationTemplate Template = new($"argo-cd-{Param.Name}")
            {
                Destination = new(Param.Server, "argocd"),
                Source = new HelmSource("https://github.com/example/fleet", "argo-cd/", "main") { ValueFiles = ["values.yaml", $"values-{Param.Label("env")}.yaml"] },
            };
            [Values] public static readonly ArgoValues Defaults = new();
            [Values("prod")] public static readonly ArgoValues Prod = Defaults with { Server = new(REPLICAS) };
        }
        """;

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(HubDsl.Cluster).Assembly.Location))
            .ToArray());

    /// <summary>
    /// <paramref name="chartDirectory"/>: a chart folder (Chart.yaml, values.yaml, templates/, charts/), or a values.yaml
    /// alone (the chart is then that values.yaml with no templates). Prints the medians.
    /// </summary>
    public static void Run(string chartDirectory, int rounds)
    {
        var files = ChartFiles(chartDirectory);
        Console.WriteLine("chart: " + files.Length + " files, " + files.Sum(f => f.GetText()!.Length).ToString("N0", CultureInfo.InvariantCulture) + " characters");
        var cold = Time(Compilation(2), files);
        var withChart = new List<double>();
        var without = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // The fleet's own evaluation (shared by every HubDsl analyzer, cached per compilation) is paid first, so the
            // difference of the two runs on the compilation is the chart check alone.
            var compilation = Compilation(3 + round % 5);
            Time(compilation, ImmutableArray<AdditionalText>.Empty);
            without.Add(Time(compilation, ImmutableArray<AdditionalText>.Empty));
            withChart.Add(Time(compilation, files));
        }

        // An edit of a chart file: the chart is read and its templates analysed again (JIT warm).
        var chartFiles = files.Select(f => new HubDsl.Core.Charts.ChartFile(f.Path.Substring("/fleet/argo-cd/".Length), f.GetText()!.ToString())).ToList();
        var analyses = new List<double>();
        for (var round = 0; round < Math.Max(3, rounds / 10); round++)
        {
            var watch = Stopwatch.StartNew();
            HubDsl.Core.Charts.ChartReads.Analyze(HubDsl.Core.Charts.ChartReader.Read(chartFiles));
            analyses.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "after an edit of a chart file (read and analyse the chart again, JIT warm): {0:F1} ms (median of {1})", Median(analyses), analyses.Count));
        var added = Median(withChart) - Median(without);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "cold (first compilation, chart read and analysed): {0:F1} ms", cold));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "warm, keystroke in the values: with the chart {0:F2} ms, without {1:F2} ms, added {2:F2} ms (medians of {3})", Median(withChart), Median(without), added, rounds));
    }

    private static CSharpCompilation Compilation(int replicas) =>
        CSharpCompilation.Create("ChartCheck", [CSharpSyntaxTree.ParseText(Fleet.Replace("REPLICAS", replicas.ToString(CultureInfo.InvariantCulture)), path: "/fleet/Fleet.cs")], References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static double Time(Compilation compilation, ImmutableArray<AdditionalText> files)
    {
        var watch = Stopwatch.StartNew();
        compilation.WithAnalyzers([new ChartValuesAnalyzer()], new AnalyzerOptions(files)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }

    private static ImmutableArray<AdditionalText> ChartFiles(string path)
    {
        if (File.Exists(path))
        {
            return [new Text("/fleet/argo-cd/Chart.yaml", "apiVersion: v2\nname: argo-cd\nversion: 10.1.1\n"), new Text("/fleet/argo-cd/values.yaml", File.ReadAllText(path))];
        }

        return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(path, f).Replace('\\', '/'))
            .Where(p => p is "Chart.yaml" or "values.yaml" or "values.schema.json" || p.StartsWith("templates/", StringComparison.Ordinal) || p.StartsWith("charts/", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (AdditionalText)new Text("/fleet/argo-cd/" + p, File.ReadAllText(Path.Combine(path, p))))
            .ToImmutableArray();
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
