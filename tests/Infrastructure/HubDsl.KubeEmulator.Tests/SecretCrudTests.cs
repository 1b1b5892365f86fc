using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using k8s;
using k8s.Models;
using Xunit;

namespace HubDsl.KubeEmulator.Tests;

public sealed class SecretCrudTests
{
    private static V1Secret Secret(string name, string value = "v1") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = "demo" } },
        StringData = new Dictionary<string, string> { ["password"] = value },
    };

    [Fact]
    public async Task Create_get_list_update_patch_delete_round_trip()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);

        var created = await client.CoreV1.CreateNamespacedSecretAsync(Secret("creds"), "default");
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.Equal("Opaque", created.Type);
        Assert.Null(created.StringData);
        Assert.Equal("v1", Encoding.UTF8.GetString(created.Data["password"]));

        var fetched = await client.CoreV1.ReadNamespacedSecretAsync("creds", "default");
        Assert.Equal(created.Metadata.ResourceVersion, fetched.Metadata.ResourceVersion);

        var list = await client.CoreV1.ListNamespacedSecretAsync("default");
        Assert.Equal("creds", Assert.Single(list.Items).Metadata.Name);
        Assert.False(string.IsNullOrEmpty(list.Metadata.ResourceVersion));

        fetched.Data["password"] = Encoding.UTF8.GetBytes("v2");
        var updated = await client.CoreV1.ReplaceNamespacedSecretAsync(fetched, "creds", "default");
        Assert.True(long.Parse(updated.Metadata.ResourceVersion) > long.Parse(created.Metadata.ResourceVersion));
        Assert.Equal(created.Metadata.Uid, updated.Metadata.Uid);

        var patched = await client.CoreV1.PatchNamespacedSecretAsync(
            new V1Patch("{\"metadata\":{\"labels\":{\"tier\":\"gold\",\"app\":null}}}", V1Patch.PatchType.MergePatch), "creds", "default");
        Assert.Equal(new Dictionary<string, string> { ["tier"] = "gold" }, patched.Metadata.Labels);

        var deleted = await client.CoreV1.DeleteNamespacedSecretAsync("creds", "default");
        Assert.Equal("Success", deleted.Status);
        Assert.Equal(created.Metadata.Uid, deleted.Details.Uid);
        var (code, status) = await TestClients.FailureOf(() => client.CoreV1.ReadNamespacedSecretAsync("creds", "default"));
        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Equal("NotFound", status["reason"]!.GetValue<string>());
        Assert.Equal("secrets \"creds\" not found", status["message"]!.GetValue<string>());
        Assert.Equal("creds", status["details"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Creating_twice_is_AlreadyExists()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await client.CoreV1.CreateNamespacedSecretAsync(Secret("dup"), "default");

        var (code, status) = await TestClients.FailureOf(() => client.CoreV1.CreateNamespacedSecretAsync(Secret("dup"), "default"));

        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("AlreadyExists", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_with_a_stale_resourceVersion_is_Conflict_and_changes_nothing()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        var first = await client.CoreV1.CreateNamespacedSecretAsync(Secret("cas"), "default");
        var stale = await client.CoreV1.ReadNamespacedSecretAsync("cas", "default");
        first.Data["password"] = Encoding.UTF8.GetBytes("winner");
        await client.CoreV1.ReplaceNamespacedSecretAsync(first, "cas", "default");

        stale.Data["password"] = Encoding.UTF8.GetBytes("loser");
        var (code, status) = await TestClients.FailureOf(() => client.CoreV1.ReplaceNamespacedSecretAsync(stale, "cas", "default"));

        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("Conflict", status["reason"]!.GetValue<string>());
        Assert.Contains("the object has been modified", status["message"]!.GetValue<string>());
        var current = await client.CoreV1.ReadNamespacedSecretAsync("cas", "default");
        Assert.Equal("winner", Encoding.UTF8.GetString(current.Data["password"]));
    }

    [Fact]
    public async Task Unchanged_update_keeps_the_resourceVersion()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        var created = await client.CoreV1.CreateNamespacedSecretAsync(Secret("same"), "default");

        var replaced = await client.CoreV1.ReplaceNamespacedSecretAsync(created, "same", "default");

        Assert.Equal(created.Metadata.ResourceVersion, replaced.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task ResourceVersions_increase_across_kinds_and_namespaces()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        var a = await client.CoreV1.CreateNamespacedSecretAsync(Secret("a"), "default");
        var b = await client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "b" } }, "kube-system");
        var c = await client.CoreV1.CreateNamespacedSecretAsync(Secret("c"), "argocd");

        var versions = new[] { a, (IMetadata<V1ObjectMeta>)b, c }.Select(o => long.Parse(o.Metadata.ResourceVersion)).ToList();
        Assert.Equal(versions.OrderBy(v => v), versions);
        Assert.Equal(3, versions.Distinct().Count());
    }

    [Fact]
    public async Task Invalid_base64_data_is_rejected_as_Invalid()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await client.CoreV1.CreateNamespacedSecretAsync(Secret("b64"), "default");

        var (code, status) = await TestClients.FailureOf(() => client.CoreV1.PatchNamespacedSecretAsync(
            new V1Patch("{\"data\":{\"bad\":\"***\"}}", V1Patch.PatchType.MergePatch), "b64", "default"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal("Invalid", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_of_a_missing_object_is_NotFound()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);

        var (code, _) = await TestClients.FailureOf(() => client.CoreV1.DeleteNamespacedSecretAsync("ghost", "default"));

        Assert.Equal(HttpStatusCode.NotFound, code);
    }
}
