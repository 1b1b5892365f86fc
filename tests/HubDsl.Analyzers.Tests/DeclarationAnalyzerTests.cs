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

    internal static (string, string)[] ExampleSources([System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        var folder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "examples", "AgentFleet"));
        return Directory.GetFiles(folder, "*.cs").OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => ("/0/" + Path.GetFileName(p), File.ReadAllText(p))).ToArray();
    }
}
