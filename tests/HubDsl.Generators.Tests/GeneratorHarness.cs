using System.Collections.Immutable;
using HubDsl.Core.Manifests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HubDsl.Generators.Tests;

/// <summary>Compiles fleet sources against the real HubDsl library and runs the generator with step tracking.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(HubDsl.Cluster).Assembly.Location))
            .ToImmutableArray();
    });

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(params (string Path, string Source)[] files) => Compile("Fleet", files);

    private static CSharpCompilation Compile(string assemblyName, (string Path, string Source)[] files) =>
        CSharpCompilation.Create(
            assemblyName,
            files.Select(f => CSharpSyntaxTree.ParseText(f.Source, ParseOptions, f.Path)),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A driver with step tracking; <paramref name="fleet"/> is the project's HubDslFleet property, if declared.</summary>
    /// <remarks>
    /// The example's chart is handed over as additional files, as the package's props do in its build: its values record
    /// is typed from it ([ChartValues("helm")]). Nothing else reads them unless a record asks for a chart named helm.
    /// </remarks>
    public static GeneratorDriver CreateDriver(string? fleet = null) => CSharpGeneratorDriver.Create(
        new[] { new ManifestGenerator().AsSourceGenerator() },
        additionalTexts: ExampleChartFiles.Value,
        parseOptions: ParseOptions,
        optionsProvider: fleet is null ? null : new HubDsl.Tests.Shared.BuildProperties(("HubDslFleet", fleet)),
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>The example's chart files, as the driver gets them (the analyzers read the same).</summary>
    public static ImmutableArray<AdditionalText> ExampleChartTexts => ExampleChartFiles.Value;

    /// <summary>Runs the generator once and returns the manifests it embedded, checking the output compiles cleanly.</summary>
    public static IReadOnlyList<ManifestFile> Generate(params (string Path, string Source)[] files) => Generate(Compile(files));

    /// <summary>The example's manifests as its own build makes them (its assembly name gives the fleet label).</summary>
    public static IReadOnlyList<ManifestFile> GenerateExample(string example) => Generate(Compile(example, ExampleSources(example)));

    private static IReadOnlyList<ManifestFile> Generate(CSharpCompilation compilation)
    {
        // With the generator's output: a [ChartValues] record's properties exist only there.
        CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, "test sources do not compile: " + string.Join("\n", errors));
        return ManifestsOf(output);
    }

    /// <summary>Reads the [assembly: GeneratedManifest(path, content)] attributes of the generated trees.</summary>
    public static IReadOnlyList<ManifestFile> ManifestsOf(Compilation output)
    {
        var files = new List<ManifestFile>();
        foreach (var tree in output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)))
        {
            foreach (var attribute in tree.GetRoot().DescendantNodes().OfType<AttributeSyntax>())
            {
                if (!attribute.Name.ToString().Contains("GeneratedManifest", StringComparison.Ordinal)) continue; // [ChartValues] records carry [ValuesKey]
                var args = attribute.ArgumentList!.Arguments.Select(a => ((LiteralExpressionSyntax)a.Expression).Token.ValueText).ToList();
                files.Add(new ManifestFile(args[0], args[1]));
            }
        }

        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>The repository root, found from this source file's path.</summary>
    public static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    private static readonly Lazy<ImmutableArray<AdditionalText>> ExampleChartFiles = new(() =>
    {
        var folder = Path.Combine(RepositoryRoot(), "examples", "AgentFleet", "helm");
        return Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is "Chart.yaml" or "values.yaml" or "values.schema.json" || f.Contains(Path.DirectorySeparatorChar + "templates" + Path.DirectorySeparatorChar))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (AdditionalText)new ChartTypedFleet.InMemoryText(f.Replace('\\', '/'), File.ReadAllText(f)))
            .ToImmutableArray();
    });

    /// <summary>The example's C# sources.</summary>
    public static (string Path, string Source)[] ExampleSources(string example) =>
        Directory.GetFiles(Path.Combine(RepositoryRoot(), "examples", example), "*.cs")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (p, File.ReadAllText(p)))
            .ToArray();
}
