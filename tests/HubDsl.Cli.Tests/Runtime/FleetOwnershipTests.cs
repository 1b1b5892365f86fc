using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HubDsl.Cli.Runtime;
using HubDsl.KubeEmulator;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>
/// Two fleets (two HubDsl projects) on one hub: each applies as its own field manager and prunes only what it
/// labelled; a cluster both declare keeps both fleets' labels.
/// </summary>
public sealed class FleetOwnershipTests
{
    private static TestProject TeamA(RuntimeFleet fleet) =>
        new TestProject(Path.Combine(fleet.Folder, "team-a"), "team-a")
            .Cluster("shared", fleet.ServerOf(fleet["shared"]), ("env", "prod"), ("team-a", "true"))
            .Cluster("a-only", fleet.ServerOf(fleet["a-only"]), ("team-a", "true"))
            .AppSet("a-app", selectorLabel: "team-a");

    private static TestProject TeamB(RuntimeFleet fleet) =>
        new TestProject(Path.Combine(fleet.Folder, "team-b"), "team-b")
            .Cluster("shared", fleet.ServerOf(fleet["shared"]), ("env", "prod"), ("team-b", "true"))
            .AppSet("b-app", selectorLabel: "team-b");

    // A client of the hub as kubectl would be (for labels set by hand, or an older hubdsl's apply).
    private static KubeObjectClient Kubectl(RuntimeFleet fleet) =>
        KubeObjectClient.Create(k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile(fleet.Kubeconfig, currentContext: "hub"), RetryPolicy.None);

    private static JsonObject? AppSet(RuntimeFleet fleet, string name) => fleet.Hub.Resources.TryGet(ResourceCatalog.ApplicationSets, "argocd", name);

    private static IEnumerable<string> Managers(JsonObject? obj) =>
        (obj?["metadata"]?["managedFields"] as JsonArray ?? new JsonArray()).Select(m => m!["manager"]!.GetValue<string>()).Order();

    private static Dictionary<string, string> Labels(JsonObject? obj) =>
        (obj?["metadata"]?["labels"] as JsonObject ?? new JsonObject()).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Two_fleets_that_declare_the_same_cluster_keep_each_others_labels(bool bFirst)
    {
        await using var fleet = await RuntimeFleet.StartAsync("shared", "a-only");
        var a = TeamA(fleet);
        var b = TeamB(fleet);
        var order = bFirst ? new[] { b, a, b, a } : new[] { a, b, a, b };

        foreach (var project in order)
        {
            var run = await fleet.RunAsync("apply", "--project", project.Folder);
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        var labels = Labels(fleet.HubSecret(fleet["shared"]));
        Assert.Equal("true", labels["team-a"]);
        Assert.Equal("true", labels["team-b"]);
        Assert.Equal("true", labels["fleet.hubdsl.io/team-a"]);
        Assert.Equal("true", labels["fleet.hubdsl.io/team-b"]);
        Assert.Equal("prod", labels["env"]);
        var managers = fleet.HubSecret(fleet["shared"])!["metadata"]!["managedFields"]!.AsArray().Select(m => m!["manager"]!.GetValue<string>()).Order();
        Assert.Equal(new[] { "hubdsl-fleet-team-a", "hubdsl-fleet-team-b" }, managers);
    }

    [Fact]
    public async Task Neither_fleet_sees_a_difference_once_both_applied_and_a_dry_run_changes_nothing()
    {
        await using var fleet = await RuntimeFleet.StartAsync("shared", "a-only");
        var a = TeamA(fleet);
        var b = TeamB(fleet);
        Assert.Equal(0, (await fleet.RunAsync("apply", "--project", a.Folder)).ExitCode);

        var dry = await fleet.RunAsync("apply", "--project", b.Folder, "--dry-run");

        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains("secret/" + fleet.SecretNameOf(fleet["shared"]) + " configured (server dry run)", dry.Stdout);
        Assert.False(Labels(fleet.HubSecret(fleet["shared"])).ContainsKey("team-b"));
        Assert.Null(AppSet(fleet, "b-app"));

        Assert.Equal(0, (await fleet.RunAsync("apply", "--project", b.Folder)).ExitCode);
        foreach (var project in new[] { a, b })
        {
            // Under one shared field manager each fleet's diff would remove the other's labels.
            var diff = await fleet.RunAsync("diff", "--project", project.Folder);
            Assert.True(diff.ExitCode == 0, project.Fleet + ": " + diff);
            var again = await fleet.RunAsync("apply", "--project", project.Folder, "--dry-run");
            Assert.All(again.Stdout.Trim().Split('\n'), line => Assert.EndsWith(" unchanged (server dry run)", line));
        }
    }

    [Theory]
    [InlineData("team-a", false)]
    [InlineData("team-a", true)]
    [InlineData("team-b", false)]
    [InlineData("team-b", true)]
    public async Task Prune_deletes_only_its_own_objects_and_releases_a_cluster_another_fleet_declares(string pruner, bool dryRun)
    {
        await using var fleet = await RuntimeFleet.StartAsync("shared", "a-only");
        var a = TeamA(fleet);
        var b = TeamB(fleet).AppSet("b-keep", selectorLabel: "team-b");
        Assert.Equal(0, (await fleet.RunAsync("apply", "--project", a.Folder)).ExitCode);
        Assert.Equal(0, (await fleet.RunAsync("apply", "--project", b.Folder)).ExitCode);
        var (mine, other, gone) = pruner == "team-a" ? (a, b, "a-app") : (b, a, "b-app");
        mine.Remove("argocd/clusters/shared.yaml");
        mine.Remove("argocd/applicationsets/" + gone + ".yaml");
        if (pruner == "team-a") mine.AppSet("a-keep", selectorLabel: "team-a");
        var before = fleet.HubSecret(fleet["shared"])!.ToJsonString();

        var run = await fleet.RunAsync(dryRun ? new[] { "apply", "--project", mine.Folder, "--prune", "--dry-run" } : new[] { "apply", "--project", mine.Folder, "--prune", "--yes" });

        Assert.True(run.ExitCode == 0, run.ToString());
        var suffix = dryRun ? " (server dry run)" : string.Empty;
        Assert.Contains("applicationset/" + gone + " pruned" + suffix, run.Stdout);
        Assert.Contains("secret/" + fleet.SecretNameOf(fleet["shared"]) + " released" + suffix, run.Stdout);
        Assert.Contains("leaves alone the objects of other fleets: " + other.Fleet, run.Stderr);

        // The other fleet's objects are never touched, whatever this fleet generates.
        foreach (var name in pruner == "team-a" ? new[] { "b-app", "b-keep" } : new[] { "a-app" })
        {
            Assert.NotNull(AppSet(fleet, name));
        }

        var shared = fleet.HubSecret(fleet["shared"]);
        Assert.NotNull(shared);
        if (dryRun)
        {
            Assert.NotNull(AppSet(fleet, gone));
            Assert.Equal(before, shared!.ToJsonString());
            return;
        }

        Assert.Null(AppSet(fleet, gone));
        var labels = Labels(shared);
        Assert.False(labels.ContainsKey(mine.FleetLabel), string.Join(",", labels.Keys));
        Assert.False(labels.ContainsKey(mine.Fleet), "this fleet's own cluster label goes with it");
        Assert.Equal("true", labels[other.FleetLabel]);
        Assert.Equal("true", labels[other.Fleet]);
        Assert.Equal("prod", labels["env"]); // shared with the other fleet: stays
        Assert.Equal("shared", Encoding.UTF8.GetString(Convert.FromBase64String(shared!["data"]!["name"]!.GetValue<string>())));
        Assert.Equal(new[] { "hubdsl-fleet-" + other.Fleet }, Managers(shared));
        if (pruner == "team-a") Assert.NotNull(fleet.HubSecret(fleet["a-only"]));

        // The other fleet applies on: nothing of its own was lost.
        var otherDiff = await fleet.RunAsync("diff", "--project", other.Folder);
        Assert.True(otherDiff.ExitCode == 0, otherDiff.ToString());
    }

    [Fact]
    public async Task Prune_asks_first_and_a_refusal_changes_nothing()
    {
        await using var fleet = await RuntimeFleet.StartAsync("shared", "a-only");
        var a = TeamA(fleet).AppSet("extra", selectorLabel: "team-a");
        Assert.Equal(0, (await fleet.RunAsync("apply", "--project", a.Folder)).ExitCode);
        a.Remove("argocd/applicationsets/extra.yaml");
        a.Cluster("shared", fleet.ServerOf(fleet["shared"]), ("env", "staging"), ("team-a", "true")); // a change that must not be applied either
        var requests = fleet.Hub.Requests.Entries.Count;

        var closed = await fleet.RunAsync("apply", "--project", a.Folder, "--prune");
        var no = await fleet.RunWithAsync(new Queue<string?>(new[] { "n" }), CancellationToken.None, "apply", "--project", a.Folder, "--prune");

        foreach (var refused in new[] { closed, no })
        {
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("  delete  ApplicationSet argocd/extra", refused.Stderr);
            Assert.Contains("apply --prune cancelled, nothing was changed", refused.Stderr);
            Assert.Equal(string.Empty, refused.Stdout);
        }

        Assert.Contains("--yes", closed.Stderr);
        Assert.Contains("Delete 1 object(s)? [y/N]", no.Stderr);
        Assert.DoesNotContain(fleet.Hub.Requests.Entries.Skip(requests), e => e.Method != "GET");
        Assert.NotNull(AppSet(fleet, "extra"));
        Assert.Equal("prod", Labels(fleet.HubSecret(fleet["shared"]))["env"]);

        var yes = await fleet.RunWithAsync(new Queue<string?>(new[] { "y" }), CancellationToken.None, "apply", "--project", a.Folder, "--prune");

        Assert.True(yes.ExitCode == 0, yes.ToString());
        Assert.Contains("applicationset/extra pruned", yes.Stdout);
        Assert.Null(AppSet(fleet, "extra"));
        Assert.Equal("staging", Labels(fleet.HubSecret(fleet["shared"]))["env"]);
    }

    [Fact]
    public async Task Objects_without_a_fleet_label_are_kept_and_listed_with_the_command_that_adopts_them()
    {
        await using var fleet = await RuntimeFleet.StartAsync("shared", "a-only");
        var a = TeamA(fleet);
        fleet.Hub.Seed("""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata: { name: legacy, namespace: argocd, labels: { app.kubernetes.io/managed-by: hubdsl } }
            spec: { generators: [], template: { metadata: {}, spec: { project: default, destination: {} } } }
            """);
        fleet.Hub.Seed("""
            apiVersion: v1
            kind: Secret
            metadata: { name: cluster-legacy, namespace: argocd, labels: { app.kubernetes.io/managed-by: hubdsl, argocd.argoproj.io/secret-type: cluster } }
            stringData: { name: legacy, server: "https://legacy.example.com" }
            """);

        var run = await fleet.RunAsync("apply", "--project", a.Folder, "--prune", "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("applicationset/legacy kept: labelled app.kubernetes.io/managed-by=hubdsl but by no fleet (an older hubdsl wrote it), so never pruned; to make it this fleet's: kubectl label --namespace argocd applicationsets.argoproj.io/legacy fleet.hubdsl.io/team-a=true", run.Stdout);
        Assert.Contains("secret/cluster-legacy kept: ", run.Stdout);
        Assert.Contains("kubectl label --namespace argocd secrets/cluster-legacy fleet.hubdsl.io/team-a=true", run.Stdout);
        Assert.NotNull(AppSet(fleet, "legacy"));
        Assert.NotNull(fleet.Hub.Resources.TryGet(ResourceCatalog.Secrets, "argocd", "cluster-legacy"));

        // What the printed command does (kubectl label is a merge patch): the object becomes this fleet's, and is pruned.
        using (var kubectl = Kubectl(fleet))
        {
            var label = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["fleet.hubdsl.io/team-a"] = "true" } } };
            await kubectl.MergePatchAsync(ResourceType.ApplicationSet, "argocd", "legacy", label, "kubectl-label", CancellationToken.None);
        }

        var adopted = await fleet.RunAsync("apply", "--project", a.Folder, "--prune", "--yes");
        Assert.Contains("applicationset/legacy pruned", adopted.Stdout);
        Assert.Null(AppSet(fleet, "legacy"));
        Assert.NotNull(fleet.Hub.Resources.TryGet(ResourceCatalog.Secrets, "argocd", "cluster-legacy"));
    }

    [Fact]
    public async Task Two_fleets_setting_one_label_to_different_values_is_an_error_naming_both()
    {
        await using var fleet = await RuntimeFleet.StartAsync("shared", "a-only");
        var a = TeamA(fleet);
        var b = new TestProject(Path.Combine(fleet.Folder, "team-b"), "team-b")
            .Cluster("shared", fleet.ServerOf(fleet["shared"]), ("env", "staging"), ("team-b", "true"))
            .AppSet("b-app", selectorLabel: "team-b");
        Assert.Equal(0, (await fleet.RunAsync("apply", "--project", a.Folder)).ExitCode);

        foreach (var args in new[] { new[] { "apply", "--project", b.Folder, "--dry-run" }, new[] { "apply", "--project", b.Folder } })
        {
            var run = await fleet.RunAsync(args);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("secret/" + fleet.SecretNameOf(fleet["shared"]) + " failed" + (args.Length > 3 ? " (server dry run)" : string.Empty)
                + ": fleet 'team-b' and fleet 'team-a' set .metadata.labels.env to other values (fields owned by field manager hubdsl-fleet-team-a); two projects share this object: declare the same values in both, or declare them in one only. Nothing of it was changed", run.Stdout);
            Assert.Contains("applicationset/b-app created", run.Stdout); // the other objects still apply
        }

        var labels = Labels(fleet.HubSecret(fleet["shared"]));
        Assert.Equal("prod", labels["env"]);
        Assert.False(labels.ContainsKey("team-b"));
    }

    [Fact]
    public async Task The_fields_an_older_hubdsl_applied_go_once_the_fleet_took_over_unless_another_fleet_shares_the_object()
    {
        await using var fleet = await RuntimeFleet.StartAsync("shared", "a-only");
        var a = TeamA(fleet);
        var b = TeamB(fleet);
        Assert.Equal(0, (await fleet.RunAsync("apply", "--project", a.Folder)).ExitCode);
        Assert.Equal(0, (await fleet.RunAsync("apply", "--project", b.Folder)).ExitCode);
        using (var kubectl = Kubectl(fleet))
        {
            // What an older hubdsl (a copy of a project not upgraded yet) applies: its own manager, and a label the
            // fleets do not declare.
            foreach (var spoke in new[] { "shared", "a-only" })
            {
                var old = new JsonObject
                {
                    ["apiVersion"] = "v1",
                    ["kind"] = "Secret",
                    ["metadata"] = new JsonObject { ["name"] = fleet.SecretNameOf(fleet[spoke]), ["namespace"] = "argocd", ["labels"] = new JsonObject { ["removed-since"] = "true", ["env"] = "prod", ["app.kubernetes.io/managed-by"] = "hubdsl" } },
                };
                await kubectl.ApplyAsync(ResourceType.Secret, "argocd", fleet.SecretNameOf(fleet[spoke]), old, "hubdsl", force: true, dryRun: false, CancellationToken.None);
            }
        }

        var run = await fleet.RunAsync("apply", "--project", a.Folder);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("secret/" + fleet.SecretNameOf(fleet["a-only"]) + " configured", run.Stdout);
        var aOnly = fleet.HubSecret(fleet["a-only"]);
        Assert.False(Labels(aOnly).ContainsKey("removed-since"));
        Assert.Equal(new[] { "hubdsl-fleet-team-a" }, Managers(aOnly));

        // Shared with fleet team-b: the old manager's fields may be team-b's, so they stay.
        var shared = fleet.HubSecret(fleet["shared"]);
        Assert.Equal("true", Labels(shared)["removed-since"]);
        Assert.Contains("hubdsl", Managers(shared));
        Assert.Equal("true", Labels(shared)["team-b"]);
    }

    [Fact]
    public async Task Fields_of_kubectl_or_of_an_older_hubdsl_are_taken_over()
    {
        await using var fleet = await RuntimeFleet.StartAsync("shared", "a-only");
        var a = TeamA(fleet);
        using (var kubectl = Kubectl(fleet))
        {
            // An older hubdsl applied as "hubdsl" with another label value; someone edited the ApplicationSet by hand.
            var old = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Secret",
                ["metadata"] = new JsonObject { ["name"] = fleet.SecretNameOf(fleet["shared"]), ["namespace"] = "argocd", ["labels"] = new JsonObject { ["env"] = "old", ["app.kubernetes.io/managed-by"] = "hubdsl" } },
            };
            await kubectl.ApplyAsync(ResourceType.Secret, "argocd", fleet.SecretNameOf(fleet["shared"]), old, "hubdsl", force: true, dryRun: false, CancellationToken.None);
        }

        var run = await fleet.RunAsync("apply", "--project", a.Folder);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("prod", Labels(fleet.HubSecret(fleet["shared"]))["env"]);
        Assert.Contains("hubdsl-fleet-team-a", Managers(fleet.HubSecret(fleet["shared"])));
    }

    [Fact]
    public async Task A_release_never_strips_what_only_this_fleet_applies()
    {
        await using var fleet = await RuntimeFleet.StartAsync("shared", "a-only");
        var a = TeamA(fleet).AppSet("extra", selectorLabel: "team-a");
        Assert.Equal(0, (await fleet.RunAsync("apply", "--project", a.Folder)).ExitCode);
        using (var kubectl = Kubectl(fleet))
        {
            // Fleet team-b's label put on by hand: team-b does not apply the ApplicationSet.
            var label = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["fleet.hubdsl.io/team-b"] = "true" } } };
            await kubectl.MergePatchAsync(ResourceType.ApplicationSet, "argocd", "extra", label, "kubectl-label", CancellationToken.None);
        }

        a.Remove("argocd/applicationsets/extra.yaml");
        var run = await fleet.RunAsync("apply", "--project", a.Folder, "--prune", "--yes");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("applicationset/extra failed: not released: fleet(s) team-b label it but do not apply its spec", run.Stdout);
        Assert.NotNull(AppSet(fleet, "extra")!["spec"]!["generators"]);
        Assert.Equal("true", Labels(AppSet(fleet, "extra"))["fleet.hubdsl.io/team-a"]);
    }

    [Fact]
    public async Task A_project_without_fleet_labels_or_with_two_fleets_is_exit_2()
    {
        await using var fleet = await RuntimeFleet.StartAsync("shared", "a-only");
        var old = new TestProject(Path.Combine(fleet.Folder, "old"));
        File.WriteAllText(Path.Combine(old.Folder, "argocd", "app.yaml"), "# " + HubDsl.Core.Manifests.ManifestHeader.For("Old.App") + "\napiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata:\n  name: p\n  namespace: argocd\n  labels:\n    app.kubernetes.io/managed-by: hubdsl\nspec: {}\n");
        old.Recorded();
        var mixed = TeamA(fleet);
        File.Copy(Path.Combine(TeamB(fleet).Folder, "argocd", "applicationsets", "b-app.yaml"), Path.Combine(mixed.Folder, "argocd", "applicationsets", "b-app.yaml"));
        mixed.Recorded();

        var unlabelled = await fleet.RunAsync("apply", "--project", old.Folder, "--prune", "--yes");
        var two = await fleet.RunAsync("diff", "--project", mixed.Folder);

        Assert.Equal(2, unlabelled.ExitCode);
        Assert.Contains("AppProject argocd/p in '", unlabelled.Stderr);
        Assert.Contains("has no fleet label (fleet.hubdsl.io/<fleet>: \"true\"): it was generated by an older HubDsl; rebuild the project", unlabelled.Stderr);
        Assert.Equal(2, two.ExitCode);
        Assert.Contains("the manifests belong to several fleets: 'team-a' (", two.Stderr);
        Assert.Contains("'team-b' (", two.Stderr);
        Assert.DoesNotContain(fleet.Hub.Requests.Entries, e => e.Method != "GET");
    }

    [Fact]
    public async Task A_cluster_registered_for_the_fleet_that_declares_it_is_that_fleets_and_an_undeclared_one_is_never_pruned()
    {
        await using var fleet = await RuntimeFleet.StartAsync("shared", "a-only");
        var a = TeamA(fleet);
        a.Remove("argocd/clusters/a-only.yaml");

        var declared = await fleet.RunAsync("cluster", "add", "shared", "--fleet", a.Folder, "--yes");
        var undeclared = await fleet.RunAsync("cluster", "add", "a-only", "--fleet", a.Folder, "--yes");

        Assert.True(declared.ExitCode == 0, declared.ToString());
        Assert.Contains("fleet 'team-a' declares this cluster: its hub Secret gets the label fleet.hubdsl.io/team-a=true", declared.Stderr);
        Assert.Equal("true", Labels(fleet.HubSecret(fleet["shared"]))["fleet.hubdsl.io/team-a"]);
        Assert.True(undeclared.ExitCode == 0, undeclared.ToString());
        Assert.Contains("declares no cluster with server " + fleet.ServerOf(fleet["a-only"]), undeclared.Stderr);
        Assert.False(Labels(fleet.HubSecret(fleet["a-only"])).ContainsKey("fleet.hubdsl.io/team-a"));

        // The fleet stops declaring the shared cluster: its prune removes the Secret it registered; the
        // undeclared cluster is not touched, nor even listed.
        a.Remove("argocd/clusters/shared.yaml");
        a.Cluster("other", "https://other.example.com", ("team-a", "true"));
        var prune = await fleet.RunAsync("apply", "--project", a.Folder, "--prune", "--yes");

        Assert.True(prune.ExitCode == 0, prune.ToString());
        Assert.Contains("secret/" + fleet.SecretNameOf(fleet["shared"]) + " pruned", prune.Stdout);
        Assert.Null(fleet.HubSecret(fleet["shared"]));
        Assert.NotNull(fleet.HubSecret(fleet["a-only"])!["data"]!["config"]);
        Assert.DoesNotContain(fleet.SecretNameOf(fleet["a-only"]), prune.All);
    }
}
