using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace HubDsl.Analyzers.Tests;

/// <summary>
/// Diagnostics at the exact place: a raw parameter in an inline Helm value is reported on its string, and a
/// cluster HUB001 cannot evaluate does not cascade into findings that rest on it being absent.
/// </summary>
public sealed class ExactPlaceTests
{
    [Fact]
    public Task HUB002_a_raw_parameter_in_an_inline_Helm_value_is_reported_on_its_string() => AnalyzerVerifier<TemplateAnalyzer>.VerifyAsync(
        Sources.Make().Replace("""ValueFiles = ["values.yaml", $"values-{Param.Label("env")}.yaml"],""", """
                    ValueFiles = ["values.yaml", $"values-{Param.Label("env")}.yaml"],
                    Values = { ["cluster"] = $"{Param.Name}", ["replicas"] = {|#0:"{{replicas}}"|} },
            """),
        AnalyzerVerifier<TemplateAnalyzer>.Diagnostic("HUB002").WithLocation(0).WithArguments(
            "App.Template: spec.source.helm.values uses 'replicas', which the Cluster generator does not produce for clusters 'prod', 'staging'; Argo CD renders the literal text '{{...}}' there, without any error. Use Param.Name, Param.Server, Param.Label(...) and the other Param members, which cannot be misspelt."));

    [Fact]
    public Task HUB017_go_syntax_in_a_nested_inline_Helm_value_is_reported_on_its_string() => AnalyzerVerifier<TemplateAnalyzer>.VerifyAsync(
        Sources.Make().Replace("""ValueFiles = ["values.yaml", $"values-{Param.Label("env")}.yaml"],""", """
                    ValueFiles = ["values.yaml", $"values-{Param.Label("env")}.yaml"],
                    Values = { ["image"] = new System.Collections.Generic.Dictionary<string, object> { ["tag"] = {|#0:"{{ .name }}"|} } },
            """),
        AnalyzerVerifier<TemplateAnalyzer>.Diagnostic("HUB017").WithLocation(0).WithArguments(
            "App.Template: '{{ .name }}' is goTemplate syntax, but this ApplicationSet uses fasttemplate, which leaves it in place literally. Write '{{name}}'-style keys, use Param members, or set GoTemplate = true."));

    private const string UnevaluatedProd = """
            public static readonly Cluster Staging = new("staging", "https://staging.example.com") { Labels = { ["env"] = "staging", ["deploy"] = "true" } };
            public static readonly Cluster Prod = new("prod", {|#0:System.Environment.GetEnvironmentVariable("PROD_URL")|}!) { Labels = { ["env"] = "prod", ["deploy"] = "true", ["tier"] = "critical" } };
        """;

    [Fact]
    public async Task A_cluster_HUB001_cannot_evaluate_causes_no_HUB004_for_its_values_and_no_HUB005_for_its_selector()
    {
        // Only prod reads values-prod.yaml and only prod has tier=critical: with prod missing, HUB004 and HUB005
        // would blame the values and the selector for what is the URL's fault.
        var source = Sources.Make(clusters: UnevaluatedProd)
            .Replace("""public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("deploy", "true"));""", """public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("deploy", "true"));""")
            + """

            [ApplicationSet("critical")]
            public static class Critical
            {
                public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("tier", "critical"));
                public static readonly ApplicationTemplate Template = new($"critical-{Param.Name}")
                {
                    Destination = new(Param.Server, "critical"),
                    Source = new HubDsl.HelmSource("https://github.com/example/critical", "chart/", "main"),
                };
            }
            """;
        var diagnostics = await AllDiagnostics(source);
        Assert.Equal(new[] { "HUB001" }, diagnostics.Select(d => d.Id).ToArray());
    }

    [Fact]
    public async Task Near_miss_with_every_cluster_evaluated_HUB004_and_HUB005_still_fire()
    {
        var source = Sources.Make(clusters: """
                public static readonly Cluster Staging = new("staging", "https://staging.example.com") { Labels = { ["env"] = "staging", ["deploy"] = "true" } };
            """) + """

            [ApplicationSet("critical")]
            public static class Critical
            {
                public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("tier", "critical"));
                public static readonly ApplicationTemplate Template = new($"critical-{Param.Name}")
                {
                    Destination = new(Param.Server, "critical"),
                    Source = new HubDsl.HelmSource("https://github.com/example/critical", "chart/", "main"),
                };
            }
            """;
        var diagnostics = await AllDiagnostics(source);
        Assert.Equal(new[] { "HUB004", "HUB005" }, diagnostics.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal).ToArray());
    }

    private static async Task<ImmutableArray<Diagnostic>> AllDiagnostics(string source)
    {
        var text = source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty);
        var compilation = ReferenceLayouts.Fleet(new[] { ("/0/Test0.cs", text) }, ReferenceLayouts.DslAssembly);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation.WithAnalyzers(ReferenceLayouts.Analyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id.StartsWith("HUB", StringComparison.Ordinal) || d.Id == "AD0001").ToImmutableArray();
    }
}
