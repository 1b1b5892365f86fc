using HubDsl.Core.Manifests;
using HubDsl.Generators.Caching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace HubDsl.Generators.Tests;

/// <summary>
/// The generator keeps evaluated member values from compilation to compilation. Whatever the edit, a warm
/// generator must write exactly what a generator that evaluates everything writes; and it must actually
/// reuse: after an edit to one cluster, only that cluster is evaluated again.
/// </summary>
[Collection(CacheStatisticsCollection.Name)]
public sealed class EvaluationCacheTests
{
    // A file of shared declarations the fleet reads from another file: a constant, a static field, a method.
    private const string SharedSource = """
        namespace AgentFleet;

        public static class Shared
        {
            public const string Region = "eu";
            public static readonly string Owner = "team-a";
            public static int Compute() { return 1; }
        }
        """;

    // Each edit switches a file between two texts; together they cover every kind of change the cache tells apart.
    private static readonly (string File, string Before, string After)[] Edits =
    {
        ("Clusters.cs", "https://dr-api.example.com", "https://dr-eu.example.com"),            // one cluster's initializer
        ("Agent.cs", "Replicas = 3,", "Replicas = 4,"),                                          // Prod, which Dr is made from
        ("AgentValues.cs", "Replicas { get; init; } = 1;", "Replicas { get; init; } = 2;"),      // a default every values member starts from
        ("Shared.cs", "Owner = \"team-a\"", "Owner = \"team-b\""),                               // a static field in another file
        ("Shared.cs", "Region = \"eu\"", "Region = \"us\""),                                     // a constant (folded by the compiler)
        ("Shared.cs", "{ return 1; }", "{ return 2; }"),                                         // a method body: changes nothing
        ("Shared.cs", "public static int Compute()", "public sealed class Extra { }\n    public static int Compute()"), // a declaration added
        ("Agent.cs", "Description = \"The agent on every spoke labelled deploy=true\"", "Description = \"The agent\""),
    };

    [Fact]
    public void A_warm_generator_writes_what_a_cold_one_writes_after_any_sequence_of_edits()
    {
        // Each case is a sequence of 80 edits (indexes into Edits), toggled one after another.
        Property.Check(CsCheck.Gen.Int[0, Edits.Length - 1].Array[80], CheckEditSequence, cases: 1);
    }

    private static void CheckEditSequence(int[] edits)
    {
        var files = Files();
        var assembly = "CacheTest-" + Guid.NewGuid().ToString("N");
        var compilation = Compile(files, assembly);
        // Both runs declare the same fleet: the reference compilation has another assembly name (its own cache).
        var driver = GeneratorHarness.CreateDriver(fleet: "cache-test").RunGenerators(compilation);
        foreach (var index in edits)
        {
            var (file, before, after) = Edits[index];
            var text = files[file];
            files[file] = text.Contains(before, StringComparison.Ordinal) ? text.Replace(before, after, StringComparison.Ordinal) : text.Replace(after, before, StringComparison.Ordinal);
            var tree = compilation.SyntaxTrees.Single(t => t.FilePath == file);
            compilation = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(files[file])));

            driver = driver.RunGenerators(compilation);
            var warm = Manifests(driver.GetRunResult());
            var cold = Manifests(GeneratorHarness.CreateDriver(fleet: "cache-test").RunGenerators(Compile(files, "Reference-" + Guid.NewGuid().ToString("N"))).GetRunResult());
            Assert.True(cold.Count > 0, "the reference run generated nothing");
            Assert.Equal(cold, warm);
        }

        Assert.True(EvaluationCaches.Statistics(assembly).Reused > 100, "the cache was never used: " + EvaluationCaches.Statistics(assembly));
    }

    [Fact]
    public void An_edit_to_one_cluster_evaluates_only_that_cluster_again()
    {
        var files = Files();
        var assembly = "CacheTest-" + Guid.NewGuid().ToString("N");
        var compilation = Compile(files, assembly);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        // The chart-typed Agent is evaluated with its generated record, in a cache of its own.
        var stored = EvaluationCaches.Statistics(assembly).Stored;
        var storedWithCharts = ChartEvaluationCaches.Statistics(assembly).Stored;

        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Clusters.cs");
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(files["Clusters.cs"].Replace("https://dr-api.example.com", "https://dr-eu.example.com", StringComparison.Ordinal))));
        var manifests = Manifests(driver.RunGenerators(edited).GetRunResult());

        // Clusters.Dr, and Agent.Failover, which reads it (new Failover("agent", Clusters.Prod, Clusters.Dr)): nothing else.
        Assert.Equal(1, EvaluationCaches.Statistics(assembly).Stored - stored);
        Assert.Equal(2, ChartEvaluationCaches.Statistics(assembly).Stored - storedWithCharts); // Agent evaluates Clusters.Dr in its own cache
        Assert.Contains(manifests, m => m.Content.Contains("https://dr-eu.example.com", StringComparison.Ordinal));
        Assert.Contains(manifests, m => m.Path == "monitoring/failover-alerts.yaml" && m.Content.Contains("server=\"https://dr-eu.example.com\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_change_to_a_member_another_member_is_made_from_reaches_it()
    {
        var files = Files();
        var assembly = "CacheTest-" + Guid.NewGuid().ToString("N");
        var compilation = Compile(files, assembly);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Agent.cs");
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(files["Agent.cs"].Replace("Replicas = 3,", "Replicas = 7,", StringComparison.Ordinal))));
        var manifests = Manifests(driver.RunGenerators(edited).GetRunResult());

        // Dr = Prod with { ... }: its values file follows Prod's edit.
        Assert.Contains("replicas: 7", manifests.Single(m => m.Path == "helm/values-dr.yaml").Content, StringComparison.Ordinal);
        Assert.Contains("replicas: 7", manifests.Single(m => m.Path == "helm/values-prod.yaml").Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_with_an_error_is_never_kept()
    {
        var files = Files();
        files["Clusters.cs"] = files["Clusters.cs"].Replace("\"https://dr-api.example.com\"", "System.Environment.GetEnvironmentVariable(\"X\")!", StringComparison.Ordinal);
        var assembly = "CacheTest-" + Guid.NewGuid().ToString("N");
        var driver = GeneratorHarness.CreateDriver().RunGenerators(Compile(files, assembly));

        Assert.DoesNotContain(Manifests(driver.GetRunResult()), m => m.Content.Contains("dr-api", StringComparison.Ordinal));
        Assert.False(EvaluationCaches.Holds(assembly, "AgentFleet.Clusters.Dr"));
        Assert.True(EvaluationCaches.Holds(assembly, "AgentFleet.Clusters.Prod"));
    }

    [Fact]
    public void Only_the_most_recently_used_projects_keep_a_cache()
    {
        var files = Files();
        var first = "CacheTest-" + Guid.NewGuid().ToString("N");
        GeneratorHarness.CreateDriver().RunGenerators(Compile(files, first));
        Assert.True(EvaluationCaches.Holds(first, "AgentFleet.Clusters.Prod"));
        for (var i = 0; i < EvaluationCaches.MaxProjects; i++)
        {
            GeneratorHarness.CreateDriver().RunGenerators(Compile(files, "CacheTest-" + Guid.NewGuid().ToString("N")));
        }

        Assert.False(EvaluationCaches.Holds(first, "AgentFleet.Clusters.Prod"));
    }

    private static Dictionary<string, string> Files()
    {
        var files = GeneratorHarness.ExampleSources("AgentFleet").ToDictionary(f => Path.GetFileName(f.Path), f => f.Source);
        files["Shared.cs"] = SharedSource;
        // The staging cluster reads the shared constant and field from the other file.
        files["Clusters.cs"] = files["Clusters.cs"].Replace(
            "Labels = { [\"env\"] = \"staging\", [\"deploy\"] = \"true\" },",
            "Labels = { [\"env\"] = \"staging\", [\"deploy\"] = \"true\", [\"region\"] = Shared.Region, [\"owner\"] = Shared.Owner },",
            StringComparison.Ordinal);
        Assert.Contains("Shared.Owner", files["Clusters.cs"], StringComparison.Ordinal);
        return files;
    }

    private static CSharpCompilation Compile(Dictionary<string, string> files, string assembly) =>
        GeneratorHarness.Compile(files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)).ToArray()).WithAssemblyName(assembly);

    private static List<ManifestFile> Manifests(GeneratorDriverRunResult result) =>
        result.Results.Single().GeneratedSources
            .SelectMany(s => GeneratorHarness.ManifestsOf(CSharpCompilation.Create("x", new[] { s.SyntaxTree })))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
}
