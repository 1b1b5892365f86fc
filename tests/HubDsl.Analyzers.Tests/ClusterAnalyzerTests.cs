namespace HubDsl.Analyzers.Tests;

using Verify = AnalyzerVerifier<ClusterAnalyzer>;

/// <summary>HUB006, HUB007, HUB012.</summary>
public sealed class ClusterAnalyzerTests
{
    [Fact]
    public Task HUB006_two_clusters_with_the_same_name() => Verify.VerifyAsync(Sources.Make(clusters: Sources.DefaultClusters + """
            public static readonly Cluster Prod2 = new({|#0:"prod"|}, "https://prod-2.example.com") { Labels = { ["env"] = "prod", ["deploy"] = "true" } };
        """),
        Verify.Diagnostic("HUB006").WithLocation(0).WithArguments("Clusters.Prod2: cluster name 'prod' is already used by Clusters.Prod. Argo CD keys clusters by name and keeps only one of them; give each cluster a unique name."));

    [Fact]
    public Task HUB007_two_clusters_with_the_same_server_even_with_a_trailing_slash() => Verify.VerifyAsync(Sources.Make(clusters: Sources.DefaultClusters + """
            public static readonly Cluster Dr = new("dr", {|#0:"https://prod.example.com/"|}) { Labels = { ["env"] = "prod", ["deploy"] = "true" } };
        """),
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult("HUB007", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("Clusters.Dr: server 'https://prod.example.com/' is also the server of Clusters.Prod. Argo CD identifies a cluster by its server URL, so one registration overwrites the other; declare each API server once."));

    [Fact]
    public Task Distinct_names_and_servers_are_silent() => Verify.VerifyAsync(Sources.Make(clusters: Sources.DefaultClusters + """
            public static readonly Cluster Dr = new("dr", "https://dr.example.com") { Labels = { ["env"] = "prod", ["deploy"] = "true" } };
        """));

    [Fact]
    public Task HUB012_invalid_label_keys_and_values() => Verify.VerifyAsync(Sources.Make(clusters: """
            public static readonly Cluster Prod = new("prod", "https://prod.example.com")
            {
                Labels = { ["env"] = "prod", ["deploy"] = "true", [{|#0:"Team/owner"|}] = "a", ["tier"] = {|#1:"gold tier"|}, ["x"] = {|#2:"-bad"|} },
            };
        """, values: """
            [Values] public static readonly AppValues Defaults = new();
            [Values("prod")] public static readonly AppValues Prod = Defaults;
        """),
        Verify.Diagnostic("HUB012").WithLocation(0).WithArguments("Clusters.Prod: label key 'Team/owner' is invalid: the prefix 'Team' must be a lowercase DNS subdomain of at most 253 characters."),
        Verify.Diagnostic("HUB012").WithLocation(1).WithArguments("Clusters.Prod: label value 'gold tier' of 'tier' is invalid: it must start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'."),
        Verify.Diagnostic("HUB012").WithLocation(2).WithArguments("Clusters.Prod: label value '-bad' of 'x' is invalid: it must start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'."));

    [Fact]
    public Task HUB012_in_a_selector() => Verify.VerifyAsync(Sources.Make(selector: "ClusterSelector.WithLabels((\"deploy\", \"true\"), ({|#0:\"bad key!\"|}, \"x\"))"),
        Verify.Diagnostic("HUB012").WithLocation(0).WithArguments("App: selector label key 'bad key!' is invalid: the name part 'bad key!' must start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'."));

    [Fact]
    public Task Valid_labels_with_prefixes_dots_and_63_characters_are_silent() => Verify.VerifyAsync(Sources.Make(clusters: """
            public static readonly Cluster Prod = new("prod", "https://prod.example.com")
            {
                Labels = { ["env"] = "prod", ["deploy"] = "true", ["team.example.com/owner"] = "pay_ments.v1", ["empty"] = "", ["long"] = "a23456789012345678901234567890123456789012345678901234567890123" },
            };
        """, values: """
            [Values] public static readonly AppValues Defaults = new();
            [Values("prod")] public static readonly AppValues Prod = Defaults;
        """));
}
