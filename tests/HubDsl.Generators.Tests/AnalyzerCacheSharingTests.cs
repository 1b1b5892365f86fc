using System.Collections.Immutable;
using System.Threading;
using HubDsl.Core.Declarations;
using HubDsl.Generators.Caching;
using HubDsl.Generators.Diagnostics;
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

    // The example with its [ChartValues] record written out as plain source (the generator's record, the attribute
    // removed; its defaults go to values.yaml as a hand-written record's do). A chart-typed ApplicationSet is bound in a compilation of its own (ChartEvaluationCaches), and the
    // analyzers' compilation, which holds the generated record, is not the generator's plus attribute-only trees.
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

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation) =>
        compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
}
