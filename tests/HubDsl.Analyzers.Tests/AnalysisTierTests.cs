using System.Collections.Immutable;
using System.Text.RegularExpressions;
using System.Threading;
using HubDsl.Generators.Caching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Analyzers.Tests;

/// <summary>
/// The analyzers bind a clean fleet position-free through the generator's evaluation cache and stop there; an error
/// or a finding switches to binding with spans the declarations it belongs to, and the diagnostics are exactly where
/// binding every declaration with spans puts them.
/// </summary>
public sealed class AnalysisTierTests
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(HubDsl.Cluster).Assembly.Location))
            .ToImmutableArray());

    private const string DuplicateName = """
            public static readonly Cluster Prod2 = new({|#0:"prod"|}, "https://prod-2.example.com") { Labels = { ["env"] = "prod", ["deploy"] = "true" } };
        """;

    [Fact]
    public void A_clean_fleet_is_analysed_without_spans_through_the_evaluation_cache()
    {
        var compilation = Compile(Sources.Make());
        var analysis = FleetAnalysis.For(compilation, null, CancellationToken.None);

        Assert.Empty(analysis.Errors);
        Assert.Empty(analysis.Findings);
        Assert.False(analysis.IsPositioned);
        Assert.All(analysis.ApplicationSets, a => Assert.Null(a.Origin));
        Assert.True(EvaluationCaches.Statistics(compilation.AssemblyName!).Stored > 0, "the quick tier did not go through the evaluation cache");
    }

    [Fact]
    public async Task One_finding_switches_to_binding_with_spans_and_keeps_its_exact_place()
    {
        var source = Sources.Make(clusters: Sources.DefaultClusters + DuplicateName);
        var analysis = FleetAnalysis.For(Compile(WithoutMarkup(source)), null, CancellationToken.None);
        var finding = Assert.Single(analysis.Findings);
        Assert.True(analysis.IsPositioned);
        Assert.NotNull(finding.Origin);

        await AnalyzerVerifier<ClusterAnalyzer>.VerifyAsync(source, AnalyzerVerifier<ClusterAnalyzer>.Diagnostic("HUB006").WithLocation(0)
            .WithArguments("Clusters.Prod2: cluster name 'prod' is already used by Clusters.Prod. Argo CD keys clusters by name and keeps only one of them; give each cluster a unique name."));
    }

    [Fact]
    public void An_error_switches_to_binding_with_spans()
    {
        var source = Sources.Make(clusters: Sources.DefaultClusters.Replace("\"https://staging.example.com\"", "System.Environment.GetEnvironmentVariable(\"X\")!", StringComparison.Ordinal));
        var analysis = FleetAnalysis.For(Compile(source), null, CancellationToken.None);

        var (error, _) = Assert.Single(analysis.Errors);
        Assert.True(analysis.IsPositioned);
        Assert.NotNull(error.Origin);
        Assert.Equal("System.Environment.GetEnvironmentVariable(\"X\")", source.Substring(error.Origin!.Start, error.Origin.Length));
    }

    [Fact]
    public async Task A_chart_finding_in_a_clean_fleet_is_placed_exactly()
    {
        var source = Sources.Make().Replace("public int Replicas { get; init; } = 1;", "public int Replicas { get; init; } = 7;", StringComparison.Ordinal);
        var compilation = Compile(source);
        var options = new AnalyzerOptions(ChartFiles.Of(ChartValuesAnalyzerTests.Chart("replicaCount: 1\nresources: {}\ndbPassword: ''\n")));

        var diagnostics = await compilation.WithAnalyzers([new ChartValuesAnalyzer()], options).GetAnalyzerDiagnosticsAsync();

        Assert.False(FleetAnalysis.For(compilation, options, CancellationToken.None).IsPositioned);
        var unread = diagnostics.Where(d => d.Id == "HUB025").ToList();
        Assert.NotEmpty(unread);
        // The default written in the values record, and Prod's override (Defaults with { Replicas = 3 }).
        Assert.Contains(unread, d => d.Location.SourceSpan.Start == source.IndexOf("= 7;", StringComparison.Ordinal) + 2 && d.Location.SourceSpan.Length == 1);
        Assert.Contains(unread, d => d.Location.SourceSpan.Start == source.IndexOf("Replicas = 3", StringComparison.Ordinal) + "Replicas = ".Length && d.Location.SourceSpan.Length == 1);
    }

    [Fact]
    public void A_values_edit_in_a_clean_fleet_reuses_the_render_of_every_Application()
    {
        var source = Sources.Make();
        var first = Compile(source);
        var renders = EvaluationCaches.Renders(first);
        Assert.Empty(FleetAnalysis.For(first, null, CancellationToken.None).Findings);
        var reused = renders.Reused;

        var edited = Recompile(first, source.Replace("Defaults with { Replicas = 3 }", "Defaults with { Replicas = 4 }", StringComparison.Ordinal));
        var analysis = FleetAnalysis.For(edited, null, CancellationToken.None);

        Assert.Empty(analysis.Findings);
        Assert.False(analysis.IsPositioned);
        Assert.Equal(reused + 1, renders.Reused);
    }

    [Fact]
    public void An_edit_that_changes_what_is_rendered_renders_again()
    {
        // Prod's env label becomes "qa": its Application reads values-qa.yaml, which no [Values("qa")] generates (HUB).
        var source = Sources.Make();
        var first = Compile(source);
        var renders = EvaluationCaches.Renders(first);
        Assert.Empty(FleetAnalysis.For(first, null, CancellationToken.None).Findings);
        var reused = renders.Reused;

        var edited = Recompile(first, source.Replace("Labels = { [\"env\"] = \"prod\"", "Labels = { [\"env\"] = \"qa\"", StringComparison.Ordinal));
        var analysis = FleetAnalysis.For(edited, null, CancellationToken.None);

        Assert.Equal(reused, renders.Reused);
        Assert.Contains(analysis.Findings, f => f.Id == HubDsl.Core.Validation.DiagnosticIds.MissingEnvironmentValues && f.Origin is not null);
        Assert.True(analysis.IsPositioned);
    }

    // A second ApplicationSet, clean, beside the fleet of Sources.Make: NAME and ACCESS vary.
    private const string Web = """

        [ApplicationSet(NAME)]
        public static class Web
        {
            public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("deploy", "true"));
            public static readonly DeployedResources Deploys = new(ApiResource.Deployments);

            public static readonly ApplicationTemplate Template = new($"web-{Param.Name}")
            {
                Destination = new(Param.Server, "web"),
                Source = new HelmSource("https://github.com/example/web", "chart/", "main"),
            };
        }
        """;

    [Fact]
    public void A_finding_in_one_ApplicationSet_binds_only_that_declaration_with_spans()
    {
        var source = Sources.Make(values: Sources.DefaultValues.Replace("Defaults with { Replicas = 3 }", "Defaults with { Replicas = 3, DbPassword = \"hunter2-prod\" }", StringComparison.Ordinal))
            + Web.Replace("NAME", "\"web\"", StringComparison.Ordinal);
        var compilation = Compile(source);
        var analysis = FleetAnalysis.For(compilation, null, CancellationToken.None);

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(HubDsl.Core.Validation.DiagnosticIds.CredentialLiteral, finding.Id);
        Assert.Equal("App", finding.Declaration);
        Assert.Equal(["App"], analysis.BoundWithOrigins);
        Assert.Equal("\"hunter2-prod\"", source.Substring(finding.Origin!.Start, finding.Origin.Length));
        Assert.All(analysis.ApplicationSets.Where(a => a.ClassName != "App"), a => Assert.Null(a.Origin));
        Assert.Equal(Placed(WithEveryDeclarationPositioned(compilation)), Placed(analysis.Findings));
    }

    [Theory]
    // Two ApplicationSets generate one file (HUB019 names both, each placed in its own declaration).
    [InlineData("\"app\"", "Access = SpokeAccess.ClusterAdmin", "HUB019", new[] { "App", "Web" })]
    // A LeastPrivilege cluster without a [Hub] (HUB022 placed in the fleet) and an ApplicationSet that declares nothing
    // the cluster's access needs (HUB022 naming the cluster, placed in the ApplicationSet).
    [InlineData("\"web\"", "Access = SpokeAccess.LeastPrivilege", "HUB022", new[] { "Clusters", "App" })]
    public void Findings_across_declarations_are_placed_as_binding_every_declaration_with_spans_places_them(string webName, string prodAccess, string id, string[] positioned)
    {
        var source = Sources.Make(clusters: Sources.DefaultClusters.Replace("[\"deploy\"] = \"true\" } };\n", "[\"deploy\"] = \"true\" }, " + prodAccess + " };\n", StringComparison.Ordinal))
            + Web.Replace("NAME", webName, StringComparison.Ordinal);
        Assert.Contains(prodAccess, source, StringComparison.Ordinal);
        var compilation = Compile(source);
        var analysis = FleetAnalysis.For(compilation, null, CancellationToken.None);

        Assert.All(positioned, owner => Assert.Contains(analysis.Findings, f => f.Id == id && f.Declaration == owner));
        Assert.Equal(positioned, analysis.BoundWithOrigins);
        Assert.All(analysis.Findings, f => Assert.NotNull(f.Origin));
        Assert.Equal(Placed(WithEveryDeclarationPositioned(compilation)), Placed(analysis.Findings));
    }

    // What the analyzers reported before: every declaration bound with spans, then validated.
    private static IReadOnlyList<HubDsl.Core.Analysis.Finding> WithEveryDeclarationPositioned(Compilation compilation) =>
        BoundDeclarations.Bind(compilation, FleetDeclarations.Of(compilation, CancellationToken.None), HubDsl.Core.Manifests.FleetIdentity.Resolve(null, compilation.AssemblyName), recordOrigins: true, caches: null, renders: null, CancellationToken.None).Findings;

    private static List<string> Placed(IEnumerable<HubDsl.Core.Analysis.Finding> findings) =>
        findings.Select(f => f.Id + " " + f.Origin + " " + f.Message + " " + string.Join(",", f.Properties.Select(p => p.Key + "=" + p.Value))).ToList();

    private static CSharpCompilation Recompile(CSharpCompilation compilation, string source)
    {
        var tree = compilation.SyntaxTrees.Single();
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(source)));
    }

    private static string WithoutMarkup(string source) => Regex.Replace(source, @"\{\|#\d+:|\|\}", string.Empty);

    private static CSharpCompilation Compile(string source) =>
        CSharpCompilation.Create("Tier-" + Guid.NewGuid().ToString("N"), [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), path: "/0/Test0.cs")], References.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}
