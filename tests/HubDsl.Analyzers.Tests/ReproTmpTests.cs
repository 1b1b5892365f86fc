using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Analyzers.Tests;

public sealed class ReproTmpTests
{
    [Fact]
    public async Task Repro()
    {
        var refs = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/HubDsl"));
        var dslTrees = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories).Where(p => !p.Contains("/obj/") && !p.Contains("/bin/")).Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), new CSharpParseOptions(LanguageVersion.Latest), p));
        var dsl = CSharpCompilation.Create("HubDsl", dslTrees, refs, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(dsl.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var files = DeclarationAnalyzerTests.ExampleSources();
        var fleet = CSharpCompilation.Create("Fleet", files.Select(f => CSharpSyntaxTree.ParseText(f.Item2, new CSharpParseOptions(LanguageVersion.Latest), f.Item1)), refs.Add(dsl.ToMetadataReference()), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new DeclarationAnalyzer(), new ClusterAnalyzer(), new ValuesAnalyzer(), new SecurityAnalyzer(), new TemplateAnalyzer());
        var diags = await fleet.WithAnalyzers(analyzers).GetAllDiagnosticsAsync();
        foreach (var d in diags) Console.WriteLine(d);
        Assert.DoesNotContain(diags, d => d.Id == "AD0001");
    }
}
