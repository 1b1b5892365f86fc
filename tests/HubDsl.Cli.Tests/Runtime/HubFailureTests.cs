using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Terminal;
using HubDsl.KubeEmulator;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>
/// What a hub can do wrong (hang, refuse, answer HTML, keep conflicting) and what a kubeconfig can hold wrong
/// (a CA or client certificate that is not PEM): each is one line naming the server, object or file, with the
/// documented exit code. No timing assertions: a hung hub is cut off by a short --timeout and the message is checked.
/// </summary>
public sealed class HubFailureTests
{
    private static async Task<(RuntimeFleet Fleet, string Project)> FleetWithProjectAsync()
    {
        var fleet = await RuntimeFleet.StartAsync("staging");
        var add = await fleet.RunAsync("cluster", "add", "staging", "--yes");
        Assert.True(add.ExitCode == 0, add.ToString());
        var project = new TestProject(Path.Combine(fleet.Folder, "project"))
            .Cluster("staging", fleet.ServerOf(fleet["staging"]), ("deploy", "true"))
            .AppSet("agent");
        return (fleet, project.Folder);
    }

    public static TheoryData<string> HubCommands() => new()
    {
        "status",
        "status -o json",
        "cluster list",
        "cluster get staging",
        "cluster set staging --label tier=gold",
        "cluster rm staging --yes",
        "cluster add staging --yes --upsert",
        "apply --project {project}",
        "diff --project {project}",
    };

    [Theory]
    [MemberData(nameof(HubCommands))]
    public async Task A_hung_hub_is_cut_off_by_timeout_with_a_message_naming_it(string command)
    {
        var (fleet, project) = await FleetWithProjectAsync();
        await using var _ = fleet;
        fleet.Hub.Faults.Latency = TimeSpan.FromMinutes(10);

        var args = command.Replace("{project}", project).Split(' ').Concat(new[] { "--timeout", "1" }).ToArray();
        var run = await fleet.RunAsync(args);

        Assert.True(run.ExitCode is 1 or 2, run.ToString());
        Assert.Equal(command.StartsWith("diff", StringComparison.Ordinal) ? 2 : 1, run.ExitCode);
        Assert.Contains("gave up after 1 s (--timeout) waiting for " + fleet.ServerOf(fleet.Hub) + " (", run.All);
        Assert.DoesNotContain("cancelled", run.All);
        Assert.DoesNotContain("   at ", run.All);
    }

    [Fact]
    public async Task The_deadline_message_says_what_the_hub_was_asked()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        fleet.Hub.Faults.Latency = TimeSpan.FromMinutes(10);

        var run = await fleet.RunAsync("cluster", "list", "--timeout", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "hubdsl: gave up after 1 s (--timeout) waiting for " + fleet.ServerOf(fleet.Hub) + " (list Secret objects in namespace argocd with labels argocd.argoproj.io/secret-type=cluster); raise --timeout, or check that the server is up and reachable",
            run.Stderr.Trim());
    }

    [Fact]
    public async Task A_slow_spoke_is_cut_off_by_the_deadline_and_named_while_the_report_prints()
    {
        var (fleet, _) = await FleetWithProjectAsync();
        await using var __ = fleet;
        fleet["staging"].Faults.Latency = TimeSpan.FromMinutes(10);

        var run = await fleet.RunAsync("cluster", "list", "-o", "json", "--timeout", "1", "--probe-timeout", "600");

        Assert.Equal(1, run.ExitCode);
        var connection = JsonNode.Parse(run.Stdout)!["clusters"]![0]!["connection"]!;
        Assert.Equal("Failed", connection["status"]!.GetValue<string>());
        Assert.StartsWith("gave up after 1 s (--timeout) waiting for " + fleet.ServerOf(fleet["staging"]) + " (GET /version)", connection["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_hub_answering_HTML_with_200_is_named_as_not_the_API_server()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        fleet.Hub.Faults.AnswerNext(10, 200, "text/html", "<!DOCTYPE html><html><body>Sign in to continue</body></html>");

        var run = await fleet.RunAsync("cluster", "list");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "hubdsl: " + fleet.ServerOf(fleet.Hub) + " (list Secret objects in namespace argocd with labels argocd.argoproj.io/secret-type=cluster): the server answered with HTML, not Kubernetes JSON: check that the kubeconfig's server URL is the Kubernetes API server (not a web page, dashboard or login proxy)",
            run.Stderr.Trim());
        Assert.DoesNotContain("invalid start", run.All);
    }

    [Fact]
    public async Task A_refused_connection_names_the_hub()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        await fleet.Hub.StopListeningAsync();

        var run = await fleet.RunAsync("status");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("hubdsl: " + fleet.ServerOf(fleet.Hub) + " (list Secret objects in namespace argocd with labels argocd.argoproj.io/secret-type=cluster): connection refused", run.Stderr.Trim());
    }

    [Fact]
    public async Task Cluster_add_says_which_of_its_two_servers_refused()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");
        await fleet.Hub.StopListeningAsync();

        var run = await fleet.RunAsync("cluster", "add", "staging", "--yes");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("hubdsl: cluster add staging failed: " + fleet.ServerOf(fleet.Hub) + " (", run.Stderr);
        Assert.Contains("): connection refused", run.Stderr);
    }

    [Fact]
    public async Task A_stored_CA_that_is_not_PEM_is_named_in_that_clusters_connection()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        fleet.Hub.Seed("""
            apiVersion: v1
            kind: Secret
            metadata: { name: cluster-odd-ca, namespace: argocd, labels: { argocd.argoproj.io/secret-type: cluster } }
            stringData:
              name: odd-ca
              server: https://127.0.0.1:9
              config: '{"bearerToken":"t0k3n-n0t-used","tlsClientConfig":{"insecure":false,"caData":"Z2FyYmFnZQ=="}}'
            """);

        var run = await fleet.RunAsync("cluster", "list", "-o", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "the cluster Secret's config.tlsClientConfig.caData holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
            JsonNode.Parse(run.Stdout)!["clusters"]![0]!["connection"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Conflicts_that_outlast_the_retries_name_the_hub_and_the_object()
    {
        var (fleet, _) = await FleetWithProjectAsync();
        await using var __ = fleet;
        fleet.Hub.Faults.FailNext(100, 409, matches: e => e.Method == "PATCH");

        var run = await fleet.RunAsync("cluster", "set", "staging", "--label", "tier=gold");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "hubdsl: " + fleet.ServerOf(fleet.Hub) + " (patch Secret argocd/" + fleet.SecretNameOf(fleet["staging"]) + "): 409 Conflict: Operation cannot be fulfilled: injected conflict",
            run.Stderr.Trim());
    }

    [Fact]
    public async Task Watch_keeps_refreshing_through_a_hub_outage_until_cancelled()
    {
        var (fleet, _) = await FleetWithProjectAsync();
        await using var __ = fleet;
        var (run, output, error, cancel) = Watch(fleet);
        int Reports() => output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

        await WaitFor(run, output, error, () => Reports() >= 1, "a first report");
        await fleet.Hub.StopListeningAsync();
        await WaitFor(run, output, error, () => error.ToString().Contains("refresh failed, still watching"), "the outage to be reported");
        await fleet.Hub.ResumeListeningAsync();
        var before = Reports();
        await WaitFor(run, output, error, () => Reports() > before + 1, "reports after the outage");
        cancel.Cancel();
        var exit = await run;

        Assert.True(exit == 0, "the last complete refresh was healthy:\n" + output + "\n" + error);
        Assert.Contains("hubdsl: warning: refresh failed, still watching (next try in 0.2 s): " + fleet.ServerOf(fleet.Hub) + " (list Secret objects", error.ToString());
        Assert.Contains("connection refused", error.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!output.ToString().EndsWith('\n')) lines.RemoveAt(lines.Count - 1);
        Assert.All(lines, l => Assert.Equal("Successful", JsonNode.Parse(l)!["clusters"]![0]!["connection"]!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Watch_gives_each_refresh_the_whole_timeout()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        fleet.Hub.Faults.Latency = TimeSpan.FromMinutes(10);
        var (run, output, error, cancel) = Watch(fleet, "--timeout", "2");

        // The first refresh is cut off by --timeout; once the hub answers, a later refresh has its own 2 s
        // (a deadline for the whole watch would have passed for good).
        await WaitFor(run, output, error, () => error.ToString().Contains("gave up after 2 s (--timeout)"), "the first refresh to give up");
        fleet.Hub.Faults.Latency = TimeSpan.Zero;
        await WaitFor(run, output, error, () => output.ToString().Contains('\n'), "a refresh after the hub recovered");
        cancel.Cancel();

        Assert.True(await run == 0, output + "\n" + error);
        Assert.Contains("hubdsl: warning: refresh failed, still watching (next try in 0.2 s): gave up after 2 s (--timeout) waiting for " + fleet.ServerOf(fleet.Hub), error.ToString());
    }

    private static (Task<int> Run, StringWriter Output, StringWriter Error, CancellationTokenSource Cancel) Watch(RuntimeFleet fleet, params string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new RuntimeConsole(TextWriter.Synchronized(output), TextWriter.Synchronized(error), false, false, null);
        var cancel = new CancellationTokenSource();
        var args = new[] { "status", "--watch", "--interval", "0.2", "-o", "json", "--kubeconfig", fleet.Kubeconfig }.Concat(extra).ToArray();
        return (CliApplication.RunAsync(args, console, cancel.Token), output, error, cancel);
    }

    // Generous bound: a loaded CI machine can be slow; the tests assert what happens, not how fast.
    private static async Task WaitFor(Task<int> run, StringWriter output, StringWriter error, Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(run.IsCompleted, "the watch ended while waiting for " + what + ":\n" + output + "\n" + error);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "timed out waiting for " + what + ":\n" + output + "\n" + error);
            await Task.Delay(50);
        }
    }

    // A one-context kubeconfig for the hub with the given cluster and user fields.
    private static void WriteKubeconfig(RuntimeFleet fleet, string clusterFields, string userFields) =>
        File.WriteAllText(fleet.Kubeconfig, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: hub
              cluster:
                server: {fleet.ServerOf(fleet.Hub)}
            {clusterFields}
            users:
            - name: hub-user
              user:
            {userFields}
            contexts:
            - name: hub
              context: {"{"} cluster: hub, user: hub-user, namespace: argocd {"}"}
            current-context: hub
            """);

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task CA_data_that_is_not_PEM_is_exit_2_naming_the_kubeconfig_and_field()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        WriteKubeconfig(fleet, "    certificate-authority-data: " + Base64("this is not a certificate"), "    token: " + fleet.Hub.AdminToken);

        var run = await fleet.RunAsync("status");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("hubdsl: context 'hub' in kubeconfig '" + fleet.Kubeconfig + "': certificate-authority-data holds no PEM certificate (-----BEGIN CERTIFICATE-----)", run.Stderr.Trim());
    }

    [Fact]
    public async Task A_CA_file_that_is_not_PEM_is_exit_2_naming_the_file()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        var ca = Path.Combine(fleet.Folder, "ca.crt");
        File.WriteAllBytes(ca, Convert.FromBase64String(Base64("DER bytes, not PEM")));
        WriteKubeconfig(fleet, "    certificate-authority: " + ca, "    token: " + fleet.Hub.AdminToken);

        var run = await fleet.RunAsync("cluster", "list");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("hubdsl: context 'hub' in kubeconfig '" + fleet.Kubeconfig + "': certificate-authority file '" + ca + "' holds no PEM certificate (-----BEGIN CERTIFICATE-----)", run.Stderr.Trim());
    }

    [Fact]
    public async Task A_client_certificate_that_is_not_PEM_is_exit_2_naming_it()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        var issued = fleet.Hub.IssueClientCertificate("admin", "system:masters");
        WriteKubeconfig(
            fleet,
            "    certificate-authority-data: " + Base64(fleet.Hub.CaCertificatePem),
            "    client-certificate-data: " + Base64("garbage") + "\n    client-key-data: " + Base64(issued.PrivateKeyPem));

        var run = await fleet.RunAsync("status");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("hubdsl: context 'hub' in kubeconfig '" + fleet.Kubeconfig + "': client-certificate-data holds no PEM certificate (-----BEGIN CERTIFICATE-----)", run.Stderr.Trim());
        Assert.DoesNotContain(issued.PrivateKeyPem.Split('\n')[1], run.All);
    }

    [Fact]
    public async Task A_client_key_that_does_not_match_its_certificate_is_exit_2_naming_both()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        var first = fleet.Hub.IssueClientCertificate("admin", "system:masters");
        var second = fleet.Hub.IssueClientCertificate("other", "system:masters");
        WriteKubeconfig(
            fleet,
            "    certificate-authority-data: " + Base64(fleet.Hub.CaCertificatePem),
            "    client-certificate-data: " + Base64(first.CertificatePem) + "\n    client-key-data: " + Base64(second.PrivateKeyPem));

        var run = await fleet.RunAsync("cluster", "list");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("hubdsl: context 'hub' in kubeconfig '" + fleet.Kubeconfig + "': client-certificate and client-key do not form a pair (the key does not match the certificate, or is damaged)", run.Stderr.Trim());
    }

    [Theory]
    [InlineData("hub.example.com:6443")]
    [InlineData("ftp://127.0.0.1:9")]
    [InlineData("https://")]
    public async Task A_server_that_is_not_a_URL_is_exit_2_naming_the_kubeconfig(string server)
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        WriteKubeconfig(fleet, string.Empty, "    token: " + fleet.Hub.AdminToken);
        File.WriteAllText(fleet.Kubeconfig, File.ReadAllText(fleet.Kubeconfig).Replace("server: " + fleet.ServerOf(fleet.Hub), "server: '" + server + "'"));

        var run = await fleet.RunAsync("cluster", "list");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("hubdsl: cluster 'hub' of context 'hub' in kubeconfig '" + fleet.Kubeconfig + "' has server '" + server + "', which is not an https:// URL (e.g. https://hub.example.com:6443)", run.Stderr.Trim());
    }

    [Fact]
    public async Task A_matching_client_certificate_still_connects()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        var issued = fleet.Hub.IssueClientCertificate("admin", "system:masters");
        WriteKubeconfig(
            fleet,
            "    certificate-authority-data: " + Base64(fleet.Hub.CaCertificatePem),
            "    client-certificate-data: " + Base64(issued.CertificatePem) + "\n    client-key-data: " + Base64(issued.PrivateKeyPem));

        var run = await fleet.RunAsync("cluster", "list", "-o", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(JsonNode.Parse(run.Stdout)!["clusters"]!.AsArray());
    }

    [Fact]
    public async Task An_odd_item_in_the_hubs_Application_list_is_named_and_the_rest_of_the_status_prints()
    {
        var (fleet, _) = await FleetWithProjectAsync();
        await using var __ = fleet;
        var list = "{\"kind\":\"ApplicationList\",\"apiVersion\":\"argoproj.io/v1alpha1\",\"metadata\":{},\"items\":["
            + "{\"metadata\":{\"name\":\"agent-staging\",\"namespace\":\"argocd\"},\"spec\":{\"destination\":{\"server\":\"" + fleet.ServerOf(fleet["staging"]) + "\"}},\"status\":{\"sync\":{\"status\":\"Synced\"},\"health\":{\"status\":\"Healthy\"}}},"
            + "\"not an object\","
            + "{\"metadata\":{\"name\":\"odd-types\",\"namespace\":\"argocd\"},\"spec\":[],\"status\":\"Healthy\"}]}";
        fleet.Hub.Faults.AnswerNext(1, 200, "application/json", list, e => e.Path.EndsWith("/applications", StringComparison.Ordinal));

        var run = await fleet.RunAsync("status", "-o", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var report = JsonNode.Parse(run.Stdout)!;
        Assert.Equal("Successful", report["clusters"]!.AsArray().Single()!["connection"]!["status"]!.GetValue<string>());
        var apps = report["applications"]!.AsArray().ToDictionary(a => a!["name"]!.GetValue<string>(), a => a!);
        Assert.Equal("staging", apps["agent-staging"]["cluster"]!.GetValue<string>());
        Assert.Equal("Healthy", apps["agent-staging"]["healthStatus"]!.GetValue<string>());
        Assert.Equal("Unknown", apps["odd-types"]["healthStatus"]!.GetValue<string>());
        Assert.Equal("Unknown", apps["(unnamed)"]["healthStatus"]!.GetValue<string>());
        var problem = Assert.Single(report["problems"]!.AsArray())!;
        Assert.Equal("Application", problem["kind"]!.GetValue<string>());
        Assert.Equal("(unnamed)", problem["name"]!.GetValue<string>());
        Assert.Equal("is not a JSON object but string", problem["message"]!.GetValue<string>());
    }

    [Fact]
    public void A_Secret_Argo_CD_cannot_read_as_a_cluster_says_why_without_its_config()
    {
        var secret = JsonNode.Parse("{\"metadata\":{\"name\":\"cluster-odd\",\"namespace\":\"argocd\",\"labels\":{\"argocd.argoproj.io/secret-type\":\"cluster\"}},\"data\":{\"server\":\"%%% not base64\",\"config\":\"c2VrcmV0LWNvbmZpZy12YWx1ZQ==\"}}")!.AsObject();

        var cluster = RegisteredCluster.FromSecret(secret, out var problem);

        Assert.Null(cluster);
        Assert.Equal("cluster Secret cluster-odd data.server is not valid base64", problem);
    }
}
