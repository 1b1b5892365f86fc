using HubDsl.Core.Manifests;
using YamlDotNet.RepresentationModel;

namespace HubDsl.Generators.Tests;

/// <summary>
/// The hub's chart values use only keys the official argo-cd chart has (shared/schemas/argo-cd-chart/values.yaml):
/// the chart has no schema, so a made-up key such as redis.replicas would be ignored silently.
/// </summary>
public sealed class HubValuesTests
{
    // Maps the chart documents as free-form ("You can customize parameters by adding parameters here").
    private static readonly string[] FreeFormMaps = { "configs.params", "configs.cm" };

    public static TheoryData<string> Hubs => new()
    {
        "new(\"argocd\") { HighAvailability = true, ServerAutoscaling = new(2, 5) }",
        "new(\"gitops\") { HighAvailability = true, ControllerReplicas = 2, RepoServerAutoscaling = new(2, 10), ApplicationSetReplicas = 3, ProgressiveSyncs = true }",
        "new()",
        "new(\"argocd\") { ControllerReplicas = 3, ShardTolerancePercent = 10 }",
    };

    [SchemaTheory]
    [MemberData(nameof(Hubs))]
    public void Every_generated_key_exists_in_the_argo_cd_chart(string install)
    {
        var chart = ChartValues();
        var file = Generate(install);
        var values = Read(file.Content);
        foreach (var path in LeafPaths(values, string.Empty))
        {
            Assert.True(Exists(chart, path), "hub values key '" + path + "' is not a key of the argo-cd chart");
        }
    }

    [Fact]
    public void HA_follows_the_chart_README_example()
    {
        var values = Read(Generate("new(\"argocd\") { HighAvailability = true }").Content);
        Assert.Equal("true", Scalar(values, "redis-ha", "enabled"));
        Assert.Equal("1", Scalar(values, "controller", "replicas"));
        Assert.Equal("2", Scalar(values, "server", "replicas"));
        Assert.Equal("2", Scalar(values, "repoServer", "replicas"));
        Assert.Equal("2", Scalar(values, "applicationSet", "replicas"));
        Assert.DoesNotContain("redis:", Generate("new(\"argocd\") { HighAvailability = true }").Content);
    }

    [SchemaFact]
    public void A_made_up_key_is_caught_by_the_key_check()
    {
        // The check itself must be able to fail: the scenario's redis.replicas is not a chart key.
        var chart = ChartValues();
        Assert.False(Exists(chart, "redis.replicas"));
        Assert.False(Exists(chart, "repo.replicas"));
        Assert.True(Exists(chart, "redis-ha.enabled"));
    }

    private static ManifestFile Generate(string install) => GeneratorHarness.Generate(("Hub.cs", "using HubDsl;\n[Hub] public static class Hub { public static readonly HubInstall Install = " + install + "; }"))
        .Single(f => f.Path == "hub/argo-cd-values.yaml");

    private static YamlMappingNode ChartValues() => Read(File.ReadAllText(SharedSchemas.ChartValues));

    private static YamlMappingNode Read(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<string> LeafPaths(YamlMappingNode node, string prefix)
    {
        foreach (var entry in node.Children)
        {
            var path = prefix.Length == 0 ? ((YamlScalarNode)entry.Key).Value! : prefix + "." + ((YamlScalarNode)entry.Key).Value;
            if (entry.Value is YamlMappingNode child && child.Children.Count > 0) foreach (var inner in LeafPaths(child, path)) yield return inner;
            else yield return path;
        }
    }

    private static bool Exists(YamlMappingNode chart, string path)
    {
        foreach (var freeForm in FreeFormMaps)
        {
            if (path.StartsWith(freeForm + ".", StringComparison.Ordinal)) return Exists(chart, freeForm);
        }

        YamlNode node = chart;
        foreach (var key in path.Split('.'))
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var next)) return false;
            node = next;
        }

        return true;
    }

    private static string Scalar(YamlMappingNode root, params string[] path)
    {
        YamlNode node = root;
        foreach (var key in path) node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        return ((YamlScalarNode)node).Value!;
    }
}
