using HubDsl.Core.Manifests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace HubDsl.Analyzers.Tests;

using Verify = AnalyzerVerifier<ClusterAnalyzer>;

/// <summary>HUB032: an application controller shard over the hub's tolerance, reported on ControllerReplicas.</summary>
public sealed class ShardAnalyzerTests
{
    private const string Tail = " A cluster's weight is its ShardWeight, else the Applications it gets.";

    private static string WithHub(string install, params (string Name, int? Weight)[] clusters) =>
        Sources.Make(clusters: string.Concat(clusters.Select(c =>
            "    public static readonly Cluster " + char.ToUpperInvariant(c.Name[0]) + c.Name.Substring(1) + " = new(\"" + c.Name + "\", \"https://" + c.Name + ".example.com\") { Labels = { [\"env\"] = \"prod\", [\"deploy\"] = \"true\" }"
            + (c.Weight is { } w ? ", ShardWeight = " + w : string.Empty) + " };\n")),
            values: """
                [Values] public static readonly AppValues Defaults = new();
                [Values("prod")] public static readonly AppValues Prod = Defaults;
            """)
        + "\n[Hub]\npublic static class Hub\n{\n    public static readonly HubInstall Install = new(\"argocd\") { " + install + " };\n}\n";

    // Where the assignment puts each cluster (the same pure function the build uses), to name the loaded shard.
    private static int[] Shards(int shards, params (string Name, int? Weight)[] clusters) =>
        ShardAssignment.Assign(clusters.Select(c => new ShardCandidate("https://" + c.Name + ".example.com", c.Weight ?? 1)).ToList(), shards, ShardAssignment.DefaultTolerancePercent);

    private static DiagnosticResult Hub032(string message) => new DiagnosticResult("HUB032", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(message);

    [Fact]
    public Task HUB032_a_cluster_heavier_than_a_shards_share()
    {
        // Weights 1, 10, 1 (the others get one Application each): average 6, at most 7 a shard; prod alone carries 10.
        var clusters = new (string, int?)[] { ("staging", null), ("prod", 10), ("dr", null) };
        var shard = Shards(2, clusters)[1];
        return Verify.VerifyAsync(WithHub("ControllerReplicas = {|#0:2|}", clusters), Hub032(
            "Hub.Install: application controller shard " + shard + " carries 10 (prod 10), more than the average 6 plus 5% (at most 7): cluster 'prod' alone weighs 10, more than a shard's share; give it a lower ShardWeight if it costs less than that, raise ShardTolerancePercent, or use fewer ControllerReplicas." + Tail));
    }

    [Fact]
    public Task HUB032_too_few_clusters_for_the_shards()
    {
        // Three clusters of 3 on two shards: average 4.5, at most 5, but one shard must take two (6).
        var clusters = new (string, int?)[] { ("a", 3), ("b", 3), ("c", 3) };
        var shards = Shards(2, clusters);
        var loaded = shards.GroupBy(s => s).Single(g => g.Count() == 2).Key;
        var names = clusters.Where((_, i) => shards[i] == loaded).Select(c => c.Item1 + " 3");
        return Verify.VerifyAsync(WithHub("ControllerReplicas = {|#0:2|}", clusters), Hub032(
            "Hub.Install: application controller shard " + loaded + " carries 6 (" + string.Join(", ", names) + "), more than the average 4.5 plus 5% (at most 5): there are too few clusters to spread evenly over 2 shards; use fewer ControllerReplicas or raise ShardTolerancePercent." + Tail));
    }

    [Fact]
    public Task A_shard_exactly_at_its_limit_is_silent() =>
        // Three clusters of 2 on two shards: average 3, at most 4 (3.15 rounded up); one shard carries 4.
        Verify.VerifyAsync(WithHub("ControllerReplicas = 2", ("a", 2), ("b", 2), ("c", 2)));

    [Fact]
    public Task A_wider_tolerance_is_silent() =>
        Verify.VerifyAsync(WithHub("ControllerReplicas = 2, ShardTolerancePercent = 100", ("staging", null), ("prod", 10), ("dr", null)));

    [Fact]
    public Task One_controller_is_silent_however_heavy_a_cluster() =>
        Verify.VerifyAsync(WithHub("ControllerReplicas = 1", ("staging", null), ("prod", 10), ("dr", null)));

    [Fact]
    public Task A_weight_or_tolerance_out_of_range_is_HUB001_where_it_is_written() => AnalyzerVerifier<DeclarationAnalyzer>.VerifyAsync(
        WithHub("ControllerReplicas = 2, ShardTolerancePercent = {|#1:-1|}", ("staging", null)).Replace("ShardWeight = 0", string.Empty)
            .Replace("[\"deploy\"] = \"true\" } };", "[\"deploy\"] = \"true\" }, ShardWeight = {|#0:0|} };"),
        AnalyzerVerifier<DeclarationAnalyzer>.Diagnostic("HUB001").WithLocation(0).WithArguments("Clusters.Staging: ShardWeight must be from 1 to 1000000."),
        AnalyzerVerifier<DeclarationAnalyzer>.Diagnostic("HUB001").WithLocation(1).WithArguments("Hub.Install: ShardTolerancePercent must be from 0 to 1000."));
}
