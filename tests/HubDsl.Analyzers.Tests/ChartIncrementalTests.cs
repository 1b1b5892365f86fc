using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Analyzers.Tests;

/// <summary>
/// Editing one chart template re-checks only the ApplicationSets that use that chart: the other chart is neither read
/// nor analysed again, and the other ApplicationSet is not checked again (ChartCache's log of what it computed).
/// </summary>
public sealed class ChartIncrementalTests
{
    private const string Fleet = """
        using HubDsl;

        [Fleet]
        public static class Clusters
        {
            public static readonly Cluster Staging = new("staging", "https://staging.example.com") { Labels = { ["env"] = "staging" } };
        }

        public sealed record V : HelmValues
        {
            public int Replicas { get; init; } = 1;
        }

        [ApplicationSet("first")]
        public static class First
        {
            public static readonly ClusterSelector Targets = ClusterSelector.All;
            public static readonly ApplicationTemplate Template = new($"first-{Param.Name}")
            {
                Destination = new(Param.Server, "first"),
                Source = new HelmSource("https://github.com/example/app", "NAMEA/", "main") { ValueFiles = ["values.yaml", $"values-{Param.Label("env")}.yaml"] },
            };
            [Values] public static readonly V Defaults = new();
            [Values("staging")] public static readonly V Staging = Defaults;
        }

        [ApplicationSet("second")]
        public static class Second
        {
            public static readonly ClusterSelector Targets = ClusterSelector.All;
            public static readonly ApplicationTemplate Template = new($"second-{Param.Name}")
            {
                Destination = new(Param.Server, "second"),
                Source = new HelmSource("https://github.com/example/app", "NAMEB/", "main") { ValueFiles = ["values.yaml", $"values-{Param.Label("env")}.yaml"] },
            };
            [Values] public static readonly V Defaults = new();
            [Values("staging")] public static readonly V Staging = Defaults with { Replicas = 2 };
        }
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(HubDsl.Cluster).Assembly.Location))
            .ToImmutableArray());

    private static (string, string)[] Chart(string name, string template) =>
    [
        ("/0/" + name + "/Chart.yaml", "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n"),
        ("/0/" + name + "/values.yaml", "replicaCount: 1\n"),
        ("/0/" + name + "/templates/deployment.yaml", template),
    ];

    [Fact]
    public void Editing_one_chart_template_rechecks_only_the_ApplicationSets_using_that_chart()
    {
        // Names of this test's own, so that other tests running at the same time leave other entries in the log.
        var a = "inca" + Guid.NewGuid().ToString("N").Substring(0, 8);
        var b = "incb" + Guid.NewGuid().ToString("N").Substring(0, 8);
        var source = Fleet.Replace("NAMEA", a).Replace("NAMEB", b);
        var compilation = CSharpCompilation.Create("Incremental", [CSharpSyntaxTree.ParseText(source, path: "/0/Fleet.cs")], References.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var template = "replicas: {{ .Values.replicaCount }}\n";
        var before = Chart(a, template).Concat(Chart(b, template)).ToArray();

        var first = Run(compilation, before);
        Assert.Equal(2, first.Count(d => d.Id == "HUB025")); // 'replicas' in both: First.Defaults (shared by Staging) and Second.Staging's override
        var log = Entries(() => Run(compilation, before.Select(f => f.Item1.EndsWith(b + "/templates/deployment.yaml") ? (f.Item1, f.Item2 + "# edited\nreplicas2: {{ .Values.replicas }}\n") : f).ToArray()), a, b, out var second);

        Assert.Equal(["analyse " + b, "check Second " + b], log);
        Assert.Single(second, d => d.Id == "HUB025"); // the edited chart reads .Values.replicas now: only First's key is still unread

        // A keystroke in the C# source with the charts unchanged reads and analyses no chart again.
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText(source.Replace("Defaults with { Replicas = 2 }", "Defaults with { Replicas = 3 }"), path: "/0/Fleet.cs"));
        var afterKeystroke = Entries(() => Run(edited, before), a, b, out _);
        Assert.DoesNotContain(afterKeystroke, e => e.StartsWith("analyse", StringComparison.Ordinal));
    }

    // The entries a run adds that name this test's charts (the log is shared by every test running at the same time).
    private static List<string> Entries(Func<ImmutableArray<Diagnostic>> run, string a, string b, out ImmutableArray<Diagnostic> diagnostics)
    {
        List<string> Mine() => ChartCache.Log.ToArray().Where(e => e.EndsWith(" " + a, StringComparison.Ordinal) || e.EndsWith(" " + b, StringComparison.Ordinal)).ToList();
        var before = Mine().Count;
        diagnostics = run();
        return Mine().Skip(before).ToList();
    }

    private static ImmutableArray<Diagnostic> Run(Compilation compilation, (string Path, string Text)[] files) =>
        compilation.WithAnalyzers([new ChartValuesAnalyzer()], new AnalyzerOptions(ChartFiles.Of(files)))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
}
