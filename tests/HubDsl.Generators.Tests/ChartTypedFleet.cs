using System.Collections.Immutable;
using System.Text;
using System.Threading;
using HubDsl.Core.Manifests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace HubDsl.Generators.Tests;

/// <summary>A fleet whose values record is typed from a chart (ChartFixtures/typed) at /proj/helm, and a generator run over it.</summary>
internal static class ChartTypedFleet
{
    public const string ProjectDirectory = "/proj/";

    public const string Source = """
        using HubDsl;

        namespace Fleet;

        [Fleet]
        public static partial class Clusters
        {
            public static readonly Cluster Staging = new("staging", "https://staging.example.com") { Labels = { ["env"] = "staging" } };
            public static readonly Cluster Prod = new("prod", "https://prod.example.com") { Labels = { ["env"] = "prod" } };
        }

        [ChartValues("helm")]
        public partial record AgentValues : HelmValues;

        [ApplicationSet("agent")]
        public static partial class Agent
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

            [Values] public static readonly AgentValues Defaults = new() { Image = new() { Tag = "2.0.0" }, LogLevel = "info" };
            [Values("staging")] public static readonly AgentValues Staging = Defaults;
            [Values("prod")] public static readonly AgentValues Prod = Defaults with { ReplicaCount = 3, RedisHa = new() { Enabled = true } };
        }
        """;

    /// <summary>The fixture chart's files as the package's props hand them over: additional files under the project.</summary>
    public static ImmutableArray<AdditionalText> ChartFiles(string fixture = "typed", string folder = "helm", Func<string, string, string>? edit = null)
    {
        var root = Path.Combine(GeneratorHarness.RepositoryRoot(), "tests", "HubDsl.Generators.Tests", "ChartFixtures", fixture);
        return Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f =>
            {
                var relative = Path.GetRelativePath(root, f).Replace('\\', '/');
                var text = File.ReadAllText(f);
                return (AdditionalText)new InMemoryText(ProjectDirectory + folder + "/" + relative, edit?.Invoke(relative, text) ?? text);
            })
            .ToImmutableArray();
    }

    public static GeneratorDriver Driver(ImmutableArray<AdditionalText> files) => CSharpGeneratorDriver.Create(
        new[] { new ManifestGenerator().AsSourceGenerator() },
        additionalTexts: files,
        parseOptions: GeneratorHarness.ParseOptions,
        optionsProvider: new HubDsl.Tests.Shared.BuildProperties(("ProjectDir", ProjectDirectory)),
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; the output compilation, its manifests and the generator's diagnostics.</summary>
    public static (Compilation Output, IReadOnlyList<ManifestFile> Files, ImmutableArray<Diagnostic> Diagnostics) Run(string source, ImmutableArray<AdditionalText> files)
    {
        var compilation = Compile(source);
        Driver(files).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, GeneratorHarness.ManifestsOf(output), diagnostics);
    }

    /// <summary>The fleet compiled (without the generator); each call a project of its own, so caches are not shared between tests.</summary>
    public static CSharpCompilation Compile(string source, string? assemblyName = null) =>
        GeneratorHarness.Compile(("/proj/Fleet.cs", source)).WithAssemblyName(assemblyName ?? "ChartFleet" + Guid.NewGuid().ToString("N"));

    public static string RecordSource(Compilation output) =>
        output.SyntaxTrees.Single(t => t.FilePath.EndsWith("HubDsl.ChartValues.Fleet.AgentValues.g.cs", StringComparison.Ordinal)).ToString();

    internal sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
