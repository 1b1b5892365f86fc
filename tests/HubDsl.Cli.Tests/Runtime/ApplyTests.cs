using System.Text;
using System.Threading.Tasks;
using HubDsl.Cli.Runtime;
using HubDsl.KubeEmulator;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>`hubdsl apply` and `hubdsl diff`: server-side apply with the fleet's field manager, prune, dry run, diff exit codes.</summary>
public sealed class ApplyTests
{
    private static string Decode(JsonNode? node) => Encoding.UTF8.GetString(Convert.FromBase64String(node!.GetValue<string>()));

    private static TestProject Project(RuntimeFleet fleet) =>
        new TestProject(Path.Combine(fleet.Folder, "project"))
            .Cluster("staging", fleet.ServerOf(fleet["staging"]), ("env", "staging"), ("deploy", "true"))
            .Cluster("prod", fleet.ServerOf(fleet["prod"]), ("env", "prod"), ("deploy", "true"))
            .AppSet("agent");

    [Fact]
    public async Task The_example_project_applies_created_then_unchanged()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        var example = Path.Combine(TestProject.RepositoryRoot(), "examples", "AgentFleet");

        var first = await fleet.RunAsync("apply", "--project", example);
        var second = await fleet.RunAsync("apply", "--project", example);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(
            new[] { "appproject/agent created", "secret/cluster-dr-api.example.com-3831017382 created", "secret/cluster-prod-api.example.com-2412369949 created", "secret/cluster-staging-api.example.com-710761773 created", "applicationset/agent-multi-cluster created" },
            first.Stdout.Trim().Split('\n'));
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.All(second.Stdout.Trim().Split('\n'), line => Assert.EndsWith(" unchanged", line));
        Assert.Equal(5, second.Stdout.Trim().Split('\n').Length);
        Assert.NotNull(fleet.Hub.Resources.TryGet(ResourceCatalog.AppProjects, "argocd", "agent"));

        var appSet = fleet.Hub.Resources.TryGet(ResourceCatalog.ApplicationSets, "argocd", "agent-multi-cluster")!;
        Assert.Equal("agent-{{name}}", appSet["spec"]!["template"]!["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal("hubdsl-fleet-agentfleet", appSet["metadata"]!["managedFields"]![0]!["manager"]!.GetValue<string>());
        Assert.Equal("Apply", appSet["metadata"]!["managedFields"]![0]!["operation"]!.GetValue<string>());
        Assert.Equal("true", appSet["metadata"]!["labels"]!["fleet.hubdsl.io/agentfleet"]!.GetValue<string>());
        Assert.All(fleet.Hub.Requests.Entries.Where(e => e.Method == "PATCH"), e => Assert.Contains("fieldManager=hubdsl-fleet-agentfleet", e.Query));
        var secret = fleet.Hub.Resources.TryGet(ResourceCatalog.Secrets, "argocd", "cluster-prod-api.example.com-2412369949")!;
        Assert.Equal("prod", Decode(secret["data"]!["name"]));
        Assert.Null(secret["data"]!["config"]);
    }

    [Fact]
    public async Task Apply_leaves_the_registered_config_alone_and_a_change_is_configured()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging", "prod");
        var added = await fleet.RunAsync("cluster", "add", "staging", "--yes");
        Assert.True(added.ExitCode == 0, added.ToString());
        var config = fleet.HubSecret(fleet["staging"])!["data"]!["config"]!.GetValue<string>();
        var project = Project(fleet);

        var run = await fleet.RunAsync("apply", "--project", project.Folder, "-o", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var results = JsonNode.Parse(run.Stdout)!["objects"]!.AsArray().ToDictionary(o => o!["name"]!.GetValue<string>(), o => o!["result"]!.GetValue<string>());
        Assert.Equal("configured", results[fleet.SecretNameOf(fleet["staging"])]);
        Assert.Equal("created", results[fleet.SecretNameOf(fleet["prod"])]);
        Assert.Equal("created", results["agent"]);
        var secret = fleet.HubSecret(fleet["staging"])!;
        Assert.Equal(config, secret["data"]!["config"]!.GetValue<string>());
        Assert.Equal("staging", secret["metadata"]!["labels"]!["env"]!.GetValue<string>());
        Assert.Equal("argocd.argoproj.io", secret["metadata"]!["annotations"]!["managed-by"]!.GetValue<string>());
        Assert.DoesNotContain(fleet.SpokeToken(fleet["staging"])!, run.All);

        // The fleet's manager owns no part of config.
        var hubdsl = secret["metadata"]!["managedFields"]!.AsArray().Single(m => m!["manager"]!.GetValue<string>() == "hubdsl-fleet-test")!;
        Assert.Null(hubdsl["fieldsV1"]!["f:data"]!["f:config"]);

        // Remove the label and re-apply: SSA drops it (the fleet owned it alone); config stays.
        project.Cluster("staging", fleet.ServerOf(fleet["staging"]), ("env", "stage"));
        var again = await fleet.RunAsync("apply", "--project", project.Folder);
        Assert.Contains("secret/" + fleet.SecretNameOf(fleet["staging"]) + " configured", again.Stdout);
        Assert.Contains("applicationset/agent unchanged", again.Stdout);
        secret = fleet.HubSecret(fleet["staging"])!;
        Assert.Equal("stage", secret["metadata"]!["labels"]!["env"]!.GetValue<string>());
        Assert.Null(secret["metadata"]!["labels"]!["deploy"]);
        Assert.Equal(config, secret["data"]!["config"]!.GetValue<string>());

        // Still reachable with the registered credentials.
        var get = await fleet.RunAsync("cluster", "get", "staging");
        Assert.True(get.ExitCode == 0, get.ToString());
    }

    [Fact]
    public async Task Prune_deletes_only_this_fleets_objects_that_are_no_longer_generated()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging", "prod");
        var project = Project(fleet).AppSet("extra");
        Assert.Equal(0, (await fleet.RunAsync("apply", "--project", project.Folder)).ExitCode);
        fleet.Hub.Seed("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata: { name: hand-made, namespace: argocd }
            spec: { generators: [], template: { metadata: {}, spec: { project: default, destination: {} } } }
            """);
        project.Remove("argocd/applicationsets/extra.yaml");
        project.Remove("argocd/clusters/prod.yaml");

        var withoutPrune = await fleet.RunAsync("apply", "--project", project.Folder);
        Assert.DoesNotContain("pruned", withoutPrune.Stdout);
        Assert.NotNull(fleet.Hub.Resources.TryGet(ResourceCatalog.ApplicationSets, "argocd", "extra"));

        var dry = await fleet.RunAsync("apply", "--project", project.Folder, "--prune", "--dry-run");
        Assert.Contains("applicationset/extra pruned (server dry run)", dry.Stdout);
        Assert.NotNull(fleet.Hub.Resources.TryGet(ResourceCatalog.ApplicationSets, "argocd", "extra"));

        var run = await fleet.RunAsync("apply", "--project", project.Folder, "--prune", "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("applicationset/extra pruned", run.Stdout);
        Assert.Contains("secret/" + fleet.SecretNameOf(fleet["prod"]) + " pruned", run.Stdout);
        Assert.Null(fleet.Hub.Resources.TryGet(ResourceCatalog.ApplicationSets, "argocd", "extra"));
        Assert.Null(fleet.HubSecret(fleet["prod"]));
        Assert.NotNull(fleet.Hub.Resources.TryGet(ResourceCatalog.ApplicationSets, "argocd", "hand-made"));
        Assert.NotNull(fleet.HubSecret(fleet["staging"]));
        Assert.NotNull(fleet.Hub.Resources.TryGet(ResourceCatalog.ApplicationSets, "argocd", "agent"));
    }

    [Fact]
    public async Task Dry_run_uses_the_server_dry_run_and_changes_nothing()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging", "prod");
        var project = Project(fleet);

        var run = await fleet.RunAsync("apply", "--project", project.Folder, "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("applicationset/agent created (server dry run)", run.Stdout);
        Assert.Null(fleet.Hub.Resources.TryGet(ResourceCatalog.ApplicationSets, "argocd", "agent"));
        Assert.Null(fleet.HubSecret(fleet["staging"]));
        Assert.All(fleet.Hub.Requests.Entries.Where(e => e.Method == "PATCH"), e => Assert.Contains("dryRun=All", e.Query));

        Assert.Equal(0, (await fleet.RunAsync("apply", "--project", project.Folder)).ExitCode);
        project.AppSet("agent", revision: "v2");
        var changed = await fleet.RunAsync("apply", "--project", project.Folder, "--dry-run");
        Assert.Contains("applicationset/agent configured (server dry run)", changed.Stdout);
        Assert.Contains("unchanged (server dry run)", changed.Stdout);
        Assert.Equal("main", fleet.Hub.Resources.TryGet(ResourceCatalog.ApplicationSets, "argocd", "agent")!["spec"]!["template"]!["spec"]!["source"]!["targetRevision"]!.GetValue<string>());
    }

    [Fact]
    public async Task Transient_hub_errors_are_retried_and_a_hard_failure_is_reported_per_object()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging", "prod");
        var project = Project(fleet);
        var transient = fleet.Hub.Faults.FailNext(2, 500, matches: e => e.Method == "PATCH");
        var hard = fleet.Hub.Faults.FailNext(1, 422, matches: e => e.Method == "PATCH" && e.Path.Contains("applicationsets", StringComparison.Ordinal));

        var run = await fleet.RunAsync("apply", "--project", project.Folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(0, transient.Remaining);
        Assert.Equal(0, hard.Remaining);
        Assert.Contains("applicationset/agent failed: 422 Invalid: injected invalid", run.Stdout);
        Assert.Contains("secret/" + fleet.SecretNameOf(fleet["staging"]) + " created", run.Stdout);
        Assert.Contains("secret/" + fleet.SecretNameOf(fleet["prod"]) + " created", run.Stdout);
    }

    [Fact]
    public async Task Prune_is_skipped_when_an_object_failed()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging", "prod");
        var project = Project(fleet).AppSet("extra");
        Assert.Equal(0, (await fleet.RunAsync("apply", "--project", project.Folder)).ExitCode);
        project.Remove("argocd/applicationsets/extra.yaml");
        fleet.Hub.Faults.FailNext(1, 422, matches: e => e.Method == "PATCH" && e.Path.EndsWith("/agent", StringComparison.Ordinal));

        var run = await fleet.RunAsync("apply", "--project", project.Folder, "--prune", "--yes");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("prune failed: skipped because some objects failed to apply", run.Stdout);
        Assert.NotNull(fleet.Hub.Resources.TryGet(ResourceCatalog.ApplicationSets, "argocd", "extra"));
    }

    [Fact]
    public async Task An_unreachable_hub_is_one_line_and_exit_1()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging", "prod");
        var project = Project(fleet);
        await fleet.Hub.StopListeningAsync();

        var run = await fleet.RunAsync("apply", "--project", project.Folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("connection refused", run.All);
        Assert.DoesNotContain("   at ", run.All);
    }

    [Fact]
    public async Task A_project_without_generated_manifests_is_exit_2()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        var empty = Path.Combine(fleet.Folder, "empty");
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, "handwritten.yaml"), "apiVersion: v1\nkind: Secret\nmetadata: {name: x}\n");

        var run = await fleet.RunAsync("apply", "--project", empty);
        var missing = await fleet.RunAsync("apply", "--project", Path.Combine(fleet.Folder, "nope"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no generated hub manifests", run.Stderr);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Stderr);
        Assert.DoesNotContain(fleet.Hub.Requests.Entries, e => e.Method != "GET");
    }

    [Fact]
    public async Task Diff_is_exit_1_with_a_unified_diff_then_exit_0_after_apply()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging", "prod");
        var added = await fleet.RunAsync("cluster", "add", "staging", "--yes");
        Assert.Equal(0, added.ExitCode);
        var project = Project(fleet);

        var before = await fleet.RunAsync("diff", "--project", project.Folder);

        Assert.True(before.ExitCode == 1, before.ToString());
        Assert.Contains("--- live/argoproj.io.v1alpha1.ApplicationSet.argocd.agent", before.Stdout);
        Assert.Contains("+++ merged/argoproj.io.v1alpha1.ApplicationSet.argocd.agent", before.Stdout);
        Assert.Contains("+  name: agent", before.Stdout);
        Assert.Contains("+    deploy: 'true'", before.Stdout); // the registered staging Secret gains labels
        Assert.DoesNotContain(fleet.SpokeToken(fleet["staging"])!, before.All);
        Assert.Null(fleet.Hub.Resources.TryGet(ResourceCatalog.ApplicationSets, "argocd", "agent"));

        Assert.Equal(0, (await fleet.RunAsync("apply", "--project", project.Folder)).ExitCode);
        var after = await fleet.RunAsync("diff", "--project", project.Folder);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Equal(string.Empty, after.Stdout);

        project.AppSet("agent", revision: "v2");
        var changed = await fleet.RunAsync("diff", "--project", project.Folder);
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("-        targetRevision: main", changed.Stdout);
        Assert.Contains("+        targetRevision: v2", changed.Stdout);
        Assert.Contains("@@ -", changed.Stdout);

        project.Remove("argocd/applicationsets/agent.yaml");
        project.AppSet("other");
        var pruning = await fleet.RunAsync("diff", "--project", project.Folder, "--prune");
        Assert.Contains("-  name: agent", pruning.Stdout);
    }

    [Fact]
    public void Secret_values_in_a_diff_are_masked_except_the_plain_cluster_keys()
    {
        JsonObject Secret(string token, string name) => new()
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = "s", ["namespace"] = "argocd" },
            ["data"] = new JsonObject
            {
                ["name"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(name)),
                ["config"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"bearerToken\":\"" + token + "\"}")),
                ["other"] = "c2FtZQ==",
            },
        };

        var diff = ManifestApplier.Diff(ResourceType.Secret, "argocd", "s", Secret("old-token-1234567", "a"), Secret("new-token-7654321", "b"));

        Assert.Contains("-  config: '*** (before)'", diff);
        Assert.Contains("+  config: '*** (after)'", diff);
        Assert.Contains("-  name: a", diff);
        Assert.Contains("+  name: b", diff);
        Assert.Contains("   other: '***'", diff);
        Assert.DoesNotContain("token", diff);
        Assert.DoesNotContain("c2FtZQ", diff);
    }

    [Fact]
    public async Task Diff_fails_with_exit_2_when_the_hub_cannot_answer()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging", "prod");
        var project = Project(fleet);
        fleet.Hub.Faults.FailNext(100, 403);

        var run = await fleet.RunAsync("diff", "--project", project.Folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("403", run.Stderr);
    }
}
