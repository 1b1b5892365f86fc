using System.Collections.Immutable;
using CsCheck;
using HubDsl.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Analyzers.Tests;

/// <summary>
/// The editor feeds the generator and analyzers half-typed code on every keystroke. Every prefix of the example
/// (cut at each token) and random edits must produce no AD0001 (analyzer threw), no CS8785 (generator threw)
/// and no exception.
/// </summary>
public sealed class HalfTypedCodeTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new DeclarationAnalyzer(), new ClusterAnalyzer(), new ValuesAnalyzer(), new SecurityAnalyzer(), new TemplateAnalyzer(), new ChartValuesAnalyzer(), new ChartValuesRecordAnalyzer());

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(HubDsl.Cluster).Assembly.Location))
            .ToImmutableArray());

    [Fact]
    public void Every_token_prefix_of_the_example()
    {
        var files = DeclarationAnalyzerTests.ExampleSources();
        var runs = 0;
        for (var f = 0; f < files.Length; f++)
        {
            var text = files[f].Item2;
            var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Select(t => t.Span.End).Distinct().ToList();
            foreach (var cut in tokens)
            {
                var sources = files.Select((file, i) => (file.Item1, i == f ? text.Substring(0, cut) : file.Item2)).ToArray();
                AssertNoCrash(sources, "prefix of " + files[f].Item1 + " cut at " + cut);
                runs++;
            }
        }

        Assert.True(runs > 300, "expected hundreds of prefixes, ran " + runs);
    }

    [Fact]
    public void Every_token_prefix_of_a_chart_typed_fleet_and_its_chart()
    {
        // [ChartValues]: the generator types the record from the chart and binds the ApplicationSet with it, on every
        // prefix of the fleet; then the same with every prefix of the chart's values.yaml and schema.
        var files = ChartFiles.Of(ChartTypedAnalyzerTests.ChartFiles());
        var text = ChartTypedAnalyzerTests.FleetSource;
        var runs = 0;
        foreach (var cut in CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Select(t => t.Span.End).Distinct())
        {
            AssertNoCrash(new[] { ("/0/Fleet.cs", text.Substring(0, cut)) }, "prefix of the chart-typed fleet cut at " + cut, additionalFiles: files);
            runs++;
        }

        foreach (var chartFile in new[] { "values.yaml", "values.schema.json" })
        {
            var original = files.Single(f => f.Path.EndsWith("/" + chartFile, StringComparison.Ordinal)).GetText()!.ToString();
            for (var cut = 0; cut <= original.Length; cut += 3)
            {
                var cutFiles = ChartFiles.Of(ChartTypedAnalyzerTests.ChartFiles().Select(f => f.Path.EndsWith("/" + chartFile, StringComparison.Ordinal) ? (f.Path, original.Substring(0, cut)) : f).ToArray());
                AssertNoCrash(new[] { ("/0/Fleet.cs", text) }, chartFile + " cut at " + cut, additionalFiles: cutFiles);
                runs++;
            }
        }

        Assert.True(runs > 200, "expected hundreds of prefixes, ran " + runs);
    }

    [Fact]
    public void Every_token_prefix_across_project_references()
    {
        // As an editor gives it: HubDsl and a library with the values record and shared clusters arrive as
        // compilations (CompilationReference), and both the fleet and the library are half-typed.
        var runs = 0;
        var library = ReferencedProjectTests.LibrarySources;
        var fleet = ReferencedProjectTests.FleetSources;
        for (var side = 0; side < 2; side++)
        {
            var files = side == 0 ? library : fleet;
            for (var f = 0; f < files.Length; f++)
            {
                var text = files[f].Item2;
                var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Select(t => t.Span.End).Distinct().Where((_, i) => i % 3 == 0).ToList();
                foreach (var cut in tokens)
                {
                    var cutFiles = files.Select((file, i) => (file.Item1, i == f ? text.Substring(0, cut) : file.Item2)).ToArray();
                    var dsl = ReferenceLayouts.DslProject.ToMetadataReference();
                    var lib = ReferenceLayouts.Library("Shared", side == 0 ? cutFiles : library, ReferenceLayouts.Shape.Project, dsl);
                    var compilation = ReferenceLayouts.Fleet(side == 1 ? cutFiles : fleet, dsl, lib);
                    AssertNoCrash(compilation, "prefix of " + files[f].Item1 + " cut at " + cut);
                    runs++;
                }
            }
        }

        Assert.True(runs > 100, "expected hundreds of prefixes, ran " + runs);
    }

    [Fact]
    public void Random_edits_of_the_example()
    {
        var files = DeclarationAnalyzerTests.ExampleSources();
        var joined = string.Join("\n", files.Select(f => f.Item2));
        var tokens = CSharpSyntaxTree.ParseText(joined).GetRoot().DescendantTokens().Select(t => t.ToFullString()).ToArray();
        var fragments = new[] { "\"", "{", "}", "(", ")", "[", "]", ",", ";", "=", "new", "null", "$\"{", "Param.", "with", "..", "default", "\"\"", "0", "-1", "1e400", "\"64mi\"", "\"http://x\"", "ClusterSelector.All", "[Values(\"qa\")]" };
        var edit = Gen.Int[0, tokens.Length - 1].SelectMany(position => Gen.Int[0, 2].SelectMany(kind => Gen.Int[0, fragments.Length - 1].Select(fragment => (position, kind, fragment))));
        Property.Check(edit.Array[1, 4], edits =>
        {
            var edited = tokens.ToList();
            foreach (var (position, kind, fragment) in edits.OrderByDescending(e => e.position))
            {
                if (position >= edited.Count) continue;
                if (kind == 0) edited.RemoveAt(position);
                else if (kind == 1) edited.Insert(position, " " + fragments[fragment] + " ");
                else edited[position] = " " + fragments[fragment] + " ";
            }

            AssertNoCrash(new[] { ("/0/Edited.cs", string.Concat(edited)) }, "random edit");
        }, cases: 150);
    }

    [Fact]
    public void The_harness_catches_a_throwing_analyzer()
    {
        // Proves the assertions above can fail: AD0001 is how Roslyn reports an analyzer exception.
        var error = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
            AssertNoCrash(new[] { ("/0/A.cs", "class A {}") }, "throwing analyzer", ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer())));
        Assert.Contains("AD0001", error.Message);
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST001", "t", "t", "t", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxTreeAction(_ => throw new InvalidOperationException("boom"));
        }
    }

    private static void AssertNoCrash((string Path, string Source)[] sources, string what, ImmutableArray<DiagnosticAnalyzer>? analyzers = null, ImmutableArray<AdditionalText>? additionalFiles = null)
    {
        var compilation = CSharpCompilation.Create("Fuzz",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, new CSharpParseOptions(LanguageVersion.Latest), s.Path)),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        AssertNoCrash(compilation, what, analyzers, additionalFiles);
    }

    // additionalFiles: handed to the generator and the analyzers alike (the example's chart to the analyzers only when null).
    private static void AssertNoCrash(CSharpCompilation compilation, string what, ImmutableArray<DiagnosticAnalyzer>? analyzers = null, ImmutableArray<AdditionalText>? additionalFiles = null)
    {
        var driver = CSharpGeneratorDriver.Create([new ManifestGenerator().AsSourceGenerator()], additionalTexts: additionalFiles ?? ImmutableArray<AdditionalText>.Empty, parseOptions: new CSharpParseOptions(LanguageVersion.Latest))
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.True(result.Exception is null, what + ": generator threw " + result.Exception);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Id == "CS8785");

        var analysis = output.WithAnalyzers(analyzers ?? Analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(additionalFiles ?? ChartFiles.Example()), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = analysis.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        var crash = diagnostics.FirstOrDefault(d => d.Id == "AD0001");
        Assert.True(crash is null, what + ": " + crash);
    }
}
