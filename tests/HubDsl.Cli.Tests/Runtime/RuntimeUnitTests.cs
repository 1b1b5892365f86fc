using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Terminal;
using HubDsl.KubeEmulator;
using k8s.Autorest;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>The runtime's building blocks on their own: retry classification, diff, kubeconfig resolution, config JSON.</summary>
public sealed class RuntimeUnitTests
{
    private static HttpOperationException Http(int code, string reason, string? retryAfter = null)
    {
        var response = new HttpResponseMessage((HttpStatusCode)code);
        if (retryAfter is not null) response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        return new HttpOperationException("failed") { Response = new HttpResponseMessageWrapper(response, "{\"kind\":\"Status\",\"reason\":\"" + reason + "\",\"message\":\"m\"}") };
    }

    [Theory]
    [InlineData(409, "Conflict", true)]
    [InlineData(409, "AlreadyExists", false)]
    [InlineData(429, "TooManyRequests", true)]
    [InlineData(500, "InternalError", true)]
    [InlineData(503, "ServiceUnavailable", true)]
    [InlineData(504, "Timeout", true)]
    [InlineData(401, "Unauthorized", false)]
    [InlineData(403, "Forbidden", false)]
    [InlineData(404, "NotFound", false)]
    [InlineData(422, "Invalid", false)]
    public void Transient_failures_are_the_retryable_status_codes(int code, string reason, bool transient) =>
        Assert.Equal(transient, RetryPolicy.IsTransient(Http(code, reason)));

    [Fact]
    public async Task Retries_are_bounded_and_the_last_failure_surfaces()
    {
        var policy = new RetryPolicy(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5));
        var attempts = 0;

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => policy.ExecuteAsync<int>(_ => { attempts++; throw Http(503, "ServiceUnavailable"); }, CancellationToken.None));

        Assert.Equal(3, attempts);
        Assert.Equal("503 ServiceUnavailable: m", KubeErrors.Describe(error));
    }

    [Fact]
    public void Retry_after_is_honoured_up_to_the_cap_and_backoff_grows()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(1), policy.DelayBefore(2, Http(429, "TooManyRequests", "1")));
        Assert.Equal(TimeSpan.FromSeconds(2), policy.DelayBefore(2, Http(429, "TooManyRequests", "60")));
        Assert.InRange(policy.DelayBefore(2, null).TotalMilliseconds, 80, 120);
        Assert.InRange(policy.DelayBefore(4, null).TotalMilliseconds, 320, 480);
        Assert.Equal(TimeSpan.FromSeconds(2), policy.DelayBefore(10, null));
    }

    [Fact]
    public void Unified_diff_has_hunks_with_context()
    {
        var before = string.Join("\n", Enumerable.Range(1, 20).Select(i => "line " + i)) + "\n";
        var after = before.Replace("line 3\n", "line three\n").Replace("line 18\n", string.Empty);

        var diff = UnifiedDiff.Create(before, after, "a", "b");

        Assert.Equal(
            "--- a\n+++ b\n@@ -1,6 +1,6 @@\n line 1\n line 2\n-line 3\n+line three\n line 4\n line 5\n line 6\n@@ -15,6 +15,5 @@\n line 15\n line 16\n line 17\n-line 18\n line 19\n line 20\n",
            diff);
        Assert.Equal(string.Empty, UnifiedDiff.Create(before, before, "a", "b"));
        Assert.Equal("--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n", UnifiedDiff.Create(string.Empty, "x\n", "a", "b"));
    }

    [Fact]
    public void Config_json_is_argo_cds_compact_go_field_order()
    {
        var credentials = new ClusterCredentials { BearerToken = new RedactedCredential("tok-123456"), CaPem = "CA", ServerName = "api.internal", Insecure = false };

        Assert.Equal("{\"bearerToken\":\"tok-123456\",\"tlsClientConfig\":{\"insecure\":false,\"serverName\":\"api.internal\",\"caData\":\"Q0E=\"}}", credentials.ToConfigJson());
        var parsed = ClusterCredentials.Parse(credentials.ToConfigJson(), out var error)!;
        Assert.Null(error);
        Assert.Equal("CA", parsed.CaPem);
        Assert.Equal("tok-123456", parsed.BearerToken.Reveal());
        Assert.Null(ClusterCredentials.Parse("not json", out error));
        Assert.Equal("config is not a JSON object", error);
    }

    [Fact]
    public async Task Kubeconfig_merges_the_KUBECONFIG_list_and_finds_contexts_by_server()
    {
        await using var a = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { Name = "a" });
        await using var b = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { Name = "b" });
        var folder = Path.Combine(Path.GetTempPath(), "hubdsl-kubeconfig-" + Guid.NewGuid().ToString("N"));
        var first = a.WriteKubeconfig(Path.Combine(folder, "one"), "ctx-a", "argocd");
        var second = b.WriteKubeconfig(Path.Combine(folder, "two"), "ctx-b");
        var previous = Environment.GetEnvironmentVariable("KUBECONFIG");
        try
        {
            Environment.SetEnvironmentVariable("KUBECONFIG", first + Path.PathSeparator + second);
            var config = Kubeconfig.Load(null);
            Assert.Equal(new[] { "ctx-a", "ctx-b" }, config.ContextNames);
            Assert.Equal("ctx-a", config.CurrentContext);
            var context = config.Resolve("ctx-b");
            Assert.Equal(b.Server.ToString().TrimEnd('/'), context.Server);
            Assert.Equal(b.CaCertificatePem, context.CertificateAuthorityPem);
            Assert.Equal("<redacted>", context.Token.ToString());
            Assert.Equal("ctx-b", config.FindByServer(b.Server.ToString(), null)!.Name);
            Assert.Null(config.FindByServer("https://elsewhere:6443", null));
            var missing = Assert.Throws<UserInputException>(() => config.Resolve("nope"));
            Assert.Equal("kubeconfig '" + first + Path.PathSeparator + second + "' has no context 'nope' (contexts: ctx-a, ctx-b)", missing.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("KUBECONFIG", previous);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_kubeconfig_that_skips_tls_verify_is_still_verified_without_the_flag()
    {
        await using var cluster = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { Name = "c" });
        var folder = Path.Combine(Path.GetTempPath(), "hubdsl-kubeconfig-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "config");
        File.WriteAllText(path, $$"""
            apiVersion: v1
            kind: Config
            clusters: [{ name: c, cluster: { server: '{{cluster.Server.ToString().TrimEnd('/')}}', insecure-skip-tls-verify: true } }]
            users: [{ name: u, user: { token: '{{cluster.AdminToken}}' } }]
            contexts: [{ name: c, context: { cluster: c, user: u } }]
            current-context: c
            """);
        try
        {
            using var verified = HubClient.Connect(new HubConnectionOptions { KubeconfigPath = path, Retry = RetryPolicy.None });
            var error = await Assert.ThrowsAnyAsync<Exception>(() => verified.ListClustersAsync(CancellationToken.None));
            Assert.Contains("TLS", KubeErrors.Describe(error));

            using var insecure = HubClient.Connect(new HubConnectionOptions { KubeconfigPath = path, InsecureSkipTlsVerify = true });
            Assert.Empty(await insecure.ListClustersAsync(CancellationToken.None));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Progress_is_drawn_on_a_terminal_only()
    {
        var terminal = new StringWriter();
        var redirected = new StringWriter();
        using (var progress = new RuntimeConsole(TextWriter.Null, terminal, false, true, null).Progress("probing clusters", 3))
        {
            progress.Report(1);
            progress.Report(3);
        }

        using (var progress = new RuntimeConsole(TextWriter.Null, redirected, false, false, null).Progress("probing clusters", 3))
        {
            progress.Report(1);
        }

        Assert.Contains("\rprobing clusters 1/3", terminal.ToString());
        Assert.Contains("\rprobing clusters 3/3", terminal.ToString());
        Assert.EndsWith("\r", terminal.ToString()); // the line is cleared at the end
        Assert.Equal(string.Empty, redirected.ToString());
    }

    [Fact]
    public void A_prompt_without_an_interactive_stdin_never_reads()
    {
        var console = new RuntimeConsole(TextWriter.Null, new StringWriter(), false, false, null);

        Assert.False(console.Confirm("Continue?", "pass --yes", out var refusal));
        Assert.Equal("standard input is not a terminal, so nobody can confirm: pass --yes", refusal);
    }
}
