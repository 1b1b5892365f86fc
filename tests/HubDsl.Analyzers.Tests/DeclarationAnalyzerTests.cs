using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HubDsl.Analyzers.Tests;

using Verify = AnalyzerVerifier<DeclarationAnalyzer>;

/// <summary>HUB001 fires on the exact expression that cannot be evaluated, and stays silent on valid fleets.</summary>
public sealed class DeclarationAnalyzerTests
{
    [Fact]
    public Task HUB001_on_a_method_call_in_a_cluster() => Verify.VerifyAsync("""
        using HubDsl;
        [Fleet]
        public static class Fleet
        {
            public static readonly Cluster Prod = new("prod", {|#0:System.Environment.GetEnvironmentVariable("PROD_URL")|}!);
        }
        """,
        Verify.Diagnostic("HUB001").WithLocation(0).WithArguments(
            "Fleet.Prod: calling 'Environment.GetEnvironmentVariable' cannot be evaluated at compile time: HubDsl does not run your code during the build. Use a literal or a declared static member instead."));

    [Fact]
    public Task HUB001_on_a_format_specifier_in_a_template() => Verify.VerifyAsync("""
        using HubDsl;
        [ApplicationSet("app")]
        public static class App
        {
            public const int Port = 8080;
            public static readonly ClusterSelector Targets = ClusterSelector.All;
            public static readonly ApplicationTemplate Template = new($"app-{Param.Name}")
            {
                Destination = new(Param.Server, $"ns-{|HUB001:{Port:D5}|}"),
                Source = new HelmSource("https://example.com/repo.git", "chart"),
            };
        }
        """);

    [Fact]
    public Task HUB001_on_an_incomplete_ApplicationSet_names_what_is_missing() => Verify.VerifyAsync("""
        using HubDsl;
        [ApplicationSet("app")]
        public static class {|#0:App|}
        {
            public static readonly ClusterSelector Targets = ClusterSelector.All;
        }
        """,
        Verify.Diagnostic("HUB001").WithLocation(0).WithArguments(
            "App: needs an ApplicationTemplate member, e.g. public static readonly ApplicationTemplate Template = new($\"app-{Param.Name}\") { ... };"));

    [Fact]
    public Task Silent_on_the_AgentFleet_example() => Verify.VerifyAsync(ExampleSources());

    [Fact]
    public Task Silent_on_classes_without_HubDsl_attributes() => Verify.VerifyAsync("""
        public static class NotAFleet
        {
            public static readonly string Url = System.Environment.GetEnvironmentVariable("URL") ?? "";
        }
        """);

    /// <summary>
    /// The example's C# sources, with the source the generator writes for its [ChartValues] record (AgentValues, typed
    /// from helm/): the analyzers run on the compilation that includes the generator's output, and these tests hand the
    /// analyzers sources without running the generator. The record's path is the one Roslyn gives the generator's output.
    /// </summary>
    internal static (string, string)[] ExampleSources([System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        var folder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "examples", "AgentFleet"));
        var sources = Directory.GetFiles(folder, "*.cs").OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => ("/0/" + Path.GetFileName(p), File.ReadAllText(p))).ToArray();
        return sources.Concat(ExampleRecords.Value.Select(r => ("/0/" + r.Path, r.Text))).ToArray();
    }

    // The generator's [ChartValues] sources for the example, from the example's chart.
    private static readonly Lazy<(string Path, string Text)[]> ExampleRecords = new(() =>
    {
        var folder = Path.GetFullPath(Path.Combine(GeneratorFolder(), "..", "..", "examples", "AgentFleet"));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).Append(MetadataReference.CreateFromFile(typeof(HubDsl.Cluster).Assembly.Location));
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("AgentFleet", Directory.GetFiles(folder, "*.cs").Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), parse, p)), references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        CSharpGeneratorDriver.Create([new HubDsl.Generators.ManifestGenerator().AsSourceGenerator()], additionalTexts: ChartFiles.Example(), parseOptions: parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var records = output.SyntaxTrees.Where(t => t.FilePath.Contains("HubDsl.ChartValues.", StringComparison.Ordinal)).Select(t => (t.FilePath.Replace('\\', '/'), t.ToString())).ToArray();
        Assert.NotEmpty(records);
        return records;
    });

    private static string GeneratorFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
