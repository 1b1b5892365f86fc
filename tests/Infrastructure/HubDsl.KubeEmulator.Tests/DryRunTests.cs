using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using k8s;
using k8s.Models;
using Xunit;

namespace HubDsl.KubeEmulator.Tests;

public sealed class DryRunTests
{
    private static V1Secret Secret(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        StringData = new Dictionary<string, string> { ["k"] = "v" },
    };

    [Fact]
    public async Task Dry_run_create_returns_the_object_but_persists_nothing()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        var before = (await client.CoreV1.ListNamespacedSecretAsync("default")).Metadata.ResourceVersion;

        var preview = await client.CoreV1.CreateNamespacedSecretAsync(Secret("dry"), "default", dryRun: "All");

        Assert.Equal("dry", preview.Metadata.Name);
        Assert.Equal("v", Encoding.UTF8.GetString(preview.Data["k"]));
        Assert.Empty((await client.CoreV1.ListNamespacedSecretAsync("default")).Items);
        Assert.Equal(before, (await client.CoreV1.ListNamespacedSecretAsync("default")).Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Dry_run_update_patch_apply_and_delete_leave_the_object_untouched()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        var original = await client.CoreV1.CreateNamespacedSecretAsync(Secret("keep"), "default");

        var changed = await client.CoreV1.ReadNamespacedSecretAsync("keep", "default");
        changed.Data["k"] = Encoding.UTF8.GetBytes("changed");
        var updatePreview = await client.CoreV1.ReplaceNamespacedSecretAsync(changed, "keep", "default", dryRun: "All");
        Assert.Equal("changed", Encoding.UTF8.GetString(updatePreview.Data["k"]));

        var patchPreview = await client.CoreV1.PatchNamespacedSecretAsync(
            new V1Patch("{\"metadata\":{\"labels\":{\"x\":\"y\"}}}", V1Patch.PatchType.MergePatch), "keep", "default", dryRun: "All");
        Assert.Equal("y", patchPreview.Metadata.Labels["x"]);

        var applyPreview = await client.CoreV1.PatchNamespacedSecretAsync(
            new V1Patch("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"keep\"},\"stringData\":{\"k\":\"applied\"}}", V1Patch.PatchType.ApplyPatch),
            "keep", "default", fieldManager: "hubdsl", force: true, dryRun: "All");
        Assert.Equal("applied", Encoding.UTF8.GetString(applyPreview.Data["k"]));

        await client.CoreV1.DeleteNamespacedSecretAsync("keep", "default", dryRun: "All");

        var current = await client.CoreV1.ReadNamespacedSecretAsync("keep", "default");
        Assert.Equal(original.Metadata.ResourceVersion, current.Metadata.ResourceVersion);
        Assert.Equal("v", Encoding.UTF8.GetString(current.Data["k"]));
        Assert.Null(current.Metadata.Labels);
    }

    [Fact]
    public async Task Dry_run_apply_of_a_new_object_creates_nothing()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);

        await client.CoreV1.PatchNamespacedSecretAsync(
            new V1Patch("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"new\"}}", V1Patch.PatchType.ApplyPatch),
            "new", "default", fieldManager: "hubdsl", dryRun: "All");

        var (code, _) = await TestClients.FailureOf(() => client.CoreV1.ReadNamespacedSecretAsync("new", "default"));
        Assert.Equal(HttpStatusCode.NotFound, code);
    }

    [Fact]
    public async Task Unknown_dryRun_values_are_rejected()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);

        var (code, _) = await TestClients.FailureOf(() => client.CoreV1.CreateNamespacedSecretAsync(Secret("x"), "default", dryRun: "Sometimes"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
    }
}
