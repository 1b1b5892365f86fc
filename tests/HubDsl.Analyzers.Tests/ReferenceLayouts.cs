using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using HubDsl.Generators;
using HubDsl.Generators.Exports;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Analyzers.Tests;

/// <summary>
/// A fleet project, the HubDsl library and a user library, referenced the two ways hosts reference projects:
/// as a compiled file (<c>dotnet build</c> and the package: a PE reference) or as the other project's compilation
/// (an editor: a <see cref="CompilationReference"/>). Runs the generator and the five analyzers on the fleet.
/// </summary>
public static class ReferenceLayouts
{
    internal static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new DeclarationAnalyzer(), new ClusterAnalyzer(), new ValuesAnalyzer(), new SecurityAnalyzer(), new TemplateAnalyzer());

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.CSharp12);

    private static readonly CSharpCompilationOptions Options = new(OutputKind.DynamicallyLinkedLibrary);

    // The platform without the HubDsl.dll this test project copies beside itself.
    internal static readonly Lazy<ImmutableArray<MetadataReference>> Platform = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is not ("HubDsl.dll" or "HubDsl.Core.dll" or "HubDsl.Generators.dll" or "HubDsl.Analyzers.dll" or "HubDsl.CodeFixes.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    /// <summary>The HubDsl library as the package gives it.</summary>
    internal static MetadataReference DslAssembly { get; } = MetadataReference.CreateFromFile(typeof(HubDsl.Cluster).Assembly.Location);

    /// <summary>The HubDsl library as an editor gives this repository's example: the compilation of src/HubDsl.</summary>
    internal static CSharpCompilation DslProject => LazyDslProject.Value;

    private static readonly Lazy<CSharpCompilation> LazyDslProject = new(() =>
    {
        var root = Path.Combine(RepositoryRoot(), "src", "HubDsl");
        var trees = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), Parse, p));
        var compilation = CSharpCompilation.Create("HubDsl", trees, Platform.Value, Options.WithNullableContextOptions(NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "src/HubDsl does not compile: " + string.Join("\n", errors));
        return compilation;
    });

    internal static string RepositoryRoot([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    /// <summary>How the DSL and the user library reach the fleet.</summary>
    public enum Shape
    {
        /// <summary>Compiled files: <c>dotnet build</c>, the package.</summary>
        Assembly,

        /// <summary>The projects' compilations: an editor.</summary>
        Project,
    }

    internal static MetadataReference Dsl(Shape shape) => shape == Shape.Assembly ? DslAssembly : DslProject.ToMetadataReference();

    /// <summary>
    /// A library project. As an assembly it is compiled as <c>dotnet build</c> compiles it, with the HubDsl
    /// generators (unless <paramref name="withGenerator"/> is false), and emitted; as a project it is its compilation.
    /// </summary>
    internal static MetadataReference Library(string name, (string Path, string Source)[] sources, Shape shape, MetadataReference dsl, bool withGenerator = true, params MetadataReference[] more) =>
        Library(name, sources, shape, dsl, withGenerator, recordValues: null, more);

    /// <inheritdoc cref="Library(string, ValueTuple{string, string}[], Shape, MetadataReference, bool, MetadataReference[])"/>
    /// <param name="recordValues">The library's HubDslRecordValues property; null leaves it unset.</param>
    internal static MetadataReference Library(string name, (string Path, string Source)[] sources, Shape shape, MetadataReference dsl, bool withGenerator, bool? recordValues, params MetadataReference[] more)
    {
        var compilation = CSharpCompilation.Create(name, sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, Parse, s.Path)), Platform.Value.Add(dsl).AddRange(more), Options);
        if (shape == Shape.Project) return compilation.ToMetadataReference();
        var output = compilation;
        if (withGenerator)
        {
            CSharpGeneratorDriver.Create(new ISourceGenerator[] { new ManifestGenerator().AsSourceGenerator(), new ValuesExportGenerator().AsSourceGenerator() }, parseOptions: Parse, optionsProvider: HubDsl.Tests.Shared.BuildProperties.RecordValues(recordValues))
                .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
            output = (CSharpCompilation)generated;
        }

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, name + " does not compile: " + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    internal static CSharpCompilation Fleet((string Path, string Source)[] sources, params MetadataReference[] references) =>
        CSharpCompilation.Create("Fleet", sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, Parse, s.Path)), Platform.Value.AddRange(references), Options);

    /// <summary>What a host shows and writes for the fleet: its diagnostics (HUB and crashes) and its generated manifests.</summary>
    internal static async Task<Outcome> RunAsync(CSharpCompilation fleet)
    {
        var driver = CSharpGeneratorDriver.Create(new ISourceGenerator[] { new ManifestGenerator().AsSourceGenerator() }, parseOptions: Parse)
            .RunGeneratorsAndUpdateCompilation(fleet, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        var manifests = result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => s.HintName + "\n" + s.SourceText).ToList();
        var compileErrors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compileErrors.Count == 0, "the fleet does not compile: " + string.Join("\n", compileErrors));
        var diagnostics = await output.WithAnalyzers(Analyzers).GetAllDiagnosticsAsync();
        var shown = diagnostics.Concat(generatorDiagnostics)
            .Where(d => d.Id.StartsWith("HUB", StringComparison.Ordinal) || d.Id is "AD0001" or "CS8785")
            .Select(d => d.Id + " " + (d.Location.IsInSource ? d.Location.SourceTree!.FilePath + "@" + d.Location.SourceSpan : "-") + " " + d.GetMessage())
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();
        return new Outcome(shown, manifests);
    }

    internal sealed record Outcome(IReadOnlyList<string> Diagnostics, IReadOnlyList<string> Manifests)
    {
        public string AllManifests => string.Join("\n", Manifests);
    }
}
