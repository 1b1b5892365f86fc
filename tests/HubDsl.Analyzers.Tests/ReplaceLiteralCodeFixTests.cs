using HubDsl.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace HubDsl.Analyzers.Tests;

/// <summary>HUB010 (unambiguous quantity) and HUB014 (http to https) fixes, one at a time and with Fix All.</summary>
public sealed class ReplaceLiteralCodeFixTests
{
    [Fact]
    public Task HUB010_fixes_64mi_and_100_m_everywhere_with_fix_all()
    {
        var source = Sources.Make(values: """
                [Values] public static readonly AppValues Defaults = new() { Resources = new(new({|#0:"64mi"|}, {|#1:"100 m"|}), new("128Mi", "500m")) };
                [Values("staging")] public static readonly AppValues Staging = Defaults;
                [Values("prod")] public static readonly AppValues Prod = Defaults with { Resources = new(new({|#2:"512MIB"|}, "1"), new("1Gi", "2")) };
            """);
        var fixedSource = source.Replace("{|#0:\"64mi\"|}", "\"64Mi\"").Replace("{|#1:\"100 m\"|}", "\"100m\"").Replace("{|#2:\"512MIB\"|}", "\"512Mi\"");
        return CodeFixVerifier<ValuesAnalyzer, ReplaceLiteralCodeFixProvider>.VerifyAsync(source, fixedSource, new[]
        {
            AnalyzerVerifier<ValuesAnalyzer>.Diagnostic("HUB010").WithLocation(0).WithArguments("App.Defaults: resources.requests.memory = '64mi' is not a Kubernetes quantity; did you mean '64Mi'?"),
            AnalyzerVerifier<ValuesAnalyzer>.Diagnostic("HUB010").WithLocation(1).WithArguments("App.Defaults: resources.requests.cpu = '100 m' is not a Kubernetes quantity; did you mean '100m'?"),
            AnalyzerVerifier<ValuesAnalyzer>.Diagnostic("HUB010").WithLocation(2).WithArguments("App.Prod: resources.requests.memory = '512MIB' is not a Kubernetes quantity; did you mean '512Mi'?"),
        });
    }

    [Fact]
    public Task HUB010_offers_no_fix_when_the_intent_is_unclear()
    {
        var source = Sources.Make(values: """
                [Values] public static readonly AppValues Defaults = new() { Resources = new(new({|#0:"1.5.Gi"|}, "1"), new("2Gi", "2")) };
                [Values("staging")] public static readonly AppValues Staging = Defaults;
                [Values("prod")] public static readonly AppValues Prod = Defaults;
            """);
        var expected = AnalyzerVerifier<ValuesAnalyzer>.Diagnostic("HUB010").WithLocation(0)
            .WithArguments("App.Defaults: resources.requests.memory = '1.5.Gi' is not a Kubernetes quantity (a number with an optional suffix such as m, Mi, Gi, k, M, G, with no spaces).");
        return CodeFixVerifier<ValuesAnalyzer, ReplaceLiteralCodeFixProvider>.VerifyAsync(source, source, new[] { expected }, remaining: new[] { expected }, iterations: 0);
    }

    [Fact]
    public Task HUB014_http_becomes_https()
    {
        var source = Sources.Make(clusters: Sources.DefaultClusters + """
                public static readonly Cluster Dr = new("dr", {|#0:"http://dr.example.com:6443"|}) { Labels = { ["env"] = "prod" } };
            """);
        var fixedSource = source.Replace("{|#0:\"http://dr.example.com:6443\"|}", "\"https://dr.example.com:6443\"");
        return CodeFixVerifier<SecurityAnalyzer, ReplaceLiteralCodeFixProvider>.VerifyAsync(source, fixedSource, new[]
        {
            new DiagnosticResult("HUB014", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Clusters.Dr: server 'http://dr.example.com:6443' is plain HTTP, so the cluster's bearer token would cross the network unencrypted. Use https://."),
        });
    }
}
