using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;
using HubDsl.KubeEmulator;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>`hubdsl cluster list|get|set|rm`, with the faults a fleet has: unreachable spokes, wrong tokens, 5xx, latency.</summary>
public sealed class ClusterManageTests
{
    private static string Decode(JsonNode? node) => Encoding.UTF8.GetString(Convert.FromBase64String(node!.GetValue<string>()));

    private static async Task<RuntimeFleet> RegisteredAsync(params string[] spokes)
    {
        var fleet = await RuntimeFleet.StartAsync(spokes);
        foreach (var spoke in spokes)
        {
            var run = await fleet.RunAsync("cluster", "add", spoke, "--label", "env=" + spoke, "--yes");
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        return fleet;
    }

    [Fact]
    public async Task List_probes_every_cluster_and_reports_each_one()
    {
        await using var fleet = await RegisteredAsync("staging", "prod");

        var run = await fleet.RunAsync("cluster", "list");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split('\n');
        Assert.Contains(lines, l => l.Contains("NAME") && l.Contains("SERVER") && l.Contains("LABELS") && l.Contains("CONNECTION"));
        Assert.Contains(lines, l => l.Contains("staging") && l.Contains(fleet.ServerOf(fleet["staging"])) && l.Contains("env=staging") && l.Contains("Successful"));
        Assert.Contains(lines, l => l.Contains("prod") && l.Contains("env=prod") && l.Contains("Successful"));
        Assert.DoesNotContain("secret-type", run.Stdout);
        Assert.DoesNotContain("\u001b[", run.Stdout); // plain when redirected
        Assert.Equal(string.Empty, run.Stderr); // no progress when redirected
    }

    [Fact]
    public async Task One_unreachable_spoke_is_reported_and_does_not_stop_the_others()
    {
        await using var fleet = await RegisteredAsync("staging", "prod");
        await fleet["prod"].StopListeningAsync();

        var run = await fleet.RunAsync("cluster", "list", "-o", "json");

        Assert.Equal(1, run.ExitCode);
        var clusters = JsonNode.Parse(run.Stdout)!["clusters"]!.AsArray();
        var prod = clusters.Single(c => c!["name"]!.GetValue<string>() == "prod")!;
        Assert.Equal("Failed", prod["connection"]!["status"]!.GetValue<string>());
        Assert.Equal("connection refused", prod["connection"]!["message"]!.GetValue<string>());
        var staging = clusters.Single(c => c!["name"]!.GetValue<string>() == "staging")!;
        Assert.Equal("Successful", staging["connection"]!["status"]!.GetValue<string>());
        Assert.Equal("v1.31.0", staging["connection"]!["serverVersion"]!.GetValue<string>());
        Assert.Equal("staging", staging["labels"]!["env"]!.GetValue<string>());
        Assert.Null(staging["config"]);
    }

    [Fact]
    public async Task A_wrong_stored_token_is_a_401_failure()
    {
        await using var fleet = await RegisteredAsync("staging");
        var spoke = fleet["staging"];
        var secret = fleet.HubSecret(spoke)!;
        var config = Decode(secret["data"]!["config"]).Replace(fleet.SpokeToken(spoke)!, "not-the-token-123456");
        secret["data"]!["config"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(config));
        fleet.Hub.Resources.Update(ResourceCatalog.Secrets, "argocd", fleet.SecretNameOf(spoke), secret, "test", dryRun: false);

        var run = await fleet.RunAsync("cluster", "get", "staging");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Failed: 401 Unauthorized", run.Stdout);
        Assert.DoesNotContain("not-the-token-123456", run.All);
    }

    [Fact]
    public async Task Probes_verify_tls_against_the_stored_ca_unless_told_not_to()
    {
        await using var fleet = await RegisteredAsync("staging", "prod");
        var staging = fleet["staging"];
        var secret = fleet.HubSecret(staging)!;
        var wrongCa = Convert.ToBase64String(Encoding.UTF8.GetBytes(fleet["prod"].CaCertificatePem));
        var config = JsonNode.Parse(Decode(secret["data"]!["config"]))!;
        config["tlsClientConfig"]!["caData"] = wrongCa;
        config["tlsClientConfig"]!["insecure"] = true; // a stored insecure flag is not enough
        secret["data"]!["config"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(config.ToJsonString()));
        fleet.Hub.Resources.Update(ResourceCatalog.Secrets, "argocd", fleet.SecretNameOf(staging), secret, "test", dryRun: false);

        var verified = await fleet.RunAsync("cluster", "get", "staging", "-o", "json");
        var insecure = await fleet.RunAsync("cluster", "get", "staging", "-o", "json", "--insecure-skip-tls-verify");

        Assert.Equal(1, verified.ExitCode);
        var message = JsonNode.Parse(verified.Stdout)!["connection"]!["message"]!.GetValue<string>();
        Assert.Contains("TLS handshake failed", message);
        Assert.Contains("--insecure-skip-tls-verify", message);
        Assert.True(insecure.ExitCode == 0, insecure.ToString());
        Assert.Contains("warning: TLS certificate verification is off", insecure.Stderr);
    }

    [Fact]
    public async Task Server_errors_are_retried_within_the_timeout()
    {
        await using var fleet = await RegisteredAsync("staging");
        var failure = fleet["staging"].Faults.FailNext(2, 503, matches: e => e.Path.StartsWith("/version", StringComparison.Ordinal));

        var run = await fleet.RunAsync("cluster", "get", "staging", "-o", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0, failure.Remaining);
        Assert.Equal("Successful", JsonNode.Parse(run.Stdout)!["connection"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_slow_spoke_times_out_alone()
    {
        await using var fleet = await RegisteredAsync("staging", "prod");
        fleet["prod"].Faults.Latency = TimeSpan.FromSeconds(5);
        fleet["staging"].Faults.Latency = TimeSpan.FromMilliseconds(100);

        var clock = Stopwatch.StartNew();
        var run = await fleet.RunAsync("cluster", "list", "--probe-timeout", "1", "-o", "json");
        clock.Stop();

        Assert.Equal(1, run.ExitCode);
        var clusters = JsonNode.Parse(run.Stdout)!["clusters"]!.AsArray();
        Assert.Equal("timed out after 1 s", clusters.Single(c => c!["name"]!.GetValue<string>() == "prod")!["connection"]!["message"]!.GetValue<string>());
        Assert.Equal("Successful", clusters.Single(c => c!["name"]!.GetValue<string>() == "staging")!["connection"]!["status"]!.GetValue<string>());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task Get_finds_a_cluster_by_name_server_or_secret_name_and_an_unknown_name_is_exit_2()
    {
        await using var fleet = await RegisteredAsync("staging");
        foreach (var key in new[] { "staging", fleet.ServerOf(fleet["staging"]), fleet.SecretNameOf(fleet["staging"]) })
        {
            var run = await fleet.RunAsync("cluster", "get", key, "-o", "json");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal("staging", JsonNode.Parse(run.Stdout)!["name"]!.GetValue<string>());
        }

        var missing = await fleet.RunAsync("cluster", "get", "nope");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no cluster named 'nope'", missing.Stderr);
    }

    [Fact]
    public async Task Set_merges_labels_and_never_touches_credentials()
    {
        await using var fleet = await RegisteredAsync("staging");
        var spoke = fleet["staging"];
        var configBefore = fleet.HubSecret(spoke)!["data"]!["config"]!.GetValue<string>();
        var add = await fleet.RunAsync("cluster", "add", "staging", "--label", "env=staging", "--label", "tier=gold", "--yes");
        Assert.Equal(2, add.ExitCode); // differs: labels are only ever added by add with --upsert

        var run = await fleet.RunAsync("cluster", "set", "staging", "--label", "region=eu", "--label", "env=stage");

        Assert.True(run.ExitCode == 0, run.ToString());
        var secret = fleet.HubSecret(spoke)!;
        var labels = secret["metadata"]!["labels"]!.AsObject();
        Assert.Equal("eu", labels["region"]!.GetValue<string>());
        Assert.Equal("stage", labels["env"]!.GetValue<string>());
        Assert.Equal("cluster", labels["argocd.argoproj.io/secret-type"]!.GetValue<string>());
        Assert.Equal(configBefore, secret["data"]!["config"]!.GetValue<string>());

        var remove = await fleet.RunAsync("cluster", "set", "staging", "--remove-label", "region");
        Assert.True(remove.ExitCode == 0, remove.ToString());
        labels = fleet.HubSecret(spoke)!["metadata"]!["labels"]!.AsObject();
        Assert.False(labels.ContainsKey("region"));
        Assert.Equal("stage", labels["env"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("--remove-label argocd.argoproj.io/secret-type", "hubdsl does not change it")]
    [InlineData("--label x=a/b", "is not a valid label value")]
    [InlineData("", "needs --label")]
    public async Task Set_rejects_bad_labels_with_exit_2(string args, string message)
    {
        await using var fleet = await RegisteredAsync("staging");

        var run = await fleet.RunAsync(new[] { "cluster", "set", "staging" }.Concat(args.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
    }

    [Fact]
    public async Task Rm_removes_the_hub_secret_and_the_spoke_rbac()
    {
        await using var fleet = await RegisteredAsync("staging");
        var spoke = fleet["staging"];

        var refused = await fleet.RunAsync("cluster", "rm", "staging");
        Assert.Equal(2, refused.ExitCode);
        Assert.NotNull(fleet.HubSecret(spoke));

        var run = await fleet.RunAsync("cluster", "rm", "staging", "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Null(fleet.HubSecret(spoke));
        Assert.Null(spoke.Resources.TryGet(ResourceCatalog.ServiceAccounts, "kube-system", "argocd-manager"));
        Assert.Null(spoke.Resources.TryGet(ResourceCatalog.ClusterRoles, null, "argocd-manager-role"));
        Assert.Null(spoke.Resources.TryGet(ResourceCatalog.ClusterRoleBindings, null, "argocd-manager-role-binding"));
        Assert.Null(spoke.Resources.TryGet(ResourceCatalog.Secrets, "kube-system", "argocd-manager-long-lived-token"));
        Assert.Contains("ClusterRoleBinding argocd-manager-role-binding deleted (via context staging)", run.Stdout);
    }

    [Fact]
    public async Task Rm_with_the_stored_credentials_when_no_context_matches()
    {
        await using var fleet = await RegisteredAsync("staging");
        var spoke = fleet["staging"];
        fleet.WriteKubeconfig(); // still has the context; drop it:
        new KubeconfigBuilder().AddContext("hub", fleet.Hub, @namespace: "argocd").WriteTo(fleet.Kubeconfig);

        var run = await fleet.RunAsync("cluster", "rm", "staging", "--yes");

        Assert.Contains("ClusterRoleBinding argocd-manager-role-binding deleted (via stored credentials)", run.Stdout);
        Assert.Null(spoke.Resources.TryGet(ResourceCatalog.ClusterRoles, null, "argocd-manager-role"));
        Assert.Null(fleet.HubSecret(spoke));
        Assert.DoesNotContain("   at ", run.All);
    }

    [Fact]
    public async Task Rm_of_an_unreachable_spoke_removes_the_hub_secret_and_warns()
    {
        await using var fleet = await RegisteredAsync("staging");
        var spoke = fleet["staging"];
        await spoke.StopListeningAsync();

        var run = await fleet.RunAsync("cluster", "rm", "staging", "--yes", "--probe-timeout", "2");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Null(fleet.HubSecret(spoke));
        Assert.Contains("is not reachable (connection refused)", run.Stderr);
        Assert.NotNull(spoke.Resources.TryGet(ResourceCatalog.ServiceAccounts, "kube-system", "argocd-manager"));
    }

    [Fact]
    public async Task Namespaced_rm_removes_the_roles_in_each_namespace()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");
        var spoke = fleet["staging"];
        Assert.Equal(0, (await fleet.RunAsync("cluster", "add", "staging", "--namespace", "team-a", "--yes")).ExitCode);

        var run = await fleet.RunAsync("cluster", "rm", "staging", "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Null(spoke.Resources.TryGet(ResourceCatalog.Roles, "team-a", "argocd-manager-role"));
        Assert.Null(spoke.Resources.TryGet(ResourceCatalog.RoleBindings, "team-a", "argocd-manager-role-binding"));
    }

    [Fact]
    public async Task Hub_context_and_argocd_namespace_options_choose_where_clusters_live()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");
        fleet.Hub.Seed("apiVersion: v1\nkind: Namespace\nmetadata: { name: gitops }\n");
        fleet.WriteKubeconfig(b => b.UseContext("staging")); // current context is no longer the hub

        var add = await fleet.RunAsync("cluster", "add", "staging", "--hub-context", "hub", "--argocd-namespace", "gitops", "--yes");
        var inGitops = await fleet.RunAsync("cluster", "list", "--hub-context", "hub", "--argocd-namespace", "gitops", "-o", "json");
        var inArgocd = await fleet.RunAsync("cluster", "list", "--hub-context", "hub", "-o", "json");

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.NotNull(fleet.Hub.Resources.TryGet(ResourceCatalog.Secrets, "gitops", fleet.SecretNameOf(fleet["staging"])));
        Assert.Single(JsonNode.Parse(inGitops.Stdout)!["clusters"]!.AsArray());
        Assert.Empty(JsonNode.Parse(inArgocd.Stdout)!["clusters"]!.AsArray());
    }

    [Theory]
    [InlineData("--kubeconfig /nonexistent/kubeconfig", "kubeconfig '/nonexistent/kubeconfig' does not exist")]
    [InlineData("--hub-context nope", "has no context 'nope'")]
    public async Task A_bad_kubeconfig_or_context_is_one_clear_line(string args, string message)
    {
        await using var fleet = await RuntimeFleet.StartAsync();

        // Through the real entry point.
        var extra = args.StartsWith("--kubeconfig", StringComparison.Ordinal) ? args.Split(' ') : args.Split(' ').Concat(new[] { "--kubeconfig", fleet.Kubeconfig });
        var run = await Cli.RunAppAsync(new[] { "cluster", "list" }.Concat(extra).ToArray());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.Single(run.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_kubeconfig_that_is_not_yaml_is_one_line_without_its_content()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        File.WriteAllText(fleet.Kubeconfig, "users: [ {name: x, user: {token: sekret-token-value}\n");

        var run = await Cli.RunAppAsync("status", "--kubeconfig", fleet.Kubeconfig);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not a valid kubeconfig", run.Stderr);
        Assert.DoesNotContain("sekret-token-value", run.All);
    }
}
