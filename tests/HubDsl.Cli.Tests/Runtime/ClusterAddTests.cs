using System.Text;
using System.Threading.Tasks;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Runtime.Registration;
using HubDsl.KubeEmulator;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>`hubdsl cluster add`: the spoke objects and the hub Secret exactly as `argocd cluster add` makes them (Argo CD's util/clusterauth/clusterauth.go InstallClusterManagerRBAC, util/db/secrets.go URIToSecretName and addSecretMetadata, util/db/cluster.go clusterToSecret).</summary>
public sealed class ClusterAddTests
{
    private static string Decode(JsonNode? node) => Encoding.UTF8.GetString(Convert.FromBase64String(node!.GetValue<string>()));

    [Fact]
    public async Task Add_creates_the_argocd_manager_objects_and_a_hub_secret_indistinguishable_from_argocd_cluster_add()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");
        var spoke = fleet["staging"];

        var run = await fleet.RunAsync("cluster", "add", "staging", "--label", "env=staging", "--label", "deploy=true", "--annotation", "team=platform", "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());

        // clusterauth.go InstallClusterManagerRBAC: the ServiceAccount, the ClusterRole with both rules (ArgoCDManagerPolicyRules), the binding,
        // and getOrCreateServiceAccountTokenSecret's long-lived token Secret.
        Assert.NotNull(spoke.Resources.TryGet(ResourceCatalog.ServiceAccounts, "kube-system", "argocd-manager"));
        var role = spoke.Resources.TryGet(ResourceCatalog.ClusterRoles, null, "argocd-manager-role")!;
        Assert.Equal("""[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]},{"nonResourceURLs":["*"],"verbs":["*"]}]""", role["rules"]!.ToJsonString());
        var binding = spoke.Resources.TryGet(ResourceCatalog.ClusterRoleBindings, null, "argocd-manager-role-binding")!;
        Assert.Equal("""{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"argocd-manager-role"}""", binding["roleRef"]!.ToJsonString());
        Assert.Equal("""[{"kind":"ServiceAccount","name":"argocd-manager","namespace":"kube-system"}]""", binding["subjects"]!.ToJsonString());
        var tokenSecret = spoke.Resources.TryGet(ResourceCatalog.Secrets, "kube-system", "argocd-manager-long-lived-token")!;
        Assert.Equal("kubernetes.io/service-account-token", tokenSecret["type"]!.GetValue<string>());
        Assert.Equal("argocd-manager", tokenSecret["metadata"]!["annotations"]!["kubernetes.io/service-account.name"]!.GetValue<string>());
        Assert.Null(spoke.Resources.TryGet(ResourceCatalog.Roles, "team-a", "argocd-manager-role"));

        // URIToSecretName: cluster-<host>-<fnv32a>; addSecretMetadata: secret-type label, managed-by annotation; clusterToSecret: exactly these keys.
        var secret = fleet.HubSecret(spoke)!;
        Assert.StartsWith("cluster-127.0.0.1-", secret["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal("argocd", secret["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Equal("Opaque", secret["type"]!.GetValue<string>());
        var labels = secret["metadata"]!["labels"]!.AsObject();
        Assert.Equal(new[] { "argocd.argoproj.io/secret-type=cluster", "deploy=true", "env=staging" }, labels.Select(l => l.Key + "=" + l.Value).OrderBy(s => s, StringComparer.Ordinal).ToArray());
        var annotations = secret["metadata"]!["annotations"]!.AsObject();
        Assert.Equal(new[] { "managed-by=argocd.argoproj.io", "team=platform" }, annotations.Select(a => a.Key + "=" + a.Value).OrderBy(s => s, StringComparer.Ordinal).ToArray());
        var data = secret["data"]!.AsObject();
        Assert.Equal(new[] { "config", "name", "server" }, data.Select(d => d.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());
        Assert.Equal("staging", Decode(data["name"]));
        Assert.Equal(fleet.ServerOf(spoke), Decode(data["server"]));

        // config: compact JSON in Go field order, the controller-filled token, caData = base64 of the kubeconfig's CA PEM.
        var token = fleet.SpokeToken(spoke)!;
        var ca = Convert.ToBase64String(Encoding.UTF8.GetBytes(spoke.CaCertificatePem));
        Assert.Equal("{\"bearerToken\":\"" + token + "\",\"tlsClientConfig\":{\"insecure\":false,\"caData\":\"" + ca + "\"}}", Decode(data["config"]));

        // The hub Secret's own field manager, so `hubdsl apply` never owns (or drops) config.
        Assert.Contains(secret["metadata"]!["managedFields"]!.AsArray(), m => m!["manager"]!.GetValue<string>() == ClusterFieldManager.Name);

        // Reported, and the token nowhere in the output.
        Assert.Contains("ServiceAccount kube-system/argocd-manager created", run.Stdout);
        Assert.Contains("ClusterRole argocd-manager-role created", run.Stdout);
        Assert.Contains("Cluster 'staging'", run.Stdout);
        Assert.DoesNotContain(token, run.All);

        // The stored credentials work: get probes /version with them.
        var get = await fleet.RunAsync("cluster", "get", "staging", "-o", "json");
        Assert.True(get.ExitCode == 0, get.ToString());
        Assert.Equal("Successful", JsonNode.Parse(get.Stdout)!["connection"]!["status"]!.GetValue<string>());
        Assert.True(spoke.Requests.Entries.Any(e => e.Path.StartsWith("/version", StringComparison.Ordinal) && e.User == "system:serviceaccount:kube-system:argocd-manager"), string.Join("\n", spoke.Requests.Entries.Select(e => e.Method + " " + e.Path + " " + e.User + " " + e.StatusCode)));
        Assert.DoesNotContain(token, get.All);
    }

    [Fact]
    public async Task Re_running_add_is_idempotent_and_reuses_everything()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");
        var spoke = fleet["staging"];
        var first = await fleet.RunAsync("cluster", "add", "staging", "--label", "env=staging", "--yes");
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = fleet.HubSecret(spoke)!["metadata"]!["resourceVersion"]!.GetValue<string>();
        var token = fleet.SpokeToken(spoke);

        var second = await fleet.RunAsync("cluster", "add", "staging", "--label", "env=staging", "--yes");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("ServiceAccount kube-system/argocd-manager unchanged", second.Stdout);
        Assert.Contains("ClusterRole argocd-manager-role unchanged", second.Stdout);
        Assert.Contains("already registered, unchanged", second.Stdout);
        Assert.Equal(before, fleet.HubSecret(spoke)!["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal(token, fleet.SpokeToken(spoke));
    }

    [Fact]
    public async Task A_different_existing_secret_is_an_error_without_upsert_and_nothing_is_created_on_the_spoke()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");
        var spoke = fleet["staging"];
        Assert.Equal(0, (await fleet.RunAsync("cluster", "add", "staging", "--label", "env=staging", "--yes")).ExitCode);
        var other = await RuntimeFleet.StartAsync("prod");
        await other.DisposeAsync();

        // Same server, other name: differs.
        fleet.Hub.Resources.Delete(ResourceCatalog.Secrets, "argocd", fleet.SecretNameOf(spoke), null, dryRun: false);
        fleet.Hub.Seed(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = fleet.SecretNameOf(spoke), ["namespace"] = "argocd", ["labels"] = new JsonObject { ["argocd.argoproj.io/secret-type"] = "cluster", ["app.kubernetes.io/managed-by"] = "hubdsl", ["region"] = "eu" } },
            ["stringData"] = new JsonObject { ["name"] = "staging-eu", ["server"] = fleet.ServerOf(spoke) },
        });
        spoke.Requests.Clear();

        var refused = await fleet.RunAsync("cluster", "add", "staging", "--yes");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--upsert", refused.Stderr);
        Assert.Contains("no credentials", refused.Stderr);
        Assert.Contains("it created nothing", refused.Stderr);
        Assert.DoesNotContain(spoke.Requests.Entries, e => e.Method != "GET");

        var upsert = await fleet.RunAsync("cluster", "add", "staging", "--name", "staging-eu", "--label", "env=staging", "--upsert", "--yes");

        Assert.True(upsert.ExitCode == 0, upsert.ToString());
        Assert.Contains("updated", upsert.Stdout);
        var secret = fleet.HubSecret(spoke)!;
        var labels = secret["metadata"]!["labels"]!.AsObject();
        Assert.Equal("eu", labels["region"]!.GetValue<string>()); // kept
        Assert.Equal("staging", labels["env"]!.GetValue<string>()); // added
        Assert.Equal("staging-eu", Decode(secret["data"]!["name"]));
        Assert.Contains(fleet.SpokeToken(spoke)!, Decode(secret["data"]!["config"]));
    }

    [Fact]
    public async Task Namespaced_mode_creates_a_role_and_binding_per_namespace_and_no_cluster_role()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");
        var spoke = fleet["staging"];

        var run = await fleet.RunAsync("cluster", "add", "staging", "--namespace", "team-a", "--namespace", "team-b", "--cluster-resources", "--project", "platform", "--shard", "2", "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Null(spoke.Resources.TryGet(ResourceCatalog.ClusterRoles, null, "argocd-manager-role"));
        Assert.Null(spoke.Resources.TryGet(ResourceCatalog.ClusterRoleBindings, null, "argocd-manager-role-binding"));
        foreach (var ns in new[] { "team-a", "team-b" })
        {
            var role = spoke.Resources.TryGet(ResourceCatalog.Roles, ns, "argocd-manager-role")!;
            Assert.Equal("""[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}]""", role["rules"]!.ToJsonString());
            var binding = spoke.Resources.TryGet(ResourceCatalog.RoleBindings, ns, "argocd-manager-role-binding")!;
            Assert.Equal("Role", binding["roleRef"]!["kind"]!.GetValue<string>());
            Assert.Equal("kube-system", binding["subjects"]![0]!["namespace"]!.GetValue<string>());
        }

        var data = fleet.HubSecret(spoke)!["data"]!.AsObject();
        Assert.Equal("team-a,team-b", Decode(data["namespaces"]));
        Assert.Equal("true", Decode(data["clusterResources"]));
        Assert.Equal("platform", Decode(data["project"]));
        Assert.Equal("2", Decode(data["shard"]));
    }

    [Fact]
    public async Task The_hub_secret_is_written_as_argocds_clusterToSecret_writes_it_in_its_key_order()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");
        var spoke = fleet["staging"];

        var run = await fleet.RunAsync("cluster", "add", "staging", "--name", "stage", "--label", "env=staging", "--label", "deploy=true", "--annotation", "team=platform", "--annotation", "managed-by=someone",
            "--namespace", "team-b", "--namespace", "team-a", "--cluster-resources", "--project", "platform", "--shard", "2", "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());
        var secret = fleet.HubSecret(spoke)!;

        // argo-cd util/db/cluster.go clusterToSecret: the cluster's labels and annotations, then addSecretMetadata's
        // secret-type label and managed-by annotation (which replaces a given one); data in that function's order.
        Assert.Equal("""{"env":"staging","deploy":"true","argocd.argoproj.io/secret-type":"cluster"}""", secret["metadata"]!["labels"]!.ToJsonString());
        Assert.Equal("""{"team":"platform","managed-by":"argocd.argoproj.io"}""", secret["metadata"]!["annotations"]!.ToJsonString());
        var data = secret["data"]!.AsObject();
        Assert.Equal(new[] { "server", "name", "namespaces", "config", "shard", "clusterResources", "project" }, data.Select(d => d.Key).ToArray());
        var ca = Convert.ToBase64String(Encoding.UTF8.GetBytes(spoke.CaCertificatePem));
        var decoded = data.Select(d => d.Key + "=" + Decode(d.Value)).ToArray();
        Assert.Equal(new[]
        {
            "server=" + fleet.ServerOf(spoke),
            "name=stage",
            "namespaces=team-a,team-b",
            "config={\"bearerToken\":\"" + fleet.SpokeToken(spoke) + "\",\"tlsClientConfig\":{\"insecure\":false,\"caData\":\"" + ca + "\"}}",
            "shard=2",
            "clusterResources=true",
            "project=platform",
        }, decoded);
        Assert.Equal("Opaque", secret["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upsert_from_namespaced_to_cluster_wide_drops_the_namespaces_another_tool_wrote()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");
        var spoke = fleet["staging"];
        Assert.Equal(0, (await fleet.RunAsync("cluster", "add", "staging", "--namespace", "team-a", "--yes")).ExitCode);
        var secret = fleet.HubSecret(spoke)!;
        foreach (var field in new[] { "managedFields", "resourceVersion", "uid", "creationTimestamp" }) secret["metadata"]!.AsObject().Remove(field);
        fleet.Hub.Resources.Delete(ResourceCatalog.Secrets, "argocd", fleet.SecretNameOf(spoke), null, dryRun: false);
        fleet.Hub.Seed(secret); // now written by another tool, as argocd cluster add would have
        Assert.DoesNotContain(fleet.HubSecret(spoke)!["metadata"]!["managedFields"]!.AsArray(), m => m!["manager"]!.GetValue<string>() == "hubdsl-cluster");

        var run = await fleet.RunAsync("cluster", "add", "staging", "--upsert", "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());
        var data = fleet.HubSecret(spoke)!["data"]!.AsObject();
        Assert.Equal(new[] { "config", "name", "server" }, data.Select(d => d.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());
        Assert.NotNull(spoke.Resources.TryGet(ResourceCatalog.ClusterRoles, null, "argocd-manager-role"));
    }

    [Fact]
    public async Task A_failure_part_way_names_what_was_created_and_a_re_run_finishes()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");
        var spoke = fleet["staging"];
        spoke.Faults.FailNext(10, 403, matches: e => e.Method == "POST" && e.Path.EndsWith("/clusterrolebindings", StringComparison.Ordinal));

        var failed = await fleet.RunAsync("cluster", "add", "staging", "--yes");

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("403", failed.Stderr);
        Assert.Contains("it created ServiceAccount kube-system/argocd-manager, ClusterRole argocd-manager-role", failed.Stderr);
        Assert.Contains("re-run", failed.Stderr);
        Assert.DoesNotContain("   at ", failed.All);
        Assert.Null(fleet.HubSecret(spoke));

        spoke.Faults.Reset();
        var again = await fleet.RunAsync("cluster", "add", "staging", "--yes");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("ServiceAccount kube-system/argocd-manager unchanged", again.Stdout);
        Assert.Contains("ClusterRoleBinding argocd-manager-role-binding created", again.Stdout);
        Assert.NotNull(fleet.HubSecret(spoke));
    }

    [Fact]
    public async Task A_token_controller_that_never_fills_the_token_is_a_bounded_clear_timeout()
    {
        await using var fleet = await RuntimeFleet.StartAsync(new[] { "slow" }, name => new EmulatedClusterOptions { Name = name, TokenControllerDelay = TimeSpan.FromHours(1), InstallArgoCdCrds = false });

        var started = DateTime.UtcNow;
        var run = await fleet.RunAsync("cluster", "add", "slow", "--yes", "--token-timeout", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        Assert.Contains("timed out after 1 s waiting for the token controller to fill Secret kube-system/argocd-manager-long-lived-token", run.Stderr);
        Assert.Contains("Secret kube-system/argocd-manager-long-lived-token", run.Stderr);
        Assert.Null(fleet.HubSecret(fleet["slow"]));
    }

    [Fact]
    public async Task Transient_hub_errors_are_retried()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");
        var hubWrites = fleet.Hub.Faults.FailNext(2, 503, matches: e => e.Method == "PATCH" && e.Path.Contains("/secrets/", StringComparison.Ordinal));
        var spokeConflict = fleet["staging"].Faults.FailNext(1, 409, matches: e => e.Method == "POST");
        var throttled = fleet["staging"].Faults.FailNext(1, 429, retryAfter: TimeSpan.FromSeconds(1), matches: e => e.Method == "GET");

        var run = await fleet.RunAsync("cluster", "add", "staging", "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0, hubWrites.Remaining);
        Assert.Equal(0, spokeConflict.Remaining);
        Assert.Equal(0, throttled.Remaining);
        Assert.Equal(3, fleet.Hub.Requests.Entries.Count(e => e.Method == "PATCH"));
        Assert.NotNull(fleet.HubSecret(fleet["staging"]));
    }

    [Fact]
    public async Task Without_yes_a_redirected_stdin_is_a_no_and_nothing_is_touched()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");

        var run = await fleet.RunAsync("cluster", "add", "staging");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("standard input is not a terminal", run.Stderr);
        Assert.Contains("--yes", run.Stderr);
        Assert.DoesNotContain(fleet["staging"].Requests.Entries, e => e.Method != "GET");
        Assert.Null(fleet.HubSecret(fleet["staging"]));
    }

    [Theory]
    [InlineData("y", 0)]
    [InlineData("yes", 0)]
    [InlineData("n", 2)]
    [InlineData(null, 2)]
    public async Task The_prompt_needs_an_explicit_yes(string? answer, int exit)
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");

        var run = await fleet.RunWithAsync(new Queue<string?>(new[] { answer }), default, "cluster", "add", "staging");

        Assert.True(run.ExitCode == exit, run.ToString());
        Assert.Contains("full cluster level privileges", run.Stderr);
        Assert.Equal(exit == 0, fleet.HubSecret(fleet["staging"]) is not null);
    }

    [Fact]
    public async Task A_client_certificate_context_stores_cert_and_key_and_no_token_as_argocd_does()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");
        var spoke = fleet["staging"];
        var certificate = spoke.IssueClientCertificate("admin", "system:masters");
        fleet.WriteKubeconfig(b => b.AddClientCertificateContext("staging-cert", spoke, certificate));

        var run = await fleet.RunAsync("cluster", "add", "staging-cert", "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());
        var config = JsonNode.Parse(Decode(fleet.HubSecret(spoke)!["data"]!["config"]))!.AsObject();
        Assert.Null(config["bearerToken"]);
        Assert.Equal(certificate.CertificatePem, Decode(config["tlsClientConfig"]!["certData"]));
        Assert.Equal(certificate.PrivateKeyPem, Decode(config["tlsClientConfig"]!["keyData"]));
        Assert.NotNull(spoke.Resources.TryGet(ResourceCatalog.ServiceAccounts, "kube-system", "argocd-manager"));

        var list = await fleet.RunAsync("cluster", "list", "-o", "json");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.DoesNotContain("PRIVATE KEY", list.All);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(certificate.PrivateKeyPem)), list.All);
    }

    [Fact]
    public async Task Insecure_skip_tls_verify_warns_and_stores_insecure()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");

        var run = await fleet.RunAsync("cluster", "add", "staging", "--yes", "--insecure-skip-tls-verify");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("warning: TLS certificate verification is off", run.Stderr);
        var config = JsonNode.Parse(Decode(fleet.HubSecret(fleet["staging"])!["data"]!["config"]))!;
        Assert.True(config["tlsClientConfig"]!["insecure"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("missing-context", "has no context 'missing-context'")]
    [InlineData("staging --label bad/key/x=1", "is not a valid label key")]
    [InlineData("staging --label novalue", "is not key=value")]
    [InlineData("staging --cluster-resources", "--cluster-resources needs --namespace")]
    public async Task User_mistakes_are_one_line_and_exit_2(string args, string message)
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");

        var run = await fleet.RunAsync(new[] { "cluster", "add" }.Concat(args.Split(' ')).Append("--yes").ToArray());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", run.All);
    }
}

/// <summary>Edge cases of registration that protect Argo CD's view of the fleet.</summary>
public sealed class ClusterAddGuardTests
{
    [Fact]
    public async Task A_second_secret_for_the_same_server_is_refused()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");
        fleet.Hub.Seed(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = "argocd-cluster-staging", ["namespace"] = "argocd", ["labels"] = new JsonObject { ["argocd.argoproj.io/secret-type"] = "cluster" } },
            ["stringData"] = new JsonObject { ["name"] = "staging", ["server"] = fleet.ServerOf(fleet["staging"]) + "/" },
        });

        var run = await fleet.RunAsync("cluster", "add", "staging", "--yes", "--upsert");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("already registers", run.Stderr);
        Assert.Contains("argocd/argocd-cluster-staging", run.Stderr);
        Assert.Null(fleet.HubSecret(fleet["staging"]));
    }

    [Fact]
    public async Task Last_applied_configuration_annotations_are_never_shown()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");
        Assert.Equal(0, (await fleet.RunAsync("cluster", "add", "staging", "--yes", "--annotation", "owner=team-a")).ExitCode);
        var secret = fleet.HubSecret(fleet["staging"])!;
        secret["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"] = "{\"stringData\":{\"password\":\"hunter2-hunter2\"}}";
        fleet.Hub.Resources.Update(KubeEmulator.ResourceCatalog.Secrets, "argocd", fleet.SecretNameOf(fleet["staging"]), secret, "kubectl", dryRun: false);

        var run = await fleet.RunAsync("cluster", "get", "staging", "-o", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("hunter2", run.All);
        Assert.Equal("team-a", JsonNode.Parse(run.Stdout)!["annotations"]!["owner"]!.GetValue<string>());
    }

    [Fact]
    public async Task Build_generated_rbac_replaces_the_default_set_and_rm_removes_it()
    {
        await using var fleet = await RuntimeFleet.StartAsync("prod");
        var spoke = fleet["prod"];
        var file = Path.Combine(TestProject.RepositoryRoot(), "examples", "AgentFleet", "spokes", "prod", "argocd-manager.yaml");

        var run = await fleet.RunAsync("cluster", "add", "prod", "--rbac", file, "--label", "env=prod", "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());
        // prod is LeastPrivilege in the example: the agent namespace first, then a Role and RoleBinding in it, nothing cluster-wide.
        Assert.Equal("hubdsl", spoke.Resources.TryGet(KubeEmulator.ResourceCatalog.Namespaces, null, "agent")!["metadata"]!["labels"]!["app.kubernetes.io/managed-by"]!.GetValue<string>());
        var role = spoke.Resources.TryGet(KubeEmulator.ResourceCatalog.Roles, "agent", "argocd-manager-role")!;
        Assert.Contains(role["rules"]!.AsArray(), r => r!["resources"]![0]!.GetValue<string>() == "deployments" && r["verbs"]!.AsArray().Count == 7);
        Assert.NotNull(spoke.Resources.TryGet(KubeEmulator.ResourceCatalog.RoleBindings, "agent", "argocd-manager-role-binding"));
        Assert.Null(spoke.Resources.TryGet(KubeEmulator.ResourceCatalog.ClusterRoles, null, "argocd-manager-role"));
        Assert.Null(spoke.Resources.TryGet(KubeEmulator.ResourceCatalog.ClusterRoleBindings, null, "argocd-manager-role-binding"));
        Assert.Contains("Namespace agent created", run.Stdout);
        Assert.Equal("hubdsl", spoke.Resources.TryGet(KubeEmulator.ResourceCatalog.ServiceAccounts, "kube-system", "argocd-manager")!["metadata"]!["labels"]!["app.kubernetes.io/managed-by"]!.GetValue<string>());
        var config = JsonNode.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(fleet.HubSecret(spoke)!["data"]!["config"]!.GetValue<string>())))!;
        Assert.Equal(fleet.SpokeToken(spoke), config["bearerToken"]!.GetValue<string>());
        // Namespaced mode for the Role's namespace, as the build's cluster Secret says.
        Assert.Equal("agent", Encoding.UTF8.GetString(Convert.FromBase64String(fleet.HubSecret(spoke)!["data"]!["namespaces"]!.GetValue<string>())));
        Assert.Null(fleet.HubSecret(spoke)!["data"]!["clusterResources"]);

        var rm = await fleet.RunAsync("cluster", "rm", "prod", "--rbac", file, "--yes");

        Assert.True(rm.ExitCode == 0, rm.ToString());
        Assert.Null(spoke.Resources.TryGet(KubeEmulator.ResourceCatalog.Roles, "agent", "argocd-manager-role"));
        Assert.Null(spoke.Resources.TryGet(KubeEmulator.ResourceCatalog.RoleBindings, "agent", "argocd-manager-role-binding"));
        Assert.Null(spoke.Resources.TryGet(KubeEmulator.ResourceCatalog.ServiceAccounts, "kube-system", "argocd-manager"));
        // The namespace holds the fleet's workloads: never deleted.
        Assert.NotNull(spoke.Resources.TryGet(KubeEmulator.ResourceCatalog.Namespaces, null, "agent"));
    }

    [Fact]
    public async Task The_fleet_folders_generated_rbac_is_used_without_naming_the_file()
    {
        await using var fleet = await RuntimeFleet.StartAsync("prod");
        var spoke = fleet["prod"];
        var example = Path.Combine(TestProject.RepositoryRoot(), "examples", "AgentFleet");

        var run = await fleet.RunAsync("cluster", "add", "prod", "--fleet", example, "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("using the RBAC the build generated for this cluster", run.Stderr);
        // prod is LeastPrivilege in the example: write only what the agent deploys, read only its tree, in agent only.
        var role = spoke.Resources.TryGet(KubeEmulator.ResourceCatalog.Roles, "agent", "argocd-manager-role")!;
        Assert.DoesNotContain(role["rules"]!.AsArray(), r => r!["verbs"]!.AsArray().Any(v => v!.GetValue<string>() == "*") || r["resources"]!.AsArray().Any(v => v!.GetValue<string>() is "*" or "secrets"));
        Assert.Null(spoke.Resources.TryGet(KubeEmulator.ResourceCatalog.ClusterRoles, null, "argocd-manager-role"));
    }

    [Fact]
    public async Task Least_privilege_roles_in_several_namespaces_reuse_an_existing_namespace_and_create_the_others()
    {
        await using var fleet = await RuntimeFleet.StartAsync("prod");
        var spoke = fleet["prod"];
        spoke.Seed("""
            apiVersion: v1
            kind: Namespace
            metadata: { name: agent, labels: { pod-security.kubernetes.io/enforce: restricted } }
            """);
        var file = Path.Combine(fleet.Folder, "least.yaml");
        File.WriteAllText(file, LeastPrivilegeFile.For(("agent", "apps", "deployments"), ("reports", "batch", "cronjobs")));

        var run = await fleet.RunAsync("cluster", "add", "prod", "--rbac", file, "--yes");
        var again = await fleet.RunAsync("cluster", "add", "prod", "--rbac", file, "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Namespace agent unchanged", run.Stdout);
        Assert.Contains("Namespace reports created", run.Stdout);
        // An existing namespace is reused as it is, never overwritten.
        var agent = spoke.Resources.TryGet(KubeEmulator.ResourceCatalog.Namespaces, null, "agent")!;
        Assert.Equal("restricted", agent["metadata"]!["labels"]!["pod-security.kubernetes.io/enforce"]!.GetValue<string>());
        Assert.Null(agent["metadata"]!["labels"]!["app.kubernetes.io/managed-by"]);
        foreach (var (ns, written) in new[] { ("agent", "deployments"), ("reports", "cronjobs") })
        {
            var rules = spoke.Resources.TryGet(KubeEmulator.ResourceCatalog.Roles, ns, "argocd-manager-role")!["rules"]!.AsArray();
            var writable = rules.Where(r => r!["verbs"]!.AsArray().Any(v => v!.GetValue<string>() == "patch")).SelectMany(r => r!["resources"]!.AsArray().Select(x => x!.GetValue<string>())).ToArray();
            Assert.Equal(new[] { written }, writable);
            Assert.Equal("kube-system", spoke.Resources.TryGet(KubeEmulator.ResourceCatalog.RoleBindings, ns, "argocd-manager-role-binding")!["subjects"]![0]!["namespace"]!.GetValue<string>());
        }

        Assert.Null(spoke.Resources.TryGet(KubeEmulator.ResourceCatalog.ClusterRoles, null, "argocd-manager-role"));
        Assert.Equal("agent,reports", Encoding.UTF8.GetString(Convert.FromBase64String(fleet.HubSecret(spoke)!["data"]!["namespaces"]!.GetValue<string>())));
        Assert.Contains("already registered, unchanged", again.Stdout);
    }

    [Fact]
    public async Task An_rbac_file_with_other_kinds_is_a_user_error()
    {
        await using var fleet = await RuntimeFleet.StartAsync("prod");
        var file = Path.Combine(fleet.Folder, "bad-rbac.yaml");
        File.WriteAllText(file, "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: a, namespace: kube-system}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");

        var run = await fleet.RunAsync("cluster", "add", "prod", "--rbac", file, "--yes");
        var both = await fleet.RunAsync("cluster", "add", "prod", "--rbac", file, "--namespace", "team-a", "--yes");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("v1 ConfigMap is not an RBAC object", run.Stderr);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("--rbac and --namespace do not go together", both.Stderr);
        Assert.DoesNotContain(fleet["prod"].Requests.Entries, e => e.Method != "GET");
    }
}
