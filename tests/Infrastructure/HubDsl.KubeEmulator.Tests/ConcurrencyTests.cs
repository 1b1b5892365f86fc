using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Xunit;

namespace HubDsl.KubeEmulator.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Concurrent_updates_from_the_same_version_let_exactly_one_win()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "race" } }, "default");
        var snapshot = await client.CoreV1.ReadNamespacedSecretAsync("race", "default");

        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            var copy = KubernetesJson.Deserialize<V1Secret>(KubernetesJson.Serialize(snapshot));
            copy.Data = new Dictionary<string, byte[]> { ["winner"] = Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            try
            {
                await client.CoreV1.ReplaceNamespacedSecretAsync(copy, "race", "default");
                return HttpStatusCode.OK;
            }
            catch (HttpOperationException e)
            {
                return e.Response.StatusCode;
            }
        });
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o == HttpStatusCode.OK));
        Assert.Equal(7, outcomes.Count(o => o == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Concurrent_creates_get_unique_increasing_resourceVersions()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);

        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = $"s{i}" } }, "default")));

        Assert.Equal(20, created.Select(s => s.Metadata.ResourceVersion).Distinct().Count());
        Assert.Equal(20, (await client.CoreV1.ListNamespacedSecretAsync("default")).Items.Count);
    }
}
