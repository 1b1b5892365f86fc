using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace HubDsl.Analyzers.Tests;

using Verify = AnalyzerVerifier<TemplateAnalyzer>;

/// <summary>HUB002, HUB005, HUB008, HUB009, HUB017: the ApplicationSet rendered against the declared clusters.</summary>
public sealed class TemplateAnalyzerTests
{
    private static DiagnosticResult Warning(string id) => new(id, DiagnosticSeverity.Warning);

    [Fact]
    public Task HUB002_the_scenario_replicas_parameter_is_never_produced() => Verify.VerifyAsync(Sources.Make(templateExtra: """
                Labels = { ["replicas"] = {|#0:"{{replicas}}"|} },
        """),
        Verify.Diagnostic("HUB002").WithLocation(0).WithArguments(
            "App.Template: metadata.labels.replicas uses 'replicas', which the Cluster generator does not produce for clusters 'prod', 'staging'; Argo CD renders the literal text '{{...}}' there, without any error. Use Param.Name, Param.Server, Param.Label(...) and the other Param members, which cannot be misspelt."));

    [Fact]
    public Task HUB002_did_you_mean_for_a_misspelt_raw_parameter() => Verify.VerifyAsync(Sources.Make(templateExtra: """
                Annotations = { ["owner"] = {|#0:"team-{{nmae}}"|} },
        """),
        Verify.Diagnostic("HUB002").WithLocation(0).WithArguments(
            "App.Template: metadata.annotations.owner uses 'nmae', which the Cluster generator does not produce for clusters 'prod', 'staging'; Argo CD renders the literal text '{{...}}' there, without any error. Did you mean 'name'? Use Param.Name, Param.Server, Param.Label(...) and the other Param members, which cannot be misspelt."));

    [Fact]
    public Task HUB002_a_targeted_cluster_without_the_env_label() => Verify.VerifyAsync(
        Sources.Make(clusters: Sources.DefaultClusters + """
                public static readonly Cluster Dr = new("dr", "https://dr.example.com") { Labels = { ["deploy"] = "true" } };
            """).Replace("$\"values-{Param.Label(\"env\")}.yaml\"", "{|#0:$\"values-{Param.Label(\"env\")}.yaml\"|}"),
        Verify.Diagnostic("HUB002").WithLocation(0).WithArguments(
            "App.Template: spec.source.helm.valueFiles[1] uses 'metadata.labels.env', which the Cluster generator does not produce for cluster 'dr'; Argo CD renders the literal text '{{...}}' there, without any error. Add the label to cluster 'dr', or select only clusters that have it."));

    [Fact]
    public Task HUB002_the_in_cluster_pseudo_cluster_has_no_labels() => Verify.VerifyAsync(
        Sources.Make(selector: "ClusterSelector.All").Replace("$\"values-{Param.Label(\"env\")}.yaml\"", "{|#0:$\"values-{Param.Label(\"env\")}.yaml\"|}"),
        Verify.Diagnostic("HUB002").WithLocation(0).WithArguments(
            "App.Template: spec.source.helm.valueFiles[1] uses 'metadata.labels.env', which the Cluster generator does not produce for cluster 'in-cluster'; Argo CD renders the literal text '{{...}}' there, without any error. The in-cluster pseudo-cluster, targeted because the selector is empty, has no labels, annotations or values; select clusters by label."));

    [Fact]
    public Task HUB005_a_selector_that_matches_no_cluster() => Verify.VerifyAsync(Sources.Make(selector: "{|#0:ClusterSelector.WithLabels((\"deploy\", \"yes\"))|}", values: """
            [Values] public static readonly AppValues Defaults = new();
        """),
        Warning("HUB005").WithLocation(0).WithArguments("App: the cluster selector (deploy=yes) matches none of the 2 declared cluster(s), so Argo CD generates no Application. Fix the selector or the clusters' labels."));

    [Fact]
    public Task HUB008_a_cluster_name_that_is_not_a_valid_application_name() => Verify.VerifyAsync(
        Sources.Make(clusters: """
                public static readonly Cluster Prod = new("Prod_EU", "https://prod.example.com") { Labels = { ["env"] = "prod", ["deploy"] = "true" } };
            """, values: """
                [Values] public static readonly AppValues Defaults = new();
                [Values("prod")] public static readonly AppValues Prod = Defaults;
            """).Replace("new($\"app-{Param.Name}\")", "new({|#0:$\"app-{Param.Name}\"|})"),
        Verify.Diagnostic("HUB008").WithLocation(0).WithArguments(
            "App.Template: the Application name for cluster 'Prod_EU' renders as 'app-Prod_EU', which is not a lowercase RFC 1123 name; the API server rejects it and Argo CD keeps failing. Use Param.NameNormalized instead of Param.Name."));

    [Fact]
    public Task HUB009_every_cluster_gets_the_same_application_name() => Verify.VerifyAsync(
        Sources.Make().Replace("new($\"app-{Param.Name}\")", "new({|#0:\"app\"|})"),
        Verify.Diagnostic("HUB009").WithLocation(0).WithArguments(
            "App.Template: clusters 'prod', 'staging' all get the Application name 'app'; Argo CD skips every copy of a duplicated name, so none of them deploys. Put a per-cluster parameter such as Param.Name in the name."));

    [Fact]
    public Task HUB017_go_syntax_in_a_fasttemplate_ApplicationSet() => Verify.VerifyAsync(Sources.Make(templateExtra: """
                Labels = { ["cluster"] = {|#0:"{{ .name }}"|} },
        """),
        Verify.Diagnostic("HUB017").WithLocation(0).WithArguments(
            "App.Template: '{{ .name }}' is goTemplate syntax, but this ApplicationSet uses fasttemplate, which leaves it in place literally. Write '{{name}}'-style keys, use Param members, or set GoTemplate = true."));

    [Fact]
    public Task HUB017_fasttemplate_syntax_in_a_goTemplate_ApplicationSet() => Verify.VerifyAsync(
        Sources.Make(templateExtra: """
                Labels = { ["cluster"] = {|#0:"{{name}}"|} },
        """).Replace("[ApplicationSet(\"app\")]", "[ApplicationSet(\"app\", GoTemplate = true)]"),
        Verify.Diagnostic("HUB017").WithLocation(0).WithArguments(
            "App.Template: this goTemplate ApplicationSet cannot parse '{{name}}': template: base:1: function \"name\" not defined. In goTemplate mode parameters are written '{{ .name }}', and labels with '-' or '/' as '{{ index .metadata.labels \"my-label\" }}'; Param members write them correctly."));

    [Fact]
    public Task Valid_fleets_in_both_modes_are_silent() => Task.WhenAll(
        Verify.VerifyAsync(Sources.Make()),
        Verify.VerifyAsync(Sources.Make().Replace("[ApplicationSet(\"app\")]", "[ApplicationSet(\"app\", GoTemplate = true, MissingKey = MissingKey.Error)]")),
        Verify.VerifyAsync(DeclarationAnalyzerTests.ExampleSources()));
}

/// <summary>HUB016: RollingSync steps against the generated Applications' labels.</summary>
public sealed class RollingSyncTests
{
    private const string Rollout = """
                Labels = { ["env"] = Param.Label("env") },
        """;

    private static string Make(string steps) => Sources.Make(
        clusters: Sources.DefaultClusters + "\n" + """
                public static readonly Cluster Dr = new("dr", "https://dr.example.com") { Labels = { ["env"] = "dr", ["deploy"] = "true" } };
            """,
        templateExtra: Rollout,
        values: Sources.DefaultValues + "\n" + """
                [Values("dr")] public static readonly AppValues Dr = Prod;
                public static readonly RollingSync Rollout = STEPS;
            """.Replace("STEPS", steps));

    [Fact]
    public Task HUB016_a_step_that_selects_nothing_and_an_application_no_step_covers() => AnalyzerVerifier<TemplateAnalyzer>.VerifyAsync(
        Make("""
            {|#1:new(
                    new RollingSyncStep(LabelExpression.In("env", "staging")),
                    {|#0:new RollingSyncStep(LabelExpression.In("env", "qa"))|},
                    new RollingSyncStep(LabelExpression.In("env", "prod")) { MaxUpdate = "50%" })|}
            """),
        new DiagnosticResult("HUB016", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("App: RollingSync step 2 selects none of the generated Applications; the rollout skips it. Check its expressions against the template's Labels."),
        new DiagnosticResult("HUB016", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("App: no RollingSync step selects the Application for cluster 'dr', so the rollout never syncs it (RollingSync also turns automated sync off). Add a step, or a template label the steps match."));

    [Fact]
    public Task Steps_that_cover_every_application_are_silent_including_NotIn_on_a_missing_label() => AnalyzerVerifier<TemplateAnalyzer>.VerifyAsync(
        Make("""
            new(
                    new RollingSyncStep(LabelExpression.In("env", "staging")),
                    new RollingSyncStep(LabelExpression.NotIn("env", "staging"), LabelExpression.NotIn("tier", "gold")))
            """));
}

/// <summary>HUB018: an ApplicationSet against its AppProject's declared limits.</summary>
public sealed class AppProjectTests
{
    private static string Make(string project) => Sources.Make(values: Sources.DefaultValues + "\n" + """
                public static readonly AppProject Project = PROJECT;
            """.Replace("PROJECT", project));

    [Fact]
    public Task HUB018_a_repository_outside_SourceRepos() => AnalyzerVerifier<TemplateAnalyzer>.VerifyAsync(
        Make("new(\"app\") { SourceRepos = [\"https://github.com/other/*\"] }").Replace("new HelmSource(\"https://github.com/example/app\"", "new HelmSource({|#0:\"https://github.com/example/app\"|}"),
        AnalyzerVerifier<TemplateAnalyzer>.Diagnostic("HUB018").WithLocation(0).WithArguments(
            "App: the source repository 'https://github.com/example/app' is not among AppProject 'app' SourceRepos (https://github.com/other/*); Argo CD refuses the Applications. Add it to SourceRepos or use an allowed repository."));

    [Fact]
    public Task HUB018_a_targeted_cluster_outside_Destinations() => AnalyzerVerifier<TemplateAnalyzer>.VerifyAsync(
        Make("{|#0:new(\"app\") { Destinations = [new(\"https://prod.example.com\", \"*\")] }|}"),
        AnalyzerVerifier<TemplateAnalyzer>.Diagnostic("HUB018").WithLocation(0).WithArguments(
            "App: AppProject 'app' does not allow namespace 'app' on cluster 'staging', which the selector targets; Argo CD refuses those Applications. Add the destinations to the project or narrow the selector."));

    [Fact]
    public Task Derived_or_wide_enough_limits_are_silent() => Task.WhenAll(
        AnalyzerVerifier<TemplateAnalyzer>.VerifyAsync(Make("new(\"app\")")),
        AnalyzerVerifier<TemplateAnalyzer>.VerifyAsync(Make("new(\"app\") { SourceRepos = [\"https://github.com/example/*\"], Destinations = [new(\"https://*.example.com\", \"app\")] }")));
}
