using System.Collections.Immutable;
using System.Threading;
using HubDsl.Core.Declarations;
using HubDsl.Generators.Caching;
using HubDsl.Generators.Diagnostics;
using HubDsl.Generators.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HubDsl.Generators.Tests;

/// <summary>
/// The analyzers run on the generator's compilation plus the trees the generator added (as in the compiler, the IDE
/// and hubdsl watch). They share the generator's evaluation cache: on a clean fleet they evaluate nothing again, and
/// their compilation does not empty the cache for the generator's next run.
/// </summary>
[Collection(CacheStatisticsCollection.Name)]
public sealed class AnalyzerCacheSharingTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(FleetRuleAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    [Fact]
    public void The_analyzers_reuse_every_value_the_generator_evaluated_and_keep_the_cache_for_the_next_edit()
    {
        var assembly = "SharingTest-" + Guid.NewGuid().ToString("N");
        var files = HandTypedExample();
        var compilation = GeneratorHarness.Compile(files).WithAssemblyName(assembly);
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.Replace('\\', '/').StartsWith("HubDsl.Generators/HubDsl.Generators.ManifestGenerator/", StringComparison.Ordinal));
        var generated = EvaluationCaches.Statistics(assembly);
        Assert.True(generated.Stored > 10, "the generator stored few values: " + generated);

        Assert.Empty(Analyze(output));
        var analyzed = EvaluationCaches.Statistics(assembly);
        Assert.Equal(generated.Stored, analyzed.Stored); // nothing evaluated again
        Assert.Equal(generated.Held, analyzed.Held);     // nothing dropped
        Assert.True(analyzed.Reused > generated.Reused, "the analyzers did not reuse the generator's values");
        Assert.False(FleetAnalysis.For(output, null, CancellationToken.None).IsPositioned);

        // An edit to one cluster after the analyzers' run: the generator evaluates Clusters.Dr and Agent.Failover (which
        // reads it) again, nothing else, so the analyzers' compilation left the cache as it was.
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Clusters.cs", StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(tree.GetText().ToString().Replace("https://dr-api.example.com", "https://dr-eu.example.com", StringComparison.Ordinal))));
        driver.RunGeneratorsAndUpdateCompilation(edited, out var editedOutput, out _);
        Assert.Equal(2, EvaluationCaches.Statistics(assembly).Stored - analyzed.Stored);
        Assert.Empty(Analyze(editedOutput));
        Assert.Equal(analyzed.Stored + 2, EvaluationCaches.Statistics(assembly).Stored);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("/repo/obj/generated")] // the compiler's generated-files folder (EmitCompilerGeneratedFiles) prefixes their paths
    public void With_the_chart_typed_example_the_analyzers_evaluate_nothing_the_generator_evaluated(string? generatedFilesDirectory)
    {
        // The example as it is: AgentValues is typed from its chart, so Agent is bound in the generator's compilation plus
        // the generated record (the augmented line) and everything else in the generator's compilation (the project line).
        var assembly = "SharingTest-" + Guid.NewGuid().ToString("N");
        var compilation = GeneratorHarness.Compile(GeneratorHarness.ExampleSources("AgentFleet")).WithAssemblyName(assembly);
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        var output = UnderGeneratedFilesFolder(generated, generatedFilesDirectory);
        Assert.Contains(output.SyntaxTrees, t => Path.GetFileName(t.FilePath).StartsWith("HubDsl.ChartValues.", StringComparison.Ordinal)
            && t.FilePath.Replace('\\', '/').StartsWith((generatedFilesDirectory is null ? string.Empty : generatedFilesDirectory + "/") + "HubDsl.Generators/", StringComparison.Ordinal));
        var project = EvaluationCaches.Statistics(assembly);
        var charts = ChartEvaluationCaches.Statistics(assembly);
        Assert.True(project.Stored >= 3, "the generator stored few values in the project line: " + project);
        Assert.True(charts.Stored > 5, "the generator stored few values in the augmented line: " + charts);

        Assert.Empty(AnalyzeWithChart(output));
        Assert.False(FleetAnalysis.For(output, null, CancellationToken.None).IsPositioned);
        Assert.Equal(project.Stored, EvaluationCaches.Statistics(assembly).Stored); // nothing evaluated again
        Assert.Equal(charts.Stored, ChartEvaluationCaches.Statistics(assembly).Stored);
        Assert.Equal(project.Held, EvaluationCaches.Statistics(assembly).Held); // nothing dropped
        Assert.Equal(charts.Held, ChartEvaluationCaches.Statistics(assembly).Held);
        Assert.True(EvaluationCaches.Statistics(assembly).Reused > project.Reused, "the analyzers did not reuse the project line");
        Assert.True(ChartEvaluationCaches.Statistics(assembly).Reused > charts.Reused, "the analyzers did not reuse the augmented line");
        var analyzedProject = EvaluationCaches.Statistics(assembly);
        var analyzedCharts = ChartEvaluationCaches.Statistics(assembly);

        // One value edited: the generator evaluates Agent.Prod again and Agent.Dr (Prod with ...), the analyzers nothing.
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Agent.cs", StringComparison.Ordinal));
        var text = tree.GetText().ToString();
        Assert.Contains("Replicas = 3,", text, StringComparison.Ordinal);
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(text.Replace("Replicas = 3,", "Replicas = 4,", StringComparison.Ordinal))));
        driver.RunGeneratorsAndUpdateCompilation(edited, out var editedGenerated, out _);
        var editedOutput = UnderGeneratedFilesFolder(editedGenerated, generatedFilesDirectory);
        Assert.Equal(analyzedProject.Stored, EvaluationCaches.Statistics(assembly).Stored);
        Assert.Equal(analyzedCharts.Stored + 2, ChartEvaluationCaches.Statistics(assembly).Stored);
        Assert.True(ChartEvaluationCaches.Holds(assembly, "AgentFleet.Agent.Prod"));
        Assert.True(ChartEvaluationCaches.Holds(assembly, "AgentFleet.Agent.Dr"));

        var generatedProject = EvaluationCaches.Statistics(assembly);
        var generatedCharts = ChartEvaluationCaches.Statistics(assembly);
        Assert.Empty(AnalyzeWithChart(editedOutput));
        Assert.Equal(generatedProject.Stored, EvaluationCaches.Statistics(assembly).Stored);
        Assert.Equal(generatedCharts.Stored, ChartEvaluationCaches.Statistics(assembly).Stored);
    }

    [Fact]
    public void A_value_that_touches_a_chart_record_is_evaluated_in_each_compilation_not_shared()
    {
        // An ordinary ApplicationSet (its [Values] type is not a [ChartValues] record) creating the chart record: in the
        // generator's compilation AgentValues has only its own part, in the analyzers' it has the chart's properties too.
        const string Other = """
            using HubDsl;

            namespace AgentFleet;

            [ApplicationSet("other")]
            public static class Other
            {
                public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("deploy", "true"));

                public static readonly DeployedResources Deploys = new(ApiResource.Deployments);

                public static readonly ApplicationTemplate Template = new($"other-{Param.Name}")
                {
                    Destination = new(Server: Param.Server, Namespace: "other"),
                    Source = new HelmSource("https://github.com/example/agent", Path: "helm/", TargetRevision: "main") { ValueFiles = ["values.yaml", "values-fleet.yaml"] },
                };

                [Values] public static readonly HelmValues Defaults = new AgentValues();
            }
            """;
        var assembly = "SharingTest-" + Guid.NewGuid().ToString("N");
        var compilation = GeneratorHarness.Compile(GeneratorHarness.ExampleSources("AgentFleet").Append(("Other.cs", Other)).ToArray()).WithAssemblyName(assembly);
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        Assert.True(EvaluationCaches.Holds(assembly, "AgentFleet.Other.Defaults"));
        var inGenerators = Fresh(compilation, "AgentFleet.Other");
        var inAnalyzers = Fresh(output, "AgentFleet.Other");
        Assert.NotEqual(inGenerators, inAnalyzers); // the chart's properties

        Assert.Empty(AnalyzeWithChart(output));
        Assert.Equal(inAnalyzers, FleetAnalysis.For(output, null, CancellationToken.None).ApplicationSets.Single(a => a.ClassName == "AgentFleet.Other"));

        // Back in the generator's compilation (Other's template edited): the generator binds Other as it would afresh.
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Other.cs");
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(Other.Replace("\"other\")", "\"other-2\")", StringComparison.Ordinal))));
        driver.RunGeneratorsAndUpdateCompilation(edited, out var editedOutput, out _);
        var shared = GeneratorHarness.ManifestsOf(editedOutput);
        EvaluationCaches.Clear();
        ChartEvaluationCaches.Clear();
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(edited, out var freshOutput, out _);
        Assert.Equal(GeneratorHarness.ManifestsOf(freshOutput), shared);
    }

    // The ApplicationSet bound in the compilation without any cache.
    private static HubDsl.Core.Model.ApplicationSetModel? Fresh(Compilation compilation, string metadataName)
    {
        var type = compilation.GetTypeByMetadataName(metadataName)!;
        var declaration = FleetDeclarations.Of(compilation, CancellationToken.None).Single(d => SymbolEqualityComparer.Default.Equals(d.Type, type));
        return BoundDeclarations.BindApplicationSet(declaration, compilation, recordOrigins: false, CancellationToken.None, out _);
    }

    [Fact]
    public void A_value_evaluated_in_the_generators_compilation_is_kept_while_the_analyzers_evaluate_in_theirs()
    {
        // The IDE may run the generator and the analyzers at the same time, each in its own compilation: a move between
        // two compilations in which every value is the same keeps what either evaluates.
        var assembly = "SharingTest-" + Guid.NewGuid().ToString("N");
        var compilation = GeneratorHarness.Compile(HandTypedExample()).WithAssemblyName(assembly);
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        var generators = EvaluationCaches.For(compilation, CancellationToken.None);
        EvaluationCaches.For(output, CancellationToken.None);
        generators.Store("AgentFleet.Late", DslScalar.String("late"), Array.Empty<string>());

        Assert.True(EvaluationCaches.Holds(assembly, "AgentFleet.Late"));
    }

    [Fact]
    public void In_a_chart_typed_project_the_generators_values_are_kept_while_the_analyzers_evaluate_each_with_its_own_records()
    {
        // The generator's compilation lacks the generated record and the analyzers' holds it: a value that touched no
        // chart record holds in both, one that did holds only in the compilation it was evaluated in.
        var assembly = "SharingTest-" + Guid.NewGuid().ToString("N");
        var compilation = GeneratorHarness.Compile(GeneratorHarness.ExampleSources("AgentFleet")).WithAssemblyName(assembly);
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        var generators = EvaluationCaches.For(compilation, CancellationToken.None);
        var analyzers = EvaluationCaches.For(output, CancellationToken.None);
        generators.Store("AgentFleet.Late", DslScalar.String("late"), Array.Empty<string>());
        generators.Store("AgentFleet.LateChart", DslScalar.String("without the chart's properties"), new[] { MemberKeys.ChartRecords });
        analyzers.Store("AgentFleet.AnalyzersChart", DslScalar.String("with the chart's properties"), new[] { MemberKeys.ChartRecords });

        Assert.True(EvaluationCaches.Holds(assembly, "AgentFleet.Late"));
        Assert.True(analyzers.TryGet("AgentFleet.Late", out _, out _));
        Assert.False(EvaluationCaches.Holds(assembly, "AgentFleet.LateChart"));
        Assert.True(analyzers.TryGet("AgentFleet.AnalyzersChart", out _, out _));
        Assert.False(generators.TryGet("AgentFleet.AnalyzersChart", out _, out _));
    }

    // The example with its [ChartValues] record written out as plain source (the generator's record, the attribute
    // removed; its defaults go to values.yaml as a hand-written record's do): every declaration in the project line.
    private static (string Path, string Source)[] HandTypedExample()
    {
        var files = GeneratorHarness.ExampleSources("AgentFleet");
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compile(files), out var output, out _);
        var record = output.SyntaxTrees.Single(t => Path.GetFileName(t.FilePath).StartsWith("HubDsl.ChartValues.", StringComparison.Ordinal));
        var handTyped = files.Select(f => f.Path.EndsWith("AgentValues.cs", StringComparison.Ordinal)
            ? (Path: f.Path, Source: System.Text.RegularExpressions.Regex.Replace(f.Source, @"\[ChartValues\(""helm""\)\]\r?\n", string.Empty))
            : f.Path.EndsWith("Agent.cs", StringComparison.Ordinal)
                ? (Path: f.Path, Source: f.Source.Replace("ValueFiles = [\"values-fleet.yaml\",", "ValueFiles = [\"values.yaml\",", StringComparison.Ordinal))
                : f).ToList();
        Assert.Contains(handTyped, f => f.Source.Contains("ValueFiles = [\"values.yaml\",", StringComparison.Ordinal));
        Assert.DoesNotContain(handTyped, f => f.Source.Contains("[ChartValues(", StringComparison.Ordinal));
        handTyped.Add(("AgentValues.Record.cs", record.GetText().ToString()));
        return handTyped.ToArray();
    }

    [Fact]
    public void A_generated_tree_that_declares_a_member_is_compared_like_a_source_file()
    {
        // Only trees of nothing but assembly attributes are looked past: one that declares a type could change a value.
        var assembly = "SharingTest-" + Guid.NewGuid().ToString("N");
        var compilation = GeneratorHarness.Compile(GeneratorHarness.ExampleSources("AgentFleet")).WithAssemblyName(assembly);
        GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.True(EvaluationCaches.Holds(assembly, "AgentFleet.Clusters.Prod"));

        var declaring = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace AgentFleet; public static class Extra { }", GeneratorHarness.ParseOptions, "HubDsl.Generators/HubDsl.Generators.ManifestGenerator/HubDsl.Extra.g.cs"));
        EvaluationCaches.For(declaring, CancellationToken.None);

        Assert.False(EvaluationCaches.Holds(assembly, "AgentFleet.Clusters.Prod"));
    }

    // The final compilation as the compiler makes it with a generated-files folder (GeneratorDriverOptions.BaseDirectory,
    // which Roslyn 4.8's driver API does not take): the generator's trees under that folder.
    private static Compilation UnderGeneratedFilesFolder(Compilation output, string? folder)
    {
        if (folder is null) return output;
        foreach (var tree in output.SyntaxTrees.Where(t => t.FilePath.StartsWith("HubDsl.Generators/", StringComparison.Ordinal)).ToList())
        {
            output = output.ReplaceSyntaxTree(tree, tree.WithFilePath(folder + "/" + tree.FilePath));
        }

        return output;
    }

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation) => Analyze(compilation, ImmutableArray<AdditionalText>.Empty);

    // The analyzers of a chart-typed project read its chart too.
    private static ImmutableArray<Diagnostic> AnalyzeWithChart(Compilation compilation) => Analyze(compilation, GeneratorHarness.ExampleChartTexts);

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles) =>
        compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(additionalFiles), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
}
