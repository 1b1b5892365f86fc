using HubDsl.Tests.Shared;

namespace HubDsl.Cli.Tests.Render;

/// <summary>
/// `hubdsl render --diff-base` end to end on the fixture fleet in a git repository: a change to one environment's
/// values changes exactly that environment's clusters; a label that moves a cluster to another environment shows
/// as that cluster's diff; Secret values never appear; the temporary worktree is always removed.
/// </summary>
public sealed class RenderDiffTests
{
    [HelmFact]
    public void A_change_to_one_environments_values_changes_exactly_those_clusters()
    {
        using var fixture = new RenderFleetFixture(git: true);
        fixture.Edit("charts/web/values-prod.yaml", "logLevel: warn", "logLevel: error");
        var (exit, stdout, stderr) = Diff(fixture);
        Assert.True(exit == 1, stderr);
        Assert.Equal(new[] { "prod-1 web-prod-1 0 0 1", "prod-2 web-prod-2 0 0 1" }, Rows(stdout));
        Assert.Equal(2, Count(stdout, "-              value: warn\n+              value: error"));
        AssertWorktreesRemoved(fixture);

        // prod-2 reads its own values-web-prod-2.yaml after the environment's file: its replicas stay 5, so a
        // change of prod's replicas changes prod-1 only.
        fixture.Commit("prod logs errors only");
        fixture.Edit("charts/web/values-prod.yaml", "replicas: 3", "replicas: 6");
        (exit, stdout, stderr) = Diff(fixture);
        Assert.True(exit == 1, stderr);
        Assert.Equal(new[] { "prod-1 web-prod-1 0 0 1" }, Rows(stdout));
        Assert.Contains("-  replicas: 3\n+  replicas: 6", stdout);
    }

    [HelmFact]
    public void A_label_that_moves_a_cluster_to_another_environment_shows_as_that_clusters_diff()
    {
        using var fixture = new RenderFleetFixture(git: true);
        fixture.Edit("argocd/clusters/staging-1.yaml", "env: staging", "env: prod");
        fixture.Commit("staging-1 joins prod");
        var (exit, stdout, stderr) = Diff(fixture, "HEAD~1");
        Assert.True(exit == 1, stderr);
        // web: the Deployment (environment, replicas, log level) and the Secret (prod's token); worker: the Deployment.
        Assert.Equal(new[] { "staging-1 web-staging-1 0 0 2", "staging-1 worker-staging-1 0 0 1" }, Rows(stdout));
        Assert.Contains("+              value: prod", stdout); // ENVIRONMENT
        Assert.Contains("+  replicas: 4", stdout); // the worker's prod values
    }

    [HelmFact]
    public void Secret_values_are_masked_and_a_changed_one_still_shows()
    {
        using var fixture = new RenderFleetFixture(git: true);
        fixture.Edit("charts/web/values-prod.yaml", "token: prod-token", "token: rotated-token");
        var (exit, stdout, stderr) = Diff(fixture);
        Assert.True(exit == 1, stderr);
        Assert.Equal(new[] { "prod-1 web-prod-1 0 0 1", "prod-2 web-prod-2 0 0 1" }, Rows(stdout));
        Assert.Contains("-  token: '<masked: before>'", stdout);
        Assert.Contains("+  token: '<masked: after>'", stdout);
        Assert.DoesNotContain("prod-token", stdout + stderr);
        Assert.DoesNotContain("rotated-token", stdout + stderr);
    }

    [HelmFact]
    public void No_change_is_exit_0_and_added_Applications_show_as_added_objects()
    {
        using var fixture = new RenderFleetFixture(git: true);
        var (exit, stdout, stderr) = Diff(fixture);
        Assert.True(exit == 0, stderr);
        Assert.Contains("no rendered object changes against HEAD", stdout);

        File.WriteAllText(fixture.PathOf("argocd/clusters/dev-2.yaml"), File.ReadAllText(fixture.PathOf("argocd/clusters/dev-1.yaml")).Replace("dev-1", "dev-2", StringComparison.Ordinal));
        fixture.Record();
        (exit, stdout, stderr) = Diff(fixture);
        Assert.True(exit == 1, stderr);
        Assert.Equal(new[] { "dev-2 web-dev-2 3 0 0", "dev-2 worker-dev-2 3 0 0" }, Rows(stdout));
        Assert.Contains("--- /dev/null\n+++ b/dev-2/web-dev-2/Deployment.apps_web-dev-2.yaml", stdout);
    }

    [HelmFact]
    public void Markdown_has_a_section_per_cluster_and_stays_under_its_limit_with_N_more()
    {
        using var fixture = new RenderFleetFixture(git: true);
        fixture.Edit("charts/web/templates/deployment.yaml", "image:", "imagePullPolicy: Always\n          image:");
        var (exit, stdout, stderr) = Diff(fixture, "HEAD", "--markdown");
        Assert.True(exit == 1, stderr);
        Assert.Equal(4, Count(stdout, "<details><summary>"));
        Assert.Equal(Count(stdout, "<details>"), Count(stdout, "</details>"));
        Assert.Contains("| prod-1 | web-prod-1 | 0 | 0 | 1 |", stdout);

        (exit, stdout, stderr) = Diff(fixture, "HEAD", "--markdown", "--markdown-limit", "1500");
        Assert.True(exit == 1, stderr);
        Assert.True(stdout.Length <= 1500, stdout.Length + " characters");
        Assert.Matches(@"… \d+ more object diff\(s\) not shown", stdout);
        Assert.Equal(Count(stdout, "<details>"), Count(stdout, "</details>"));
        Assert.Equal(0, Count(stdout, "```") % 2);
    }

    [HelmFact]
    public void Errors_are_exit_2_and_the_worktree_is_removed_even_then()
    {
        using var fixture = new RenderFleetFixture(git: true);
        var (exit, _, stderr) = Diff(fixture, "no-such-ref");
        Assert.Equal(2, exit);
        Assert.Contains("--diff-base: 'no-such-ref' is not a commit", stderr);

        // Building the base: the fixture has no project file, so dotnet build fails there.
        (exit, _, stderr) = RenderTool.Run(fixture.Folder, null, "render", "--diff-base", "HEAD");
        Assert.Equal(2, exit);
        Assert.Contains("dotnet build of the project at", stderr);
        Assert.DoesNotContain("   at ", stderr); // no stack trace
        AssertWorktreesRemoved(fixture);

        fixture.Edit("charts/web/templates/service.yaml", "ports:", "ports: {{ fail \"broken chart\" }}");
        (exit, _, stderr) = Diff(fixture);
        Assert.Equal(2, exit);
        Assert.Contains("web-prod-1: working tree: helm template failed", stderr);
        Assert.Contains("broken chart", stderr);
        AssertWorktreesRemoved(fixture);
    }

    [HelmFact]
    public void The_base_worktree_runs_none_of_the_repositorys_hooks()
    {
        // `git worktree add` runs the post-checkout hook (githooks(5)); the render runs no program of the repository's.
        using var fixture = new RenderFleetFixture(git: true);
        var marker = Path.Combine(fixture.Folder, "hook-ran");
        var hook = Path.Combine(fixture.Folder, ".git", "hooks", "post-checkout");
        Directory.CreateDirectory(Path.GetDirectoryName(hook)!);
        File.WriteAllText(hook, "#!/bin/sh\ntouch '" + marker + "'\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        fixture.Edit("charts/web/values-prod.yaml", "logLevel: warn", "logLevel: error");
        var (exit, _, stderr) = Diff(fixture);
        Assert.True(exit == 1, stderr);
        Assert.False(File.Exists(marker), "the repository's post-checkout hook ran");
        AssertWorktreesRemoved(fixture);
    }

    [HelmFact]
    public void The_base_is_the_repository_of_the_folder_even_under_a_callers_git_environment()
    {
        // Run from a git hook, hubdsl inherits GIT_DIR and GIT_INDEX_FILE (githooks(5)); its git must not follow them
        // to another repository or index, as the preview's git does not.
        using var fixture = new RenderFleetFixture(git: true);
        fixture.Edit("charts/web/values-prod.yaml", "logLevel: warn", "logLevel: error");
        var elsewhere = Path.Combine(Path.GetTempPath(), "hubdsl-no-repository-" + Guid.NewGuid().ToString("N")[..8]);
        var environment = new Dictionary<string, string> { ["GIT_DIR"] = elsewhere, ["GIT_WORK_TREE"] = elsewhere, ["GIT_INDEX_FILE"] = Path.Combine(elsewhere, "index") };

        var (exit, stdout, stderr) = RenderTool.Run(fixture.Folder, environment, "render", "--diff-base", "HEAD", "--base-no-build");

        Assert.True(exit == 1, stderr);
        Assert.Equal(new[] { "prod-1 web-prod-1 0 0 1", "prod-2 web-prod-2 0 0 1" }, Rows(stdout));
        Assert.False(Directory.Exists(elsewhere));
        AssertWorktreesRemoved(fixture);
    }

    private static (int, string, string) Diff(RenderFleetFixture fixture, string reference = "HEAD", params string[] more) =>
        RenderTool.Run(fixture.Folder, null, new[] { "render", "--diff-base", reference, "--base-no-build" }.Concat(more).ToArray());

    // The summary table's rows, as "cluster application added removed changed".
    private static string[] Rows(string stdout) => stdout.Split('\n').TakeWhile(l => l.Length > 0).Skip(1)
        .Select(l => string.Join(" ", l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToArray();

    private static int Count(string text, string what) => (text.Length - text.Replace(what, string.Empty, StringComparison.Ordinal).Length) / what.Length;

    private static void AssertWorktreesRemoved(RenderFleetFixture fixture) =>
        Assert.Single(fixture.Git("worktree", "list", "--porcelain").Split('\n'), l => l.StartsWith("worktree ", StringComparison.Ordinal));
}
