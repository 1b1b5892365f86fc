using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Xunit;

namespace HubDsl.KubeEmulator.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Added_latency_delays_every_request()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await client.CoreV1.ListNamespaceAsync();

        cluster.Faults.Latency = TimeSpan.FromMilliseconds(800);
        var clock = Stopwatch.StartNew();
        await client.CoreV1.ListNamespaceAsync();
        var slow = clock.Elapsed;
        cluster.Faults.Latency = TimeSpan.Zero;
        clock.Restart();
        await client.CoreV1.ListNamespaceAsync();

        Assert.True(slow >= TimeSpan.FromMilliseconds(790), $"slow call took {slow}");
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(790), $"fast call took {clock.Elapsed}");
    }

    [Fact]
    public async Task Latency_can_hold_only_some_requests()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        cluster.Faults.Latency = TimeSpan.FromMinutes(5);
        cluster.Faults.LatencyMatches = r => r.Method == "POST";

        using var cancel = new CancellationTokenSource();
        var held = client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "held" } }, "default", cancellationToken: cancel.Token);
        await client.CoreV1.ListNamespaceAsync(); // not delayed
        while (!cluster.Requests.Entries.Any(e => e.Method == "POST")) await Task.Delay(10);

        Assert.False(held.IsCompleted);
        Assert.Equal(0, cluster.Requests.Entries.Single(e => e.Method == "POST").StatusCode); // still in flight
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held);
    }

    [Fact]
    public async Task The_next_requests_fail_with_the_injected_status_then_recover()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);

        cluster.Faults.FailNext(2, 503);
        var first = await TestClients.FailureOf(() => client.CoreV1.ListNamespaceAsync());
        var second = await TestClients.FailureOf(() => client.CoreV1.ListNamespaceAsync());
        await client.CoreV1.ListNamespaceAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Code);
        Assert.Equal("ServiceUnavailable", first.Status["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.Code);
        Assert.Equal(new[] { 503, 503, 200 }, cluster.Requests.Entries.Select(e => e.StatusCode));
    }

    [Fact]
    public async Task An_injected_failure_can_echo_the_request_body_in_its_message()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        cluster.Faults.FailNext(1, 400, message: body => "admission webhook \"echo.example.com\" denied the request: " + body);

        var (code, status) = await TestClients.FailureOf(() => client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" }, StringData = new System.Collections.Generic.Dictionary<string, string> { ["k"] = "v" } }, "default"));

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.StartsWith("admission webhook \"echo.example.com\" denied the request: {", status["message"]!.GetValue<string>());
        Assert.Contains("\"stringData\":{\"k\":\"v\"}", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_given_answer_is_sent_as_is_to_matching_requests_then_the_api_answers_again()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var http = TestClients.Http(cluster, cluster.AdminToken);

        cluster.Faults.AnswerNext(1, 200, "text/html", "<html><body>Sign in</body></html>", e => e.Path == "/api/v1/namespaces");
        var version = await http.GetAsync(new Uri(cluster.Server, "/version"));
        var page = await http.GetAsync(new Uri(cluster.Server, "/api/v1/namespaces"));
        var list = await http.GetAsync(new Uri(cluster.Server, "/api/v1/namespaces"));

        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        Assert.Contains("gitVersion", await version.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Equal("<html><body>Sign in</body></html>", await page.Content.ReadAsStringAsync());
        Assert.Contains("NamespaceList", await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Too_many_requests_carries_Retry_After()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);

        cluster.Faults.FailNext(1, 429, retryAfter: TimeSpan.FromSeconds(2));
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListNamespaceAsync());

        Assert.Equal((HttpStatusCode)429, error.Response.StatusCode);
        Assert.Equal("2", Assert.Single(error.Response.Headers["Retry-After"]));
        Assert.Contains("\"retryAfterSeconds\":2", error.Response.Content);
        Assert.Contains("TooManyRequests", error.Response.Content);
    }

    [Fact]
    public async Task Failures_can_target_matching_requests_only()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        cluster.Faults.FailNext(1, 409, matches: r => r.Method == "POST" && r.Path.EndsWith("/secrets", StringComparison.Ordinal));

        await client.CoreV1.ListNamespacedSecretAsync("default");
        var (code, status) = await TestClients.FailureOf(() => client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" } }, "default"));
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" } }, "default");

        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("Conflict", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refused_connections_fail_at_the_transport_and_recover()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await client.CoreV1.ListNamespaceAsync();

        cluster.Faults.RefuseConnections();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.CoreV1.ListNamespaceAsync());
        Assert.IsNotType<HttpOperationException>(error);
        using var fresh = TestClients.For(cluster);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => fresh.CoreV1.ListNamespaceAsync());

        cluster.Faults.AcceptConnections();
        await client.CoreV1.ListNamespaceAsync();
        await fresh.CoreV1.ListNamespaceAsync();
    }

    [Fact]
    public async Task Stopped_listener_refuses_at_the_socket_and_resumes_on_the_same_port_with_state()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "survivor" } }, "default");
        var server = cluster.Server;

        await cluster.StopListeningAsync();
        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.CoreV1.ListNamespaceAsync());
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(error.InnerException).SocketErrorCode);

        await cluster.ResumeListeningAsync();
        Assert.Equal(server, cluster.Server);
        Assert.Equal("survivor", (await client.CoreV1.ReadNamespacedSecretAsync("survivor", "default")).Metadata.Name);
    }

    [Fact]
    public async Task The_request_log_records_method_path_query_and_user()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);

        await client.CoreV1.ListNamespacedSecretAsync("argocd", labelSelector: "argocd.argoproj.io/secret-type=cluster");
        await client.CoreV1.PatchNamespacedSecretAsync(
            new V1Patch("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"c\"}}", V1Patch.PatchType.ApplyPatch), "c", "argocd", fieldManager: "hubdsl", force: true);

        var entries = cluster.Requests.Entries;
        Assert.Equal(2, entries.Count);
        Assert.Equal(("GET", "/api/v1/namespaces/argocd/secrets"), (entries[0].Method, entries[0].Path));
        Assert.Contains("labelSelector=argocd.argoproj.io", Uri.UnescapeDataString(entries[0].Query));
        Assert.Equal("PATCH", entries[1].Method);
        Assert.Contains("fieldManager=hubdsl", entries[1].Query);
        Assert.StartsWith("application/apply-patch+yaml", entries[1].ContentType);
        Assert.Equal(201, entries[1].StatusCode);
        Assert.Null(entries[0].Body);
        Assert.Contains("\"kind\":\"Secret\"", entries[1].Body);
        Assert.All(entries, e => Assert.Equal("kubernetes-admin", e.User));

        cluster.Requests.Clear();
        Assert.Empty(cluster.Requests.Entries);
    }
}
