using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace HubDsl.Analyzers.Tests;

using Verify = AnalyzerVerifier<ValuesAnalyzer>;

/// <summary>HUB003 and HUB004: value files per environment against the clusters that read them.</summary>
public sealed class EnvironmentValuesTests
{
    [Fact]
    public Task HUB003_a_targeted_cluster_reads_an_environment_with_no_values() => Verify.VerifyAsync(
        Sources.Make(clusters: Sources.DefaultClusters + """
                public static readonly Cluster Qa = new("qa", "https://qa.example.com") { Labels = { ["env"] = "qa", ["deploy"] = "true" } };
            """).Replace("$\"values-{Param.Label(\"env\")}.yaml\"", "{|#0:$\"values-{Param.Label(\"env\")}.yaml\"|}"),
        Verify.Diagnostic("HUB003").WithLocation(0).WithArguments(
            "App.Template: cluster 'qa' read 'values-qa.yaml', but no [Values(\"qa\")] is declared, so the file is not generated and Argo CD fails the sync. Declare values for 'qa' (they may equal the defaults)."));

    [Fact]
    public Task HUB004_values_for_an_environment_no_cluster_uses() => Verify.VerifyAsync(Sources.Make(values: Sources.DefaultValues + """
                [Values("dev")] public static readonly AppValues {|#0:Dev|} = Defaults;
            """),
        new DiagnosticResult("HUB004", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
            "App.Dev: no targeted cluster reads the values of environment 'dev' ('values-dev.yaml'). Remove them, or label a cluster for that environment."));

    [Fact]
    public Task Every_environment_declared_and_used_is_silent() => Verify.VerifyAsync(Sources.Make());
}
