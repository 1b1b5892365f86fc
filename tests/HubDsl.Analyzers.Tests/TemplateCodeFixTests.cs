using HubDsl.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace HubDsl.Analyzers.Tests;

/// <summary>Code fixes for HUB002 (did-you-mean), HUB003 (add values), HUB004 (remove values) and HUB008 (normalized name).</summary>
public sealed class TemplateCodeFixTests
{
    [Fact]
    public Task HUB002_did_you_mean_replaces_the_misspelt_parameter()
    {
        var source = Sources.Make(templateExtra: """
                    Annotations = { ["owner"] = {|#0:"team-{{nmae}}"|}, ["where"] = {|#1:"{{ sever }}"|} },
            """);
        var fixedSource = source.Replace("{|#0:\"team-{{nmae}}\"|}", "\"team-{{name}}\"").Replace("{|#1:\"{{ sever }}\"|}", "\"{{server}}\"");
        return CodeFixVerifier<TemplateAnalyzer, ReplaceParameterCodeFixProvider>.VerifyAsync(source, fixedSource, new[]
        {
            AnalyzerVerifier<TemplateAnalyzer>.Diagnostic("HUB002").WithLocation(0).WithArguments("App.Template: metadata.annotations.owner uses 'nmae', which the Cluster generator does not produce for clusters 'prod', 'staging'; Argo CD renders the literal text '{{...}}' there, without any error. Did you mean 'name'? Use Param.Name, Param.Server, Param.Label(...) and the other Param members, which cannot be misspelt."),
            AnalyzerVerifier<TemplateAnalyzer>.Diagnostic("HUB002").WithLocation(1).WithArguments("App.Template: metadata.annotations.where uses 'sever', which the Cluster generator does not produce for clusters 'prod', 'staging'; Argo CD renders the literal text '{{...}}' there, without any error. Did you mean 'server'? Use Param.Name, Param.Server, Param.Label(...) and the other Param members, which cannot be misspelt."),
        });
    }

    [Fact]
    public Task HUB008_uses_the_normalized_name()
    {
        var source = Sources.Make(clusters: """
                public static readonly Cluster Prod = new("Prod_EU", "https://prod.example.com") { Labels = { ["env"] = "prod", ["deploy"] = "true" } };
            """, values: """
                [Values] public static readonly AppValues Defaults = new();
                [Values("prod")] public static readonly AppValues Prod = Defaults;
            """).Replace("new($\"app-{Param.Name}\")", "new({|#0:$\"app-{Param.Name}\"|})");
        var fixedSource = source.Replace("{|#0:$\"app-{Param.Name}\"|}", "$\"app-{Param.NameNormalized}\"");
        return CodeFixVerifier<TemplateAnalyzer, ReplaceParameterCodeFixProvider>.VerifyAsync(source, fixedSource, new[]
        {
            AnalyzerVerifier<TemplateAnalyzer>.Diagnostic("HUB008").WithLocation(0).WithArguments("App.Template: the Application name for cluster 'Prod_EU' renders as 'app-Prod_EU', which is not a lowercase RFC 1123 name; the API server rejects it and Argo CD keeps failing. Use Param.NameNormalized instead of Param.Name."),
        });
    }

    [Fact]
    public Task HUB003_declares_values_for_the_missing_environment_from_the_defaults()
    {
        var source = Sources.Make(clusters: Sources.DefaultClusters + "\n" + """
                public static readonly Cluster Qa = new("qa", "https://qa.example.com") { Labels = { ["env"] = "qa", ["deploy"] = "true" } };
            """).Replace("$\"values-{Param.Label(\"env\")}.yaml\"", "{|#0:$\"values-{Param.Label(\"env\")}.yaml\"|}");
        var fixedSource = source.Replace("{|#0:$\"values-{Param.Label(\"env\")}.yaml\"|}", "$\"values-{Param.Label(\"env\")}.yaml\"")
            .Replace("    [Values] public static readonly AppValues Defaults = new();\n", "    [Values] public static readonly AppValues Defaults = new();\n    [Values(\"qa\")] public static readonly AppValues Qa = Defaults;\n");
        return CodeFixVerifier<ValuesAnalyzer, EnvironmentValuesCodeFixProvider>.VerifyAsync(source, fixedSource, new[]
        {
            AnalyzerVerifier<ValuesAnalyzer>.Diagnostic("HUB003").WithLocation(0).WithArguments("App.Template: cluster 'qa' read 'values-qa.yaml', but no [Values(\"qa\")] is declared, so the file is not generated and Argo CD fails the sync. Declare values for 'qa' (they may equal the defaults)."),
        });
    }

    [Fact]
    public Task HUB004_removes_unused_values_with_fix_all()
    {
        var source = Sources.Make(values: Sources.DefaultValues + "\n" + """
                [Values("dev")] public static readonly AppValues {|#0:Dev|} = Defaults;
                [Values("test")] public static readonly AppValues {|#1:Test|} = Defaults;
            """);
        var fixedSource = Sources.Make(values: Sources.DefaultValues);
        return CodeFixVerifier<ValuesAnalyzer, EnvironmentValuesCodeFixProvider>.VerifyAsync(source, fixedSource, new[]
        {
            new DiagnosticResult("HUB004", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("App.Dev: no targeted cluster reads the values of environment 'dev' ('values-dev.yaml'). Remove them, or label a cluster for that environment."),
            new DiagnosticResult("HUB004", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("App.Test: no targeted cluster reads the values of environment 'test' ('values-test.yaml'). Remove them, or label a cluster for that environment."),
        });
    }
}
