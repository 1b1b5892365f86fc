using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using HubDsl.Cli.Runtime;
using HubDsl.Core.Manifests;
using HubDsl.KubeEmulator;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>Ctrl+C during cluster add or apply: the command says what it did and how to undo it (or undoes it).</summary>
public sealed class InterruptTests
{
    // A spoke whose token controller does not fill the token in time: cluster add waits after creating everything
    // on the spoke and before writing the hub Secret.
    private static Task<RuntimeFleet> SlowTokenFleet() => RuntimeFleet.StartAsync(new[] { "staging" }, name => new EmulatedClusterOptions
    {
        Name = name,
        TokenControllerDelay = TimeSpan.FromMinutes(10),
        InstallArgoCdCrds = false,
    });

    private static JsonObject? SpokeObject(EmulatedCluster spoke, ResourceKind kind, string? ns, string name) => spoke.Resources.TryGet(kind, ns, name);

    // Runs hubdsl and cancels it (as Ctrl+C does) once the emulators show the given state.
    private static async Task<RunResult> RunUntilAsync(RuntimeFleet fleet, Func<bool> cancelWhen, params string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        var run = fleet.RunWithAsync(null, interrupt.Token, args);
        var waited = Stopwatch.StartNew();
        while (!cancelWhen() && !run.IsCompleted)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the state to interrupt in never came");
            await Task.Delay(20);
        }

        interrupt.Cancel();
        return await run;
    }

    [Fact]
    public async Task Cluster_add_interrupted_before_the_hub_Secret_lists_what_it_created_and_cluster_rm_by_context_removes_it()
    {
        await using var fleet = await SlowTokenFleet();
        var spoke = fleet["staging"];

        var run = await RunUntilAsync(fleet, () => SpokeObject(spoke, ResourceCatalog.Secrets, "kube-system", SpokeRbacManifest.TokenSecretName) is not null, "cluster", "add", "staging", "--yes");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("hubdsl: cluster add staging cancelled during: waiting for the token controller to fill kube-system/argocd-manager-long-lived-token", run.Stderr);
        Assert.Contains("hubdsl: it created on the spoke: ServiceAccount kube-system/argocd-manager, ClusterRole argocd-manager-role, ClusterRoleBinding argocd-manager-role-binding, Secret kube-system/argocd-manager-long-lived-token", run.Stderr);
        Assert.Contains("hubdsl: the hub has no cluster Secret for " + fleet.ServerOf(spoke) + ", so cluster list does not show the cluster", run.Stderr);
        Assert.Contains("hubdsl: remove them with: hubdsl cluster rm --context staging (or run cluster add again", run.Stderr);
        Assert.DoesNotContain("hubdsl: cancelled", run.Stderr); // not the bare word any more
        Assert.Null(fleet.HubSecret(spoke));
        Assert.NotNull(SpokeObject(spoke, ResourceCatalog.ClusterRoles, null, SpokeRbacManifest.RoleName));
        Assert.Empty(JsonNode.Parse((await fleet.RunAsync("cluster", "list", "-o", "json")).Stdout)!["clusters"]!.AsArray());

        // The command it printed.
        var rm = await fleet.RunAsync("cluster", "rm", "--context", "staging", "--yes");

        Assert.True(rm.ExitCode == 0, rm.ToString());
        Assert.Contains("ClusterRoleBinding argocd-manager-role-binding deleted (via context staging)", rm.Stdout);
        Assert.Contains("No cluster Secret for " + fleet.ServerOf(spoke) + " on the hub; the spoke of context 'staging' is clean", rm.Stdout);
        Assert.Null(SpokeObject(spoke, ResourceCatalog.ServiceAccounts, "kube-system", SpokeRbacManifest.ServiceAccountName));
        Assert.Null(SpokeObject(spoke, ResourceCatalog.ClusterRoles, null, SpokeRbacManifest.RoleName));
        Assert.Null(SpokeObject(spoke, ResourceCatalog.ClusterRoleBindings, null, SpokeRbacManifest.BindingName));
        Assert.Null(SpokeObject(spoke, ResourceCatalog.Secrets, "kube-system", SpokeRbacManifest.TokenSecretName));
    }

    [Fact]
    public async Task Rollback_on_cancel_removes_only_what_this_run_created()
    {
        await using var fleet = await SlowTokenFleet();
        var spoke = fleet["staging"];
        spoke.Seed("""
            apiVersion: v1
            kind: ServiceAccount
            metadata: { name: argocd-manager, namespace: kube-system, labels: { existed: before } }
            """);

        var run = await RunUntilAsync(fleet, () => SpokeObject(spoke, ResourceCatalog.Secrets, "kube-system", SpokeRbacManifest.TokenSecretName) is not null, "cluster", "add", "staging", "--yes", "--rollback-on-cancel");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("ServiceAccount kube-system/argocd-manager unchanged", run.Stdout);
        Assert.Contains("Secret kube-system/argocd-manager-long-lived-token deleted (rollback)", run.Stdout);
        Assert.Contains("ClusterRoleBinding argocd-manager-role-binding deleted (rollback)", run.Stdout);
        Assert.Contains("ClusterRole argocd-manager-role deleted (rollback)", run.Stdout);
        Assert.DoesNotContain("ServiceAccount kube-system/argocd-manager deleted", run.Stdout);
        Assert.Contains("hubdsl: removed what this run had created (listed above); objects that existed before it were left as they were", run.Stderr);
        Assert.Equal("before", SpokeObject(spoke, ResourceCatalog.ServiceAccounts, "kube-system", SpokeRbacManifest.ServiceAccountName)!["metadata"]!["labels"]!["existed"]!.GetValue<string>());
        Assert.Null(SpokeObject(spoke, ResourceCatalog.ClusterRoles, null, SpokeRbacManifest.RoleName));
        Assert.Null(SpokeObject(spoke, ResourceCatalog.Secrets, "kube-system", SpokeRbacManifest.TokenSecretName));
        Assert.Null(fleet.HubSecret(spoke));
    }

    [Fact]
    public async Task Cluster_add_interrupted_while_writing_the_hub_Secret_says_it_may_exist()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");
        var spoke = fleet["staging"];
        fleet.Hub.Faults.Latency = TimeSpan.FromMinutes(5);
        fleet.Hub.Faults.LatencyMatches = e => e.Method == "PATCH";

        var run = await RunUntilAsync(fleet, () => fleet.Hub.Requests.Entries.Any(e => e.Method == "PATCH"), "cluster", "add", "staging", "--yes");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("cancelled during: cluster Secret argocd/" + fleet.SecretNameOf(spoke) + " on the hub", run.Stderr);
        Assert.Contains("hubdsl: the request writing the hub's cluster Secret " + fleet.SecretNameOf(spoke) + " was under way: it may have been written (hubdsl cluster get " + fleet.ServerOf(spoke) + ")", run.Stderr);
        Assert.DoesNotContain(fleet.SpokeToken(spoke)!, run.All);
    }

    [Fact]
    public async Task Apply_interrupted_lists_what_was_applied_what_was_under_way_and_what_was_not_started()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging", "prod");
        var project = new TestProject(Path.Combine(fleet.Folder, "project"))
            .Cluster("staging", fleet.ServerOf(fleet["staging"]), ("deploy", "true"))
            .Cluster("prod", fleet.ServerOf(fleet["prod"]), ("deploy", "true"))
            .AppSet("agent");
        var patches = () => fleet.Hub.Requests.Entries.Count(e => e.Method == "PATCH");

        // One at a time: the first object applies; the second one's apply is held until Ctrl+C.
        fleet.Hub.Faults.Latency = TimeSpan.FromMinutes(5);
        fleet.Hub.Faults.LatencyMatches = e => e.Method == "PATCH" && patches() >= 2;
        var run = await RunUntilAsync(fleet, () => patches() >= 2, "apply", "--project", project.Folder, "--concurrency", "1");

        Assert.True(run.ExitCode == 1, run.ToString());
        var secrets = new[] { fleet.SecretNameOf(fleet["prod"]), fleet.SecretNameOf(fleet["staging"]) }.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal("secret/" + secrets[0] + " created", run.Stdout.Trim());
        Assert.Contains("hubdsl: cancelled: 1 object(s) handled as listed above", run.Stderr);
        Assert.Contains("hubdsl: the request for Secret argocd/" + secrets[1] + " was under way: it may or may not have been applied", run.Stderr);
        Assert.Contains("hubdsl: not started: ApplicationSet argocd/agent", run.Stderr);
        Assert.Contains("hubdsl: run the same hubdsl apply again to finish", run.Stderr);
    }

    [Fact]
    public async Task Apply_interrupted_with_several_requests_in_flight_lists_each_of_them()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging", "prod");
        var project = new TestProject(Path.Combine(fleet.Folder, "project"))
            .Cluster("staging", fleet.ServerOf(fleet["staging"]), ("deploy", "true"))
            .Cluster("prod", fleet.ServerOf(fleet["prod"]), ("deploy", "true"))
            .AppSet("agent");
        var patches = () => fleet.Hub.Requests.Entries.Count(e => e.Method == "PATCH");

        // Both Secrets' applies are held until Ctrl+C; the ApplicationSet waits for the Secrets to finish.
        fleet.Hub.Faults.Latency = TimeSpan.FromMinutes(5);
        fleet.Hub.Faults.LatencyMatches = e => e.Method == "PATCH";
        var run = await RunUntilAsync(fleet, () => patches() >= 2, "apply", "--project", project.Folder, "--concurrency", "2");

        Assert.True(run.ExitCode == 1, run.ToString());
        var secrets = new[] { fleet.SecretNameOf(fleet["prod"]), fleet.SecretNameOf(fleet["staging"]) }.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(string.Empty, run.Stdout.Trim());
        Assert.Contains("hubdsl: cancelled: 0 object(s) handled as listed above", run.Stderr);
        Assert.Contains("hubdsl: the requests for Secret argocd/" + secrets[0] + ", Secret argocd/" + secrets[1] + " were under way: each may or may not have been applied", run.Stderr);
        Assert.Contains("hubdsl: not started: ApplicationSet argocd/agent", run.Stderr);
    }

    [Fact]
    public async Task Ctrl_C_on_the_real_process_prints_what_cluster_add_created()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // SIGINT is sent with kill(1)
        await using var fleet = await SlowTokenFleet();
        var spoke = fleet["staging"];
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "hubdsl.dll"), "cluster", "add", "staging", "--yes", "--kubeconfig", fleet.Kubeconfig }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var waited = Stopwatch.StartNew();
        while (SpokeObject(spoke, ResourceCatalog.Secrets, "kube-system", SpokeRbacManifest.TokenSecretName) is null)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited, "cluster add never reached the token wait: " + (process.HasExited ? await stderr : string.Empty));
            await Task.Delay(20);
        }

        using (var kill = Process.Start("kill", new[] { "-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })!)
        {
            await kill.WaitForExitAsync();
        }

        Assert.True(process.WaitForExit(30_000), "hubdsl did not stop after SIGINT");
        var error = await stderr;
        Assert.True(process.ExitCode == 1, "exit " + process.ExitCode + "\n" + await stdout + error);
        Assert.Contains("hubdsl: it created on the spoke: ServiceAccount kube-system/argocd-manager", error);
        Assert.Contains("hubdsl cluster rm --context staging", error);
    }
}
