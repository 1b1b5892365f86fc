using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using k8s;
using k8s.Models;
using Xunit;

namespace HubDsl.KubeEmulator.Tests;

public sealed class WatchAndDiscoveryTests
{
    [Fact]
    public async Task Version_and_discovery_documents_answer_typed_calls()
    {
        await using var cluster = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { GitVersion = "v1.30.4" });
        using var client = TestClients.For(cluster);

        var version = await client.Version.GetCodeAsync();
        var core = await client.CoreV1.GetAPIResourcesAsync();
        var groups = await client.Apis.GetAPIVersionsAsync();
        var rbac = await client.RbacAuthorizationV1.GetAPIResourcesAsync();

        Assert.Equal("v1.30.4", version.GitVersion);
        Assert.Equal("30", version.Minor);
        Assert.Contains(core.Resources, r => r.Name == "secrets" && r.Namespaced && r.Kind == "Secret");
        Assert.Contains(core.Resources, r => r.Name == "namespaces" && !r.Namespaced);
        Assert.Contains(groups.Groups, g => g.Name == "argoproj.io" && g.PreferredVersion.Version == "v1alpha1");
        Assert.Contains(groups.Groups, g => g.Name == "rbac.authorization.k8s.io");
        Assert.Contains(rbac.Resources, r => r.Name == "clusterroles" && !r.Namespaced);

        using var http = TestClients.Http(cluster, cluster.AdminToken);
        var argo = JsonNode.Parse(await http.GetStringAsync("/apis/argoproj.io/v1alpha1"))!;
        Assert.Equal(new[] { "applications", "applicationsets", "appprojects" }, argo["resources"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).OrderBy(n => n));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/apis/apps/v1/namespaces/default/deployments")).StatusCode);
    }

    [Fact]
    public async Task Watch_streams_added_modified_and_deleted_events_from_a_resourceVersion()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "before" } }, "default");
        var listVersion = (await client.CoreV1.ListNamespacedSecretAsync("default")).Metadata.ResourceVersion;
        using var http = TestClients.Http(cluster, cluster.AdminToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        using var response = await http.GetAsync($"/api/v1/namespaces/default/secrets?watch=true&resourceVersion={listVersion}&timeoutSeconds=5", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "watched" } }, "default");
        await client.CoreV1.PatchNamespacedSecretAsync(new V1Patch("{\"metadata\":{\"labels\":{\"a\":\"b\"}}}", V1Patch.PatchType.MergePatch), "watched", "default");
        await client.CoreV1.DeleteNamespacedSecretAsync("watched", "default");
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "elsewhere" } }, "argocd");

        var events = new (string Type, string Name)[3];
        for (var i = 0; i < events.Length; i++)
        {
            var line = JsonNode.Parse((await reader.ReadLineAsync(timeout.Token))!)!;
            events[i] = (line["type"]!.GetValue<string>(), line["object"]!["metadata"]!["name"]!.GetValue<string>());
        }

        Assert.Equal(new[] { ("ADDED", "watched"), ("MODIFIED", "watched"), ("DELETED", "watched") }, events);
    }

    [Fact]
    public async Task KubernetesClient_watch_sees_the_token_controller_fill_a_secret()
    {
        await using var cluster = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { TokenControllerDelay = TimeSpan.FromMilliseconds(100) });
        using var client = TestClients.For(cluster);
        await client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "sa" } }, "default");
        await client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = "sa-token", Annotations = new System.Collections.Generic.Dictionary<string, string> { ["kubernetes.io/service-account.name"] = "sa" } },
                Type = "kubernetes.io/service-account-token",
            },
            "default");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        V1Secret? filled = null;
        await foreach (var (type, secret) in client.CoreV1.WatchListNamespacedSecretAsync("default", fieldSelector: "metadata.name=sa-token", timeoutSeconds: 5, cancellationToken: timeout.Token))
        {
            if (secret.Data?.ContainsKey("token") == true)
            {
                filled = secret;
                break;
            }
        }

        Assert.NotNull(filled);
    }
}
