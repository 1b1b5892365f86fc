using System.Collections.Immutable;
using HubDsl.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Analyzers.Tests;

using Verify = AnalyzerVerifier<TemplateAnalyzer>;

/// <summary>
/// HUB021: a template that would keep Argo CD busy for hours ends, in the editor and in `dotnet build`, with a
/// diagnostic on the template string. No timing assertion: the tests assert it terminates with HUB021 (xunit's
/// timeout is only a safety net).
/// </summary>
public sealed class RenderLimitAnalyzerTests
{
    private const string NestedRange = "{{ range until 1000000 }}{{ range until 1000000 }}x{{ end }}{{ end }}";

    private static string Fleet(string annotation) => Sources.Make(templateExtra: """
                Annotations = { ["generated"] = ANNOTATION },
        """.Replace("ANNOTATION", annotation)).Replace("[ApplicationSet(\"app\")]", "[ApplicationSet(\"app\", GoTemplate = true)]");

    [Fact(Timeout = 300_000)]
    public async Task HUB021_on_a_nested_range_at_the_template_string()
    {
        await Task.Yield();
        await Verify.VerifyAsync(Fleet("{|#0:\"" + NestedRange + "\"|}"), Verify.Diagnostic("HUB021").WithLocation(0));
    }

    [Fact]
    public Task A_small_range_is_fine() => Verify.VerifyAsync(Fleet("\"{{ range until 100 }}x{{ end }}\""));

    [Fact(Timeout = 300_000)]
    public async Task A_build_with_the_nested_range_finishes_with_HUB021_and_the_generator_does_not_throw()
    {
        await Task.Yield();
        var source = Fleet("\"" + NestedRange + "\"");
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(HubDsl.Cluster).Assembly.Location));
        var compilation = CSharpCompilation.Create("Fleet", new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), "Fleet.cs") },
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        // The generator writes templates as text (Argo CD renders them), so it never runs the loop.
        var driver = CSharpGeneratorDriver.Create(new ManifestGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Null(driver.GetRunResult().Results.Single().Exception);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Id == "CS8785");

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new DeclarationAnalyzer(), new ClusterAnalyzer(), new ValuesAnalyzer(), new SecurityAnalyzer(), new TemplateAnalyzer());
        var diagnostics = await output.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        var hub021 = Assert.Single(diagnostics, d => d.Id == "HUB021");
        Assert.Equal(DiagnosticSeverity.Error, hub021.Severity);
        Assert.Contains("needs more than 2,000,000 template steps for the whole ApplicationSet", hub021.GetMessage());
        Assert.Contains("RenderOptions.ForEditor", hub021.GetMessage());
        Assert.Equal("\"" + NestedRange + "\"", hub021.Location.SourceTree!.GetText().ToString(hub021.Location.SourceSpan));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
