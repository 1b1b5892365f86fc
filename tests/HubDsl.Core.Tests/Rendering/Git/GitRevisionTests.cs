using HubDsl.Core.Rendering;
using HubDsl.Core.Rendering.Git;

namespace HubDsl.Core.Tests.Rendering.Git;

/// <summary>
/// Revision resolution as Argo CD's repo-server does it against ls-remote (util/git/client.go lsRemote,
/// util/versions/tags.go MaxVersion), ported from util/git/git_test.go TestLsRemote onto refs shaped like
/// argo-cd's own: each ref's commit holds one folder named after it, so the folder listed shows the commit read.
/// </summary>
public sealed class GitRevisionTests
{
    private static readonly string[] Names = { "master", "release-0.8", "v0.8.0", "v0.8.1", "v0.8.2", "v2.9.0", "v2.10.3", "v2.10.4", "v3.0.0-rc1", "develop" };

    private static string Sha(string name) => Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(name))).ToLowerInvariant();

    private static InMemoryRepository Repository()
    {
        var repo = new InMemoryRepository();
        foreach (var name in Names) repo.Commit(Sha(name), (name + "/f", ""));
        repo.Ref("refs/heads/develop", Sha("develop")).Ref("refs/heads/master", Sha("master"));
        foreach (var tag in Names.Where(n => n != "master" && n != "develop")) repo.Ref("refs/tags/" + tag, Sha(tag));
        return repo.Head("refs/heads/master");
    }

    private static string Resolved(string revision) => Assert.Single(new GitRepoServer(Repository()).GetDirectories("u", revision));

    [Theory]
    [InlineData("HEAD", "master")] // should resolve symbolic link reference
    [InlineData("", "master")] // "" is HEAD
    [InlineData("master", "master")] // should resolve branch name
    [InlineData("refs/heads/develop", "develop")] // a full ref name
    [InlineData("release-0.8", "release-0.8")] // should resolve tag without semantic versioning
    [InlineData("v0.8.0", "v0.8.0")] // should resolve a pinned tag with semantic versioning
    [InlineData("v0.8.*", "v0.8.2")] // should resolve a range tag with semantic versioning
    [InlineData("0.8.*", "v0.8.2")] // ... without the 'v' prefix
    [InlineData(">=v2.9.0 <2.10.4", "v2.10.3")] // should resolve a conditional range tag with semantic versioning
    [InlineData("*", "v2.10.4")] // should resolve a star range tag (no prerelease)
    [InlineData("*-0", "v3.0.0-rc1")] // should resolve a star range suffixed tag (prereleases too)
    public void TestLsRemote(string revision, string expected) => Assert.Equal(expected, Resolved(revision));

    [Fact]
    public void TestLsRemote_commit_sha_and_truncated_commit()
    {
        Assert.Equal("v0.8.1", Resolved(Sha("v0.8.1")));
        Assert.Equal("v0.8.1", Resolved(Sha("v0.8.1").Substring(0, 7)));
        Assert.Equal("v0.8.1", Resolved(Sha("v0.8.1").ToUpperInvariant()));
    }

    [Theory]
    [InlineData("unresolvable")]
    [InlineData("4e22a3")] // too short (6 characters)
    [InlineData("v9.*")] // a constraint no tag meets is used as written
    [InlineData("heads/master")] // not a short name git advertises
    public void TestLsRemote_unresolvable_revisions(string revision)
    {
        var e = Assert.Throws<GitRepositoryException>(() => new GitRepoServer(Repository()).GetDirectories("u", revision));
        Assert.Equal(RenderErrorReasons.ApplicationGenerationFromParamsError, e.Reason);
        Assert.StartsWith("error retrieving Git Directories: rpc error: code = Internal desc = unable to resolve git revision : unable to resolve '" + revision + "' to a commit SHA", e.Message);
    }

    [Fact]
    public void A_sha_the_repository_does_not_have_fails_at_checkout()
    {
        var missing = new string('a', 40);
        var e = Assert.Throws<GitRepositoryException>(() => new GitRepoServer(Repository()).GetFiles("https://x/repo", missing, "*"));
        Assert.StartsWith("error retrieving Git files: rpc error: code = Internal desc = unable to checkout git repo https://x/repo with revision " + missing + " pattern *: no commit", e.Message);
    }
}
