using HubDsl.Core.Rendering.Git;

namespace HubDsl.Core.Tests.Rendering.Git;

/// <summary>Repository URL equality as Argo CD decides it (util/git/git.go NormalizeGitURL, SameURL).</summary>
public sealed class GitUrlTests
{
    /// <summary>util/git/git_test.go TestSameURL (v3.5.1): every pair is the same repository.</summary>
    [Theory]
    [InlineData("git@GITHUB.com:argoproj/test", "git@github.com:argoproj/test.git")]
    [InlineData("git@GITHUB.com:argoproj/test.git", "git@github.com:argoproj/test.git")]
    [InlineData("git@GITHUB.com:test", "git@github.com:test.git")]
    [InlineData("git@GITHUB.com:test.git", "git@github.com:test.git")]
    [InlineData("https://GITHUB.com/argoproj/test", "https://github.com/argoproj/test.git")]
    [InlineData("https://GITHUB.com/argoproj/test.git", "https://github.com/argoproj/test.git")]
    [InlineData("https://github.com/FOO", "https://github.com/foo")]
    [InlineData("https://github.com/TEST", "https://github.com/TEST.git")]
    [InlineData("https://github.com/TEST.git", "https://github.com/TEST.git")]
    [InlineData("https://github.com:4443/TEST", "https://github.com:4443/TEST.git")]
    [InlineData("https://github.com:4443/TEST.git", "https://github.com:4443/TEST")]
    [InlineData("ssh://git@GITHUB.com/argoproj/test", "git@github.com:argoproj/test.git")]
    [InlineData("ssh://git@GITHUB.com/argoproj/test.git", "git@github.com:argoproj/test.git")]
    [InlineData("ssh://git@GITHUB.com/test.git", "git@github.com:test.git")]
    [InlineData("ssh://git@github.com/test", "git@github.com:test.git")]
    [InlineData(" https://github.com/argoproj/test ", "https://github.com/argoproj/test.git")]
    [InlineData("\thttps://github.com/argoproj/test\n", "https://github.com/argoproj/test.git")]
    [InlineData("https://1234.visualstudio.com/myproj/_git/myrepo", "https://1234.visualstudio.com/myproj/_git/myrepo")]
    [InlineData("https://dev.azure.com/1234/myproj/_git/myrepo", "https://dev.azure.com/1234/myproj/_git/myrepo")]
    [InlineData("https://github.com/org/my repo", "https://github.com/org/my%20repo")]
    public void TestSameURL(string left, string right) => Assert.True(GitUrl.Same(left, right));

    [Theory]
    [InlineData("https://github.com/org/repo/", "https://github.com/org/repo")]
    [InlineData("https://github.com/org/repo.git/", "https://github.com/org/repo")]
    [InlineData("https://github.com/org/repo", "https://gitlab.com/org/repo")]
    [InlineData("https://github.com/org/repo", "http://github.com/org/repo")]
    [InlineData("https://github.com/org/repo", "")]
    public void Different_repositories(string left, string right) => Assert.False(GitUrl.Same(left, right));

    /// <summary>The normalised forms the research measured against Argo CD's own NormalizeGitURL.</summary>
    [Theory]
    [InlineData("https://github.com/Org/Repo.git", "https://github.com/org/repo")]
    [InlineData("HTTPS://GitHub.com/Org/Repo", "https://github.com/org/repo")]
    [InlineData("https://github.com/org/repo/", "https://github.com/org/repo/")]
    [InlineData("https://github.com/org/repo.git/", "https://github.com/org/repo.git/")]
    [InlineData("https://github.com/org/repo.git.git", "https://github.com/org/repo.git")]
    [InlineData("git@github.com:org/repo.git", "git@github.com/org/repo")]
    [InlineData("ssh://git@github.com:22/org/repo.git", "git@github.com:22/org/repo")]
    [InlineData("https://github.com/org/my repo", "https://github.com/org/my%20repo")]
    [InlineData("https://host:port/x", "")]
    [InlineData("https://github.com/a%zz", "")]
    public void NormalizeGitURL(string url, string normalized) => Assert.Equal(normalized, GitUrl.Normalize(url));
}
