using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using k8s;
using k8s.Models;
using Xunit;

namespace HubDsl.KubeEmulator.Tests;

/// <summary>Malformed or mismatched requests get the real API's status codes and Status bodies.</summary>
public sealed class RequestErrorTests
{
    private static async Task<(HttpStatusCode Code, JsonNode Body)> Send(HttpClient http, HttpMethod method, string path, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Theory]
    [InlineData("POST", "/api/v1/namespaces/default/secrets", "{not json", "application/json", 400, "BadRequest")]
    [InlineData("PUT", "/api/v1/namespaces/default/secrets/a", "{\"metadata\":{\"name\":\"b\"}}", "application/json", 400, "BadRequest")]
    [InlineData("POST", "/api/v1/namespaces/default/secrets", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}", "application/json", 400, "BadRequest")]
    [InlineData("POST", "/api/v1/namespaces/default/secrets", "{\"metadata\":{\"name\":\"x\",\"namespace\":\"argocd\"}}", "application/json", 400, "BadRequest")]
    [InlineData("POST", "/api/v1/namespaces/default/secrets", "{\"metadata\":{}}", "application/json", 422, "Invalid")]
    [InlineData("PATCH", "/api/v1/namespaces/default/secrets/a", "{}", "text/plain", 415, "UnsupportedMediaType")]
    [InlineData("PATCH", "/api/v1/namespaces/default/secrets/a?fieldManager=m", "{\"metadata\":{\"name\":\"a\"}}", "application/apply-patch+yaml", 400, "BadRequest")]
    [InlineData("PATCH", "/api/v1/namespaces/default/secrets/a?force=true", "{}", "application/merge-patch+json", 422, "Invalid")]
    [InlineData("GET", "/apis/apps/v1/namespaces/default/deployments", null, "application/json", 404, "NotFound")]
    [InlineData("GET", "/api/v1/secrets/a", null, "application/json", 404, "NotFound")]
    [InlineData("PUT", "/api/v1/namespaces/default/secrets", "{}", "application/json", 405, "MethodNotAllowed")]
    [InlineData("GET", "/api/v1/namespaces/default/secrets?labelSelector=a%20in%20(", null, "application/json", 400, "BadRequest")]
    public async Task Bad_requests_are_answered_with_a_Status(string method, string path, string? body, string contentType, int code, string reason)
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "a" } }, "default");
        using var http = TestClients.Http(cluster, cluster.AdminToken);

        var (status, json) = await Send(http, new HttpMethod(method), path, body, contentType);

        Assert.Equal(code, (int)status);
        Assert.Equal("Status", json["kind"]!.GetValue<string>());
        Assert.Equal(reason, json["reason"]!.GetValue<string>());
        Assert.Equal(code, json["code"]!.GetValue<int>());
    }

    // What hubdsl never sends is refused, so no test can pass by leaning on a half-emulated feature.
    [Theory]
    [InlineData("GET", "/api/v1/namespaces/default/secrets?watch=true", null, "application/json", 400, "watch")]
    [InlineData("GET", "/api/v1/namespaces/default/secrets?fieldSelector=metadata.name%3Da", null, "application/json", 400, "fieldSelector")]
    [InlineData("GET", "/api/v1/namespaces/default/secrets?limit=1", null, "application/json", 400, "limit")]
    [InlineData("GET", "/api/v1/namespaces/default/secrets?continue=MQ", null, "application/json", 400, "continue")]
    [InlineData("DELETE", "/api/v1/namespaces/default/secrets", null, "application/json", 405, "DELETE")]
    [InlineData("PATCH", "/api/v1/namespaces/default/secrets/a", "[]", "application/json-patch+json", 415, "application/json-patch+json")]
    [InlineData("PATCH", "/api/v1/namespaces/default/secrets/a", "{}", "application/strategic-merge-patch+json", 415, "application/strategic-merge-patch+json")]
    [InlineData("GET", "/apis", null, "application/json", 404, "/apis")]
    [InlineData("GET", "/api/v1", null, "application/json", 404, "/api/v1")]
    [InlineData("POST", "/api/v1/namespaces/default/serviceaccounts/default/token", "{}", "application/json", 404, "/token")]
    public async Task Features_hubdsl_does_not_use_are_refused_naming_them(string method, string path, string? body, string contentType, int code, string named)
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "a" } }, "default");
        using var http = TestClients.Http(cluster, cluster.AdminToken);

        var (status, json) = await Send(http, new HttpMethod(method), path, body, contentType);

        Assert.Equal(code, (int)status);
        Assert.Equal("Status", json["kind"]!.GetValue<string>());
        Assert.Contains(named, json["message"]!.GetValue<string>());
        Assert.NotNull(client.CoreV1.ReadNamespacedSecret("a", "default"));
    }

    [Fact]
    public async Task Immutable_secrets_refuse_data_changes()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "frozen" }, Immutable = true, StringData = new Dictionary<string, string> { ["k"] = "v" } }, "default");

        var (code, _) = await TestClients.FailureOf(() => client.CoreV1.PatchNamespacedSecretAsync(
            new V1Patch("{\"stringData\":{\"k\":\"changed\"}}", V1Patch.PatchType.MergePatch), "frozen", "default"));
        var labelled = await client.CoreV1.PatchNamespacedSecretAsync(
            new V1Patch("{\"metadata\":{\"labels\":{\"still\":\"editable\"}}}", V1Patch.PatchType.MergePatch), "frozen", "default");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal("editable", labelled.Metadata.Labels["still"]);
    }

    [Fact]
    public async Task Changing_a_secret_type_is_rejected()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        var secret = await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "typed" } }, "default");
        secret.Type = "kubernetes.io/tls";

        var (code, status) = await TestClients.FailureOf(() => client.CoreV1.ReplaceNamespacedSecretAsync(secret, "typed", "default"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Contains("immutable", status["message"]!.GetValue<string>());
    }
}
