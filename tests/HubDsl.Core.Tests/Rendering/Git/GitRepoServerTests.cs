using System.Text;
using HubDsl.Core.Rendering;
using HubDsl.Core.Rendering.Git;

namespace HubDsl.Core.Tests.Rendering.Git;

/// <summary>
/// <see cref="GitRepoServer"/> against what Argo CD's repo-server does with a checkout (reposerver/repository/
/// repository.go GetGitDirectories, GetGitFiles; util/git/client.go LsFiles, lsRemote): directory walk order
/// and hidden folders, both file globbing engines (results checked against git 2.39.5 and doublestar by running
/// them), links, revisions and error texts.
/// </summary>
public sealed class GitRepoServerTests
{
    private const string Sha = "1111111111111111111111111111111111111111";

    /// <summary>The layout the globbing results below were taken on.</summary>
    private static InMemoryRepository GlobbingLayout()
    {
        var repo = new InMemoryRepository().Commit(Sha,
            ("config.json", "{}"), ("cluster-config/config.json", "{}"), ("cluster-config/a/config.json", "{}"), ("cluster-config/a/b/config.json", "{}"),
            (".hidden/config.json", "{}"), ("apps/x.yaml", "{}"), ("apps/sub/y.yaml", "{}"), ("Apps/z.yaml", "{}"),
            ("some-path/values.yaml", "{}"), ("some-path/staging/values.yaml", "{}"),
            ("cluster-charts/cluster1/mychart/values.yaml", "{}"), ("cluster-charts/cluster1/mychart/charts/mysubchart/values.yaml", "{}"),
            ("cluster-charts/cluster2/values.yaml", "{}"), ("star*/b.json", "{}"));
        return repo.Ref("refs/heads/main", Sha).Head("refs/heads/main");
    }

    private static readonly string[] AllFiles =
    {
        ".hidden/config.json", "Apps/z.yaml", "apps/sub/y.yaml", "apps/x.yaml", "cluster-charts/cluster1/mychart/charts/mysubchart/values.yaml",
        "cluster-charts/cluster1/mychart/values.yaml", "cluster-charts/cluster2/values.yaml", "cluster-config/a/b/config.json", "cluster-config/a/config.json",
        "cluster-config/config.json", "config.json", "some-path/staging/values.yaml", "some-path/values.yaml", "star*/b.json",
    };

    private static string[] Files(GitRepoServer server, string pattern) =>
        server.GetFiles("https://example.com/repo", "main", pattern).Keys.Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData("**/config.json", ".hidden/config.json", "cluster-config/a/b/config.json", "cluster-config/a/config.json", "cluster-config/config.json")]
    [InlineData("cluster-config/**/config.json", "cluster-config/a/b/config.json", "cluster-config/a/config.json")]
    [InlineData("cluster-config/*/config.json", "cluster-config/a/b/config.json", "cluster-config/a/config.json")]
    [InlineData("cluster-charts/*/values.yaml", "cluster-charts/cluster1/mychart/charts/mysubchart/values.yaml", "cluster-charts/cluster1/mychart/values.yaml", "cluster-charts/cluster2/values.yaml")]
    [InlineData("some-path/*.yaml", "some-path/staging/values.yaml", "some-path/values.yaml")]
    [InlineData("apps", "apps/sub/y.yaml", "apps/x.yaml")]
    [InlineData("apps/", "apps/sub/y.yaml", "apps/x.yaml")]
    [InlineData("apps/*", "apps/sub/y.yaml", "apps/x.yaml")]
    [InlineData("./apps//x.yaml", "apps/x.yaml")]
    [InlineData("apps/../apps/x.yaml", "apps/x.yaml")]
    [InlineData("APPS/*")]
    [InlineData(":(icase)APPS/*", "Apps/z.yaml", "apps/sub/y.yaml", "apps/x.yaml")]
    [InlineData(":(glob)cluster-config/*/config.json", "cluster-config/a/config.json")]
    [InlineData(":(glob)**/config.json", ".hidden/config.json", "cluster-config/a/b/config.json", "cluster-config/a/config.json", "cluster-config/config.json", "config.json")]
    [InlineData(":(literal)star*/b.json", "star*/b.json")]
    [InlineData("star*/b.json", "star*/b.json")]
    [InlineData(":!apps/*", ".hidden/config.json", "Apps/z.yaml", "cluster-charts/cluster1/mychart/charts/mysubchart/values.yaml", "cluster-charts/cluster1/mychart/values.yaml", "cluster-charts/cluster2/values.yaml", "cluster-config/a/b/config.json", "cluster-config/a/config.json", "cluster-config/config.json", "config.json", "some-path/staging/values.yaml", "some-path/values.yaml", "star*/b.json")]
    public void Old_globbing_selects_what_git_ls_files_selects(string pattern, params string[] expected)
    {
        var server = new GitRepoServer(GlobbingLayout());
        Assert.Equal(expected.Order(StringComparer.Ordinal), Files(server, pattern));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("**")]
    [InlineData(".")]
    [InlineData("")]
    public void Old_globbing_wildcards_and_the_root_select_every_tracked_file(string pattern)
    {
        var server = new GitRepoServer(GlobbingLayout());
        Assert.Equal(AllFiles.Order(StringComparer.Ordinal), Files(server, pattern));
    }

    [Theory]
    [InlineData("/etc/passwd", "fatal: /etc/passwd: '/etc/passwd' is outside repository at '/tmp/_argocd-repo'")]
    [InlineData("../x", "fatal: ../x: '../x' is outside repository at '/tmp/_argocd-repo'")]
    [InlineData(":(nope)x", "fatal: Invalid pathspec magic 'nope' in ':(nope)x'")]
    [InlineData(":(glob,literal)x", "fatal: :(glob,literal)x: 'literal' and 'glob' are incompatible")]
    [InlineData(":(glob", "fatal: Missing ')' at the end of pathspec magic in ':(glob'")]
    [InlineData(":#x", "fatal: Unimplemented pathspec magic '#' in ':#x'")]
    public void Old_globbing_refuses_what_git_refuses_with_the_repo_server_wording(string pattern, string fatal)
    {
        var server = new GitRepoServer(GlobbingLayout());
        var e = Assert.Throws<GitRepositoryException>(() => server.GetFiles("https://example.com/repo", "main", pattern));
        Assert.Equal(RenderErrorReasons.ApplicationGenerationFromParamsError, e.Reason);
        Assert.Equal("error retrieving Git files: rpc error: code = Internal desc = unable to list files. repo https://example.com/repo with revision " + Sha + " pattern " + pattern +
            ": `git ls-files --full-name -z -- " + pattern + "` failed exit status 128: " + fatal, e.Message);
    }

    [Fact]
    public void Attr_pathspec_magic_is_offline_unsupported()
    {
        var server = new GitRepoServer(GlobbingLayout());
        var e = Assert.Throws<GitRepositoryException>(() => server.GetFiles("https://example.com/repo", "main", ":(attr:deploy)*.json"));
        Assert.Equal(RenderErrorReasons.OfflineUnsupported, e.Reason);
        Assert.Contains(".gitattributes", e.Message);
    }

    [Theory]
    [InlineData("**/config.json", "config.json", ".hidden/config.json", "cluster-config/config.json", "cluster-config/a/config.json", "cluster-config/a/b/config.json")]
    [InlineData("cluster-config/**/config.json", "cluster-config/config.json", "cluster-config/a/config.json", "cluster-config/a/b/config.json")]
    [InlineData("cluster-config/*/config.json", "cluster-config/a/config.json")]
    [InlineData("some-path/*.yaml", "some-path/values.yaml")]
    [InlineData("apps/{x,y}.yaml", "apps/x.yaml")]
    [InlineData("apps/[xy].yaml", "apps/x.yaml")]
    [InlineData("apps/[!y].yaml", "apps/x.yaml")]
    [InlineData("{apps,Apps}/?.yaml", "apps/x.yaml", "Apps/z.yaml")]
    [InlineData("/apps/x.yaml", "apps/x.yaml")]
    [InlineData("apps/*.YAML")]
    [InlineData("../x/*")]
    [InlineData("cluster-charts/*/*/values.yaml", "cluster-charts/cluster1/mychart/values.yaml")]
    public void New_globbing_selects_what_doublestar_selects(string pattern, params string[] expected)
    {
        var server = new GitRepoServer(GlobbingLayout(), new GitRepoServerOptions { NewGitFileGlobbing = true });
        Assert.Equal(expected.Order(StringComparer.Ordinal), Files(server, pattern));
    }

    [Theory]
    [InlineData("apps/*", "apps/sub")]
    [InlineData("**", ".")]
    [InlineData("", ".")]
    public void New_globbing_fails_like_Argo_CD_when_a_directory_matches(string pattern, string directory)
    {
        var server = new GitRepoServer(GlobbingLayout(), new GitRepoServerOptions { NewGitFileGlobbing = true });
        var e = Assert.Throws<GitRepositoryException>(() => server.GetFiles("https://example.com/repo", "main", pattern));
        Assert.Equal(RenderErrorReasons.ApplicationGenerationFromParamsError, e.Reason);
        Assert.Equal("error retrieving Git files: rpc error: code = Internal desc = unable to read files. repo https://example.com/repo with revision " + Sha + " pattern " + (pattern.Length == 0 ? "." : pattern) +
            ": read /tmp/_argocd-repo/" + directory + ": is a directory", e.Message);
    }

    [Theory]
    [InlineData("apps/[")]
    [InlineData("apps/{x")]
    [InlineData("apps/x\\")]
    public void New_globbing_reports_a_malformed_pattern(string pattern)
    {
        var server = new GitRepoServer(GlobbingLayout(), new GitRepoServerOptions { NewGitFileGlobbing = true });
        var e = Assert.Throws<GitRepositoryException>(() => server.GetFiles("https://example.com/repo", "main", pattern));
        Assert.EndsWith("pattern " + pattern + ": syntax error in pattern", e.Message);
    }

    [Fact]
    public void Directories_come_in_WalkDir_order_without_hidden_ones_or_links()
    {
        // repository.go GetGitDirectories: filepath.WalkDir visits each folder's entries sorted by name, skips
        // ".hidden" with its subtree and the root, and a link to a folder is not a folder.
        var repo = new InMemoryRepository().Commit(Sha,
            ("B/f", ""), ("Z/f", ""), ("_x/f", ""), ("a/b/f", ""), ("a b/f", ""), ("a-c/f", ""), ("a.b/f", ""), ("a0/f", ""), ("z/f", ""), ("é/f", ""),
            (".hidden/f", ""), (".hidden/inner/f", ""), ("lnktarget/sub/f", ""), ("root-file", ""))
            .Link(Sha, "lnk", "lnktarget").Ref("refs/heads/main", Sha);
        var server = new GitRepoServer(repo);
        Assert.Equal(new[] { "B", "Z", "_x", "a", "a/b", "a b", "a-c", "a.b", "a0", "lnktarget", "lnktarget/sub", "z", "é" }, server.GetDirectories("u", "main"));

        var withHidden = new GitRepoServer(repo, new GitRepoServerOptions { IncludeHiddenDirectories = true });
        Assert.Equal(new[] { ".hidden", ".hidden/inner", "B" }, withHidden.GetDirectories("u", "main").Take(3));
    }

    [Fact]
    public void Files_behind_links_are_read_inside_the_repository_only()
    {
        var repo = new InMemoryRepository().Commit(Sha, ("real/config.yaml", "a: 1"), ("other/x.yaml", "b: 2"))
            .Link(Sha, "apps/link.yaml", "../real/config.yaml")
            .Link(Sha, "apps/folder", "../other")
            .Link(Sha, "apps/loop.yaml", "loop.yaml")
            .Link(Sha, "apps/dir.yaml", "../real")
            .Link(Sha, "apps/dangling.yaml", "missing.yaml")
            .Link(Sha, "evil/passwd.yaml", "/etc/passwd")
            .Link(Sha, "evil/up.yaml", "../../outside.yaml")
            .Ref("refs/heads/main", Sha);
        var server = new GitRepoServer(repo);
        Assert.Equal("a: 1", Encoding.UTF8.GetString(server.GetFiles("u", "main", "apps/link.yaml")["apps/link.yaml"]));

        Assert.EndsWith("open /tmp/_argocd-repo/apps/loop.yaml: too many levels of symbolic links", Assert.Throws<GitRepositoryException>(() => server.GetFiles("u", "main", "apps/loop.yaml")).Message);
        Assert.EndsWith("read /tmp/_argocd-repo/apps/dir.yaml: is a directory", Assert.Throws<GitRepositoryException>(() => server.GetFiles("u", "main", "apps/dir.yaml")).Message);
        Assert.EndsWith("open /tmp/_argocd-repo/apps/dangling.yaml: no such file or directory", Assert.Throws<GitRepositoryException>(() => server.GetFiles("u", "main", "apps/dangling.yaml")).Message);
        foreach (var evil in new[] { "evil/passwd.yaml", "evil/up.yaml" })
        {
            var e = Assert.Throws<GitRepositoryException>(() => server.GetFiles("u", "main", evil));
            Assert.Equal(RenderErrorReasons.OfflineUnsupported, e.Reason);
            Assert.Contains("outside the repository", e.Message);
        }
    }

    [Fact]
    public void A_submodule_selected_by_a_file_pattern_is_read_as_a_directory()
    {
        var repo = new InMemoryRepository().Commit(Sha, ("apps/a.yaml", "{}")).Submodule(Sha, "apps/sub").Ref("refs/heads/main", Sha);
        var e = Assert.Throws<GitRepositoryException>(() => new GitRepoServer(repo).GetFiles("u", "main", "apps/*"));
        Assert.EndsWith("read /tmp/_argocd-repo/apps/sub: is a directory", e.Message);
        Assert.Equal(new[] { "apps", "apps/sub" }, new GitRepoServer(repo).GetDirectories("u", "main"));
    }

    [Fact]
    public void Limits_on_files_and_bytes_are_reported_as_render_limits()
    {
        var many = new InMemoryRepository().Commit(Sha, Enumerable.Range(0, 30).Select(i => ("f" + i + ".yaml", new string('x', 100))).ToArray()).Ref("refs/heads/main", Sha);
        var files = Assert.Throws<GitRepositoryException>(() => new GitRepoServer(many, new GitRepoServerOptions { MaxFilesPerPattern = 10 }).GetFiles("u", "main", "*.yaml"));
        Assert.Equal(RenderErrorReasons.RenderLimitExceeded, files.Reason);
        Assert.Contains("selects 30 files", files.Message);
        var bytes = Assert.Throws<GitRepositoryException>(() => new GitRepoServer(many, new GitRepoServerOptions { MaxBytes = 1000 }).GetFiles("u", "main", "*.yaml"));
        Assert.Equal(RenderErrorReasons.RenderLimitExceeded, bytes.Reason);
        Assert.Contains("more than 1000 bytes", bytes.Message);
    }

    [Fact]
    public void Each_repository_and_revision_is_read_once_per_server()
    {
        var repo = GlobbingLayout();
        var server = new GitRepoServer(repo);
        server.GetFiles("u", "main", "*.json");
        server.GetFiles("u", "main", "apps/*");
        server.GetDirectories("u", "main");
        Assert.Equal(1, repo.Reads);
    }
}
