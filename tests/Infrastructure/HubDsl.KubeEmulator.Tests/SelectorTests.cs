using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using k8s;
using k8s.Models;
using Xunit;

namespace HubDsl.KubeEmulator.Tests;

public sealed class SelectorTests
{
    private static async Task<Kubernetes> SeededClient(EmulatedCluster cluster)
    {
        var client = TestClients.For(cluster);
        var fixtures = new (string Name, Dictionary<string, string> Labels, string Type)[]
        {
            ("hub", new() { ["env"] = "prod", ["role"] = "hub" }, "Opaque"),
            ("staging", new() { ["env"] = "staging", ["role"] = "spoke" }, "Opaque"),
            ("prod", new() { ["env"] = "prod", ["role"] = "spoke" }, "kubernetes.io/tls"),
            ("bare", new(), "Opaque"),
        };
        foreach (var (name, labels, type) in fixtures)
        {
            await client.CoreV1.CreateNamespacedSecretAsync(
                new V1Secret { Metadata = new V1ObjectMeta { Name = name, Labels = labels }, Type = type }, "argocd");
        }

        return client;
    }

    [Theory]
    [InlineData("env=prod", new[] { "hub", "prod" })]
    [InlineData("env==prod,role=spoke", new[] { "prod" })]
    [InlineData("env!=prod", new[] { "bare", "staging" })]
    [InlineData("env in (staging, prod)", new[] { "hub", "prod", "staging" })]
    [InlineData("role notin (hub)", new[] { "bare", "prod", "staging" })]
    [InlineData("role", new[] { "hub", "prod", "staging" })]
    [InlineData("!role", new[] { "bare" })]
    [InlineData("env in (prod),role notin (hub)", new[] { "prod" })]
    public async Task Label_selectors_filter_like_the_api_server(string selector, string[] expected)
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = await SeededClient(cluster);

        var list = await client.CoreV1.ListNamespacedSecretAsync("argocd", labelSelector: selector);

        Assert.Equal(expected, list.Items.Select(s => s.Metadata.Name).OrderBy(n => n));
    }

    [Fact]
    public async Task List_across_namespaces_and_list_resourceVersion_tracks_writes()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = await SeededClient(cluster);
        var before = long.Parse((await client.CoreV1.ListSecretForAllNamespacesAsync()).Metadata.ResourceVersion);

        var created = await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "other" } }, "default");
        var all = await client.CoreV1.ListSecretForAllNamespacesAsync();

        Assert.Equal(5, all.Items.Count);
        Assert.Equal(created.Metadata.ResourceVersion, all.Metadata.ResourceVersion);
        Assert.True(long.Parse(all.Metadata.ResourceVersion) > before);
    }
}
