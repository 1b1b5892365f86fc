using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace HubDsl.Analyzers.Tests;

using Verify = AnalyzerVerifier<SecurityAnalyzer>;

/// <summary>HUB013, HUB014, HUB015.</summary>
public sealed class SecurityAnalyzerTests
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50In0.4bGlsig";

    [Fact]
    public Task HUB013_password_member_with_a_literal_value() => Verify.VerifyAsync(Sources.Make(values: """
            [Values] public static readonly AppValues Defaults = new();
            [Values("staging")] public static readonly AppValues Staging = Defaults;
            [Values("prod")] public static readonly AppValues Prod = Defaults with { DbPassword = {|#0:"hunter2"|} };
        """) + "\npublic sealed record Extra : HubDsl.HelmValues;\n",
        Verify.Diagnostic("HUB013").WithLocation(0).WithArguments("App.Prod: 'dbPassword' holds a password-like value as text. Secrets must never be text in Git: reference them (an ExternalSecret or the cluster's registration) instead. Put the name of the Kubernetes Secret in the values instead."))
        ;

    [Fact]
    public Task HUB013_a_JWT_in_a_cluster_annotation() => Verify.VerifyAsync(Sources.Make(clusters: Sources.DefaultClusters + """
            public static readonly Cluster Dr = new("dr", "https://dr.example.com") { Annotations = { ["token"] = {|#0:"JWT"|} } };
        """.Replace("JWT", Jwt)),
        Verify.Diagnostic("HUB013").WithLocation(0).WithArguments("Clusters.Dr: annotation 'token' holds a JWT bearer token. Secrets must never be text in Git: reference them (an ExternalSecret or the cluster's registration) instead."));

    [Fact]
    public Task A_secret_reference_by_name_is_silent() => Verify.VerifyAsync(Sources.Make(values: """
            [Values] public static readonly AppValues Defaults = new() { DbPasswordSecretName = "db-credentials" };
            [Values("staging")] public static readonly AppValues Staging = Defaults;
            [Values("prod")] public static readonly AppValues Prod = Defaults;
        """));

    [Fact]
    public Task HUB014_plain_http_and_skipped_TLS_verification() => Verify.VerifyAsync(Sources.Make(clusters: Sources.DefaultClusters + """
            public static readonly Cluster Dr = new("dr", {|#0:"http://dr.example.com"|}) { InsecureSkipTlsVerify = {|#1:true|} };
        """),
        new DiagnosticResult("HUB014", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Clusters.Dr: server 'http://dr.example.com' is plain HTTP, so the cluster's bearer token would cross the network unencrypted. Use https://."),
        new DiagnosticResult("HUB014", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("Clusters.Dr: InsecureSkipTlsVerify turns off TLS verification, so anyone on the path can impersonate the API server and read its token. Give the cluster's CA instead when registering it."));

    [Fact]
    public Task HUB015_prune_with_allowEmpty() => Verify.VerifyAsync(Sources.Make(templateExtra: """
                SyncPolicy = new() { Automated = new(Prune: true, SelfHeal: true, AllowEmpty: {|#0:true|}) },
        """),
        new DiagnosticResult("HUB015", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("App.Template: automated sync with Prune and AllowEmpty deletes everything the Application manages on every cluster if a render comes out empty (a bad commit, a wrong path). Set AllowEmpty = false."));

    [Fact]
    public Task Prune_without_allowEmpty_and_https_are_silent() => Verify.VerifyAsync(Sources.Make(templateExtra: """
                SyncPolicy = new() { Automated = new(Prune: true, SelfHeal: true, AllowEmpty: false) },
        """));
}
