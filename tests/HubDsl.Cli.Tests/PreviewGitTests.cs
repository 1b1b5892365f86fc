using System.Text.Json.Nodes;
using HubDsl.Tests.Shared;

namespace HubDsl.Cli.Tests;

/// <summary>
/// `hubdsl preview` with the Git generator on real repositories built with git: bare and working clones, URL
/// matching, revisions, the working tree only with --worktree, safety (no hooks or fsmonitor, no option
/// injection, no reading outside the repository), and the live-service generators' OfflineUnsupported reason.
/// </summary>
public sealed class PreviewGitTests : IDisposable
{
    private const string Url = "https://github.com/example/apps";
    private readonly TestGitRepository repo = new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "hubdsl-preview-git-" + Guid.NewGuid().ToString("N"));

    public PreviewGitTests()
    {
        Directory.CreateDirectory(folder);
        repo.Write("apps/guestbook/kustomization.yaml", "resources: []\n")
            .Write("apps/helm-guestbook/Chart.yaml", "name: x\n")
            .Write(".hidden/app/x.yaml", "{}\n")
            .Write("cluster-config/prod/config.json", "{\"cluster\": {\"name\": \"prod\", \"replicas\": 3}}")
            .Write("cluster-config/staging/config.json", "{\"cluster\": {\"name\": \"staging\"}}");
        repo.Commit("first");
        repo.Git("tag", "v1.0.0");
    }

    public void Dispose()
    {
        repo.Dispose();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private string AppSet(string generator, string name = "'{{path.basename}}'", bool goTemplate = false, string annotations = "{}")
    {
        var file = Path.Combine(folder, "appset-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, $$"""
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata: {name: apps, namespace: argocd}
            spec:
              goTemplate: {{(goTemplate ? "true" : "false")}}
              generators:
            {{generator}}
              template:
                metadata: {name: {{name}}, annotations: {{annotations}}}
                spec:
                  project: default
                  source: {repoURL: 'https://github.com/example/apps', path: 'x', targetRevision: HEAD}
                  destination: {server: https://kubernetes.default.svc, namespace: default}
            """);
        return file;
    }

    private static string Directories(string revision = "HEAD", string url = Url, string paths = "[{path: 'apps/*'}]") =>
        $"  - git: {{repoURL: '{url}', revision: '{revision}', directories: {paths}}}";

    private static (int Exit, JsonObject Json, string Stderr) Preview(params string[] args)
    {
        var (exit, stdout, stderr) = ToolRunner.Run(new[] { "preview" }.Concat(args).Concat(new[] { "-o", "json" }).ToArray());
        return (exit, stdout.Length == 0 ? new JsonObject() : JsonNode.Parse(stdout)!.AsObject(), stderr);
    }

    private static string[] Names(JsonObject json) => json["applications"]!.AsArray().Select(a => (string)a!["metadata"]!["name"]!).ToArray();

    private static JsonNode Error(JsonObject json) => Assert.Single(json["errors"]!.AsArray())!;

    // Argo CD's repo-server reads a checkout of the commit; a bare repository and a clone hold the same commits.
    [Fact]
    public void Bare_repository_and_working_clone_render_the_same_applications()
    {
        var appSet = AppSet(Directories());
        foreach (var dir in new[] { repo.CloneBare(), repo.Root })
        {
            var (exit, json, stderr) = Preview("--appset", appSet, "--repo", Url + "=" + dir);
            Assert.Equal(new[] { "guestbook", "helm-guestbook" }, Names(json));
            Assert.Empty(json["errors"]!.AsArray());
            Assert.Equal(0, exit);
            Assert.Equal(string.Empty, stderr);
        }
    }

    // util/git/git.go NormalizeGitURL and util/git/git_test.go TestSameURL: case and one ".git" suffix do not count.
    [Theory]
    [InlineData("https://GitHub.com/example/apps.git")]
    [InlineData("HTTPS://github.com/EXAMPLE/APPS")]
    public void Urls_match_as_Argo_CD_normalises_them(string given)
    {
        var (exit, json, _) = Preview("--appset", AppSet(Directories()), "--repo", given + "=" + repo.Root);
        Assert.Equal(2, Names(json).Length);
        Assert.Equal(0, exit);
    }

    // --repo is repeatable: each repoURL reads its own copy; the first --repo that matches wins over --repo-default.
    [Fact]
    public void Each_repo_url_reads_its_own_repository()
    {
        using var other = new TestGitRepository();
        other.Write("services/billing/x.yaml", "{}\n");
        other.Commit("other");
        const string otherUrl = "https://gitlab.example.com/team/services.git";
        var generators = "  - matrix:\n      generators:\n"
            + $"      - git: {{repoURL: '{Url}', revision: HEAD, directories: [{{path: 'apps/guestbook'}}]}}\n"
            + $"      - git: {{repoURL: '{otherUrl}', revision: HEAD, pathParamPrefix: svc, directories: [{{path: 'services/*'}}]}}";
        var appSet = AppSet(generators, "'{{path.basename}}-{{svc.path.basename}}'");
        var (exit, json, _) = Preview("--appset", appSet, "--repo", Url + "=" + repo.Root, "--repo", otherUrl + "=" + other.Root, "--repo-default", repo.Root);
        Assert.Equal(new[] { "guestbook-billing" }, Names(json));
        Assert.Equal(0, exit);
    }

    // NormalizeGitURL keeps a trailing "/" (url.Parse then String), so Argo CD treats it as another repository.
    [Fact]
    public void A_trailing_slash_is_a_different_url_and_the_message_says_so()
    {
        var (exit, json, _) = Preview("--appset", AppSet(Directories()), "--repo", Url + "/=" + repo.Root);
        var error = Error(json);
        Assert.Equal("OfflineUnsupported", (string)error["reason"]!);
        Assert.Contains("no local copy of the repository 'https://github.com/example/apps'", (string)error["message"]!);
        Assert.Contains("trailing '/'", (string)error["message"]!);
        Assert.Equal(1, exit);
    }

    [Fact]
    public void Repo_default_covers_every_url_and_a_missing_copy_is_offline_unsupported()
    {
        var (exit, json, _) = Preview("--appset", AppSet(Directories(url: "https://gitlab.example.com/other/repo")), "--repo-default", repo.Root);
        Assert.Equal(2, Names(json).Length);
        Assert.Equal(0, exit);

        (exit, json, _) = Preview("--appset", AppSet(Directories()));
        var error = Error(json);
        Assert.Equal("OfflineUnsupported", (string)error["reason"]!);
        Assert.StartsWith("spec.generators[0].git: no local copy of the repository", (string)error["message"]!);
        Assert.Equal(1, exit);
    }

    // util/git/client.go lsRemote (util/git/git_test.go TestLsRemote): branches, tags, full refs, HEAD, full and
    // abbreviated SHAs, and semver constraints over tags (versions.MaxVersion); the error text of GetGitDirectories.
    [Fact]
    public void Revisions_are_read_with_git_branch_tag_sha_and_head()
    {
        var first = repo.Git("rev-parse", "HEAD").Trim();
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Write("apps/feature-only/x.yaml", "{}");
        repo.Commit("feature");
        repo.Git("checkout", "-q", "main");

        string[] Apps(string revision) => Names(Preview("--appset", AppSet(Directories(revision)), "--repo", Url + "=" + repo.Root).Json);
        Assert.Equal(new[] { "feature-only", "guestbook", "helm-guestbook" }, Apps("feature"));
        Assert.Equal(new[] { "guestbook", "helm-guestbook" }, Apps("main"));
        Assert.Equal(new[] { "guestbook", "helm-guestbook" }, Apps("HEAD"));
        Assert.Equal(new[] { "guestbook", "helm-guestbook" }, Apps("v1.0.0"));
        Assert.Equal(new[] { "guestbook", "helm-guestbook" }, Apps(">=1.0.0 <2"));
        Assert.Equal(new[] { "guestbook", "helm-guestbook" }, Apps(first));
        Assert.Equal(new[] { "guestbook", "helm-guestbook" }, Apps(first.Substring(0, 8)));
        Assert.Equal(new[] { "feature-only", "guestbook", "helm-guestbook" }, Apps("refs/heads/feature"));

        var (exit, json, _) = Preview("--appset", AppSet(Directories("no-such-branch")), "--repo", Url + "=" + repo.Root);
        var error = Error(json);
        Assert.Equal("ApplicationGenerationFromParamsError", (string)error["reason"]!);
        Assert.StartsWith("error generating params from git: error getting directories from repo: error retrieving Git Directories: rpc error: code = Internal desc = unable to resolve git revision : unable to resolve 'no-such-branch' to a commit SHA", (string)error["message"]!);
        Assert.Equal(1, exit);
    }

    [Fact]
    public void A_working_clone_stands_for_its_remote_as_fetched()
    {
        repo.Git("branch", "staging");
        var clone = repo.Clone();
        var cloneGit = new[] { "-C", clone, "-c", "user.name=t", "-c", "user.email=t@e" };
        // An unpushed commit on the clone's main is not what Argo CD would see.
        Directory.CreateDirectory(Path.Combine(clone, "apps", "local-only"));
        File.WriteAllText(Path.Combine(clone, "apps", "local-only", "x.yaml"), "{}");
        repo.Git(cloneGit.Concat(new[] { "add", "-A" }).ToArray());
        repo.Git(cloneGit.Concat(new[] { "commit", "-q", "-m", "local" }).ToArray());

        string[] Apps(string revision) => Names(Preview("--appset", AppSet(Directories(revision, url: repo.Root)), "--repo", repo.Root + "=" + clone).Json);
        // "staging" exists only as origin/staging in the clone; main is origin's main.
        Assert.Equal(new[] { "guestbook", "helm-guestbook" }, Apps("staging"));
        Assert.Equal(new[] { "guestbook", "helm-guestbook" }, Apps("main"));
        Assert.Equal(new[] { "guestbook", "helm-guestbook" }, Apps("HEAD"));
    }

    [Fact]
    public void The_working_tree_is_read_only_with_worktree()
    {
        repo.Write("apps/uncommitted/x.yaml", "{}");
        File.Delete(Path.Combine(repo.Root, "apps/helm-guestbook/Chart.yaml"));
        var appSet = AppSet(Directories());
        Assert.Equal(new[] { "guestbook", "helm-guestbook" }, Names(Preview("--appset", appSet, "--repo", Url + "=" + repo.Root).Json));
        Assert.Equal(new[] { "guestbook", "uncommitted" }, Names(Preview("--appset", appSet, "--repo", Url + "=" + repo.Root, "--worktree").Json));

        var (exit, _, stderr) = Preview("--appset", appSet, "--repo", Url + "=" + repo.CloneBare(), "--worktree");
        Assert.Equal(2, exit);
        Assert.Contains("is a bare repository, which has no working tree for --worktree", stderr);
    }

    private static string[] Annotation(JsonObject json, string key) =>
        json["applications"]!.AsArray().Select(a => (string)a!["metadata"]!["annotations"]![key]!).ToArray();

    // Argo CD v3.5.1 applicationset/generators/git_test.go, TestGitGenerateParamsFromFiles "Value variable
    // interpolation": in fasttemplate mode a value whose tag does not resolve is kept as written; file numbers are
    // flattened to strings, and path params are those of the file's folder.
    [Fact]
    public void Files_are_flattened_in_fasttemplate_mode_and_values_are_interpolated()
    {
        var generator = $"  - git: {{repoURL: '{Url}', revision: HEAD, files: [{{path: 'cluster-config/*/config.json'}}], values: {{size: '{{{{cluster.replicas}}}}'}}}}";
        var (exit, json, _) = Preview("--appset", AppSet(generator, "'{{cluster.name}}-{{path.basename}}'",
            annotations: "{size: '{{values.size}}', file: '{{path.filename}}', dir: '{{path[1]}}'}"), "--repo", Url + "=" + repo.Root);
        Assert.Equal(new[] { "prod-prod", "staging-staging" }, Names(json));
        Assert.Equal(new[] { "3", "{{cluster.replicas}}" }, Annotation(json, "size"));
        Assert.Equal(new[] { "config.json", "config.json" }, Annotation(json, "file"));
        Assert.Equal(new[] { "prod", "staging" }, Annotation(json, "dir"));
        Assert.Equal(0, exit);
    }

    // TestGitGenerateParamsFromFilesGoTemplate "happy flow": in goTemplate mode file content stays nested and
    // numbers are float64; a missing key prints as text/template's default (missingkey=default) does.
    [Fact]
    public void Files_stay_nested_in_go_template_mode()
    {
        var go = $"  - git: {{repoURL: '{Url}', revision: HEAD, files: [{{path: 'cluster-config/*/config.json'}}], values: {{size: '{{{{.cluster.replicas}}}}'}}}}";
        var (exit, json, _) = Preview("--appset", AppSet(go, "'{{.cluster.name}}-{{index .path.segments 1}}'", goTemplate: true,
            annotations: "{type: '{{printf \"%T\" .cluster.replicas}}', size: '{{.values.size}}'}"), "--repo", Url + "=" + repo.Root);
        Assert.Equal(new[] { "prod-prod", "staging-staging" }, Names(json));
        Assert.Equal(new[] { "float64", "<nil>" }, Annotation(json, "type"));
        Assert.Equal(new[] { "3", "<no value>" }, Annotation(json, "size"));
        Assert.Equal(0, exit);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Hooks_and_fsmonitor_configured_in_the_repository_never_run()
    {
        var marker = Path.Combine(folder, "ran");
        var script = Path.Combine(folder, "evil.sh");
        File.WriteAllText(script, "#!/bin/sh\ntouch '" + marker + "'\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        repo.Git("config", "core.fsmonitor", script);
        repo.Git("config", "core.pager", script);
        repo.Git("config", "core.hooksPath", folder);
        File.Copy(script, Path.Combine(folder, "post-checkout"));
        File.SetUnixFileMode(Path.Combine(folder, "post-checkout"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var (exit, json, _) = Preview("--appset", AppSet(Directories()), "--repo", Url + "=" + repo.Root, "--worktree");
        Assert.Equal(2, Names(json).Length);
        Assert.Equal(0, exit);
        Assert.False(File.Exists(marker), "a program configured in the repository ran");
    }

    [Theory]
    [InlineData("--output=/tmp/hubdsl-injected")]
    [InlineData("-o")]
    [InlineData("--exec=touch")]
    public void A_revision_that_looks_like_an_option_is_only_a_name(string revision)
    {
        var (exit, json, _) = Preview("--appset", AppSet(Directories(revision)), "--repo", Url + "=" + repo.Root);
        Assert.Contains("unable to resolve '" + revision + "' to a commit SHA", (string)Error(json)["message"]!);
        Assert.Equal(1, exit);
        Assert.False(File.Exists("/tmp/hubdsl-injected"));
    }

    [Fact]
    public void A_file_pattern_that_looks_like_an_option_is_only_a_pattern()
    {
        repo.Write("--output=x/config.json", "{\"a\": \"b\"}");
        repo.Commit("odd name");
        var generator = $"  - git: {{repoURL: '{Url}', revision: HEAD, files: [{{path: '--output=x/*.json'}}]}}";
        var (exit, json, _) = Preview("--appset", AppSet(generator, "'{{a}}'"), "--repo", Url + "=" + repo.Root);
        Assert.Equal(new[] { "b" }, Names(json));
        Assert.Equal(0, exit);
    }

    // reposerver/repository/repository.go checks out and refuses links out of bounds
    // (apppathutil.CheckOutOfBoundsSymlinks); HubDsl never reads through such a link.
    [Fact]
    public void Links_out_of_the_repository_are_never_followed()
    {
        File.CreateSymbolicLink(Path.Combine(repo.Root, "cluster-config", "passwd.json"), "/etc/passwd");
        repo.Commit("link");
        var generator = $"  - git: {{repoURL: '{Url}', revision: HEAD, files: [{{path: 'cluster-config/passwd.json'}}]}}";
        var (exit, json, _) = Preview("--appset", AppSet(generator), "--repo", Url + "=" + repo.Root);
        var error = Error(json);
        Assert.Equal("OfflineUnsupported", (string)error["reason"]!);
        Assert.Contains("outside the repository", (string)error["message"]!);
        Assert.DoesNotContain("root:", json.ToJsonString());
        Assert.Equal(1, exit);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_a_render_limit()
    {
        repo.Write("big/config.json", "{\"a\": \"" + new string('x', 33 * 1024 * 1024) + "\"}");
        repo.Commit("big");
        var generator = $"  - git: {{repoURL: '{Url}', revision: HEAD, files: [{{path: 'big/config.json'}}]}}";
        var (exit, json, _) = Preview("--appset", AppSet(generator), "--repo", Url + "=" + repo.Root);
        var error = Error(json);
        Assert.Equal("RenderLimitExceeded", (string)error["reason"]!);
        Assert.Contains("HubDsl reads files of at most", (string)error["message"]!);
        Assert.Equal(1, exit);
    }

    // pull_request.go, scm_provider.go, duck_type.go and plugin.go read an SCM API, a Kubernetes resource or a plugin
    // service: nothing offline can stand for them but parameter sets a user supplies.
    [Theory]
    [InlineData("pullRequest", "{github: {owner: o, repo: r}}")]
    [InlineData("scmProvider", "{github: {organization: o}}")]
    [InlineData("clusterDecisionResource", "{configMapRef: cm}")]
    [InlineData("plugin", "{configMapRef: {name: cm}}")]
    public void Live_service_generators_are_offline_unsupported_unless_their_parameter_sets_are_given(string kind, string spec)
    {
        var appSet = AppSet($"  - {kind}: {spec}", "'app-{{number}}'");
        var (exit, json, _) = Preview("--appset", appSet);
        var error = Error(json);
        Assert.Equal("OfflineUnsupported", (string)error["reason"]!);
        Assert.StartsWith("spec.generators[0]." + kind + ": the " + kind + " generator reads", (string)error["message"]!);
        Assert.Contains("--generator-params spec.generators[0]." + kind + "=FILE", (string)error["message"]!);
        Assert.Equal(1, exit);

        var sets = Path.Combine(folder, kind + ".yaml");
        File.WriteAllText(sets, "- {number: '1'}\n- {number: '2'}\n");
        foreach (var name in new[] { kind, "spec.generators[0]." + kind })
        {
            (exit, json, _) = Preview("--appset", appSet, "--generator-params", name + "=" + sets);
            Assert.Equal(new[] { "app-1", "app-2" }, Names(json));
            Assert.Equal(0, exit);
        }
    }

    // matrix.go wraps a child's failure ("failed to get params for second generator in the matrix generator: ...");
    // HubDsl adds which entry of spec.generators it came from, in JSON and in the table.
    [Fact]
    public void A_git_error_inside_a_matrix_names_its_generator_with_argo_cds_wrapping()
    {
        var generators = "  - list: {elements: [{a: b}]}\n"
            + "  - matrix:\n      generators:\n      - list: {elements: [{a: b}]}\n"
            + $"      - git: {{repoURL: '{Url}', revision: release-9, directories: [{{path: 'apps/*'}}]}}";
        var appSet = AppSet(generators);
        var (exit, json, _) = Preview("--appset", appSet, "--repo", Url + "=" + repo.Root);
        var error = Error(json);
        Assert.Equal("spec.generators[1]", (string)error["generator"]!);
        Assert.Equal("ApplicationGenerationFromParamsError", (string)error["reason"]!);
        Assert.StartsWith("failed to get params for second generator in the matrix generator: child generator returned an error on parameter generation: error generating params from git: error getting directories from repo: ", (string)error["message"]!);
        Assert.Contains("unable to resolve 'release-9' to a commit SHA", (string)error["message"]!);
        Assert.Equal(1, exit);

        var (_, table, _) = ToolRunner.Run("preview", "--appset", appSet, "--repo", Url + "=" + repo.Root);
        Assert.Contains("error ApplicationGenerationFromParamsError in spec.generators[1]: failed to get params for second generator in the matrix generator", table);
    }

    [Fact]
    public void Params_show_the_git_parameter_sets_and_the_errors()
    {
        var appSet = AppSet(Directories() + $"\n  - git: {{repoURL: 'https://example.com/not-given', revision: HEAD, directories: [{{path: '*'}}]}}");
        var (_, stdout, _) = ToolRunner.Run("preview", "--appset", appSet, "--repo", Url + "=" + repo.Root, "--params", "-o", "json");
        var json = JsonNode.Parse(stdout)!.AsObject();
        var error = Error(json);
        Assert.Equal("OfflineUnsupported", (string)error["reason"]!);
        Assert.Equal("spec.generators[1]", (string)error["generator"]!);
        Assert.Equal(new[] { "apps/guestbook", "apps/helm-guestbook" }, json["paramSets"]!.AsArray().Select(p => (string)p!["path"]!).ToArray());
    }

    // A live-service generator nested in a matrix is named by its full path; its supplied sets are combined as
    // the matrix combines any child's (matrix.go).
    [Fact]
    public void Generator_params_reach_a_live_service_generator_inside_a_matrix()
    {
        var generators = "  - matrix:\n      generators:\n      - pullRequest: {github: {owner: o, repo: r}}\n      - list: {elements: [{env: dev}, {env: prod}]}";
        var appSet = AppSet(generators, "'pr-{{number}}-{{env}}'");
        var (exit, json, _) = Preview("--appset", appSet);
        Assert.Contains("--generator-params spec.generators[0].matrix.generators[0].pullRequest=FILE", (string)Error(json)["message"]!);
        Assert.Equal(1, exit);

        var sets = Path.Combine(folder, "prs.yaml");
        File.WriteAllText(sets, "- {number: '7'}\n");
        (exit, json, _) = Preview("--appset", appSet, "--generator-params", "spec.generators[0].matrix.generators[0].pullRequest=" + sets);
        Assert.Equal(new[] { "pr-7-dev", "pr-7-prod" }, Names(json));
        Assert.Equal(0, exit);
    }

    [Theory]
    [InlineData("pullRequest")]
    [InlineData("pullRequest=")]
    [InlineData("pullRequest=/no/such/file.yaml")]
    public void Bad_generator_params_are_bad_input(string value)
    {
        var (exit, _, stderr) = Preview("--appset", AppSet("  - pullRequest: {github: {owner: o, repo: r}}"), "--generator-params", value);
        Assert.Equal(2, exit);
        Assert.StartsWith("hubdsl: --generator-params", stderr);
    }

    [Fact]
    public void A_generator_params_file_that_is_not_a_list_of_mappings_is_bad_input()
    {
        var sets = Path.Combine(folder, "bad.yaml");
        File.WriteAllText(sets, "number: 1\n");
        var (exit, _, stderr) = Preview("--appset", AppSet("  - pullRequest: {github: {owner: o, repo: r}}"), "--generator-params", "pullRequest=" + sets);
        Assert.Equal(2, exit);
        Assert.Contains("must hold a YAML (or JSON) list of parameter sets", stderr);
    }

    [Theory]
    [InlineData("--repo", "https://x/y")]
    [InlineData("--repo", "https://x/y=/no/such/folder")]
    [InlineData("--repo-default", "/tmp")]
    public void Bad_repository_options_are_bad_input(string option, string value)
    {
        var (exit, _, stderr) = Preview("--appset", AppSet(Directories()), option, value);
        Assert.Equal(2, exit);
        Assert.StartsWith("hubdsl: --repo", stderr);
    }
}
