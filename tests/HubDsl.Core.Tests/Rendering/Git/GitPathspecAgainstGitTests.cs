using CsCheck;
using HubDsl.Core.Rendering;
using HubDsl.Core.Rendering.Git;
using HubDsl.Tests.Shared;

namespace HubDsl.Core.Tests.Rendering.Git;

/// <summary>
/// The old Git file globbing checked against git itself: every pattern is run through the real
/// <c>git ls-files --full-name -z -- pattern</c> on a repository holding the same files, and HubDsl must select
/// the same files, or refuse it with git's own message. Hand-picked patterns first, then generated ones (fixed
/// seeds, plus a bounded random search that prints its seed).
/// </summary>
public sealed class GitPathspecAgainstGitTests : IClassFixture<GitPathspecAgainstGitTests.Layout>
{
    private static readonly string[] Paths =
    {
        "config.json", "cluster-config/config.json", "cluster-config/a/config.json", "cluster-config/a/b/config.json", ".hidden/config.json",
        "apps/x.yaml", "apps/sub/y.yaml", "Apps/z.yaml", "some-path/values.yaml", "some-path/staging/values.yaml",
        "a b/c.yaml", "a-c/d.json", "a.b/e.yaml", "[ab]/c.json", "a/x.YAML", "star*/b.json", "q?/m.yaml", "-dash/v.yaml", "é/ü.yaml",
        "deep/1/2/3/4/config.json", "back\\slash/f.json", "x/.dot.yaml", "aa/ab/ac.json", "B/bb.JSON",
    };

    private static readonly string[] Tokens =
    {
        "*", "**", "?", "/", ".", "..", "a", "b", "apps", "config.json", "*.json", "*.yaml", "[ab]", "[!a]", "[^a]", "[a-c]", "[[:alpha:]]", "[[:digit:]]",
        "\\*", "\\?", "cluster-config", "x", "Apps", "é", " ", "-", "sub", "[", "]", "\\", "a b", "/**/", "**/",
    };

    private static readonly string[] Magic = { "", "", "", "", ":(glob)", ":(icase)", ":(literal)", ":!", ":/", ":(top,icase)", ":(glob,icase)", ":^", ":(exclude,glob)" };

    private const string Sha = "2222222222222222222222222222222222222222";
    private readonly TestGitRepository git;
    private readonly GitRepoServer server;

    public GitPathspecAgainstGitTests(Layout layout)
    {
        git = layout.Git;
        var repo = new InMemoryRepository().Commit(Sha, Paths.Select(p => (p, "{}")).ToArray()).Ref("refs/heads/main", Sha);
        server = new GitRepoServer(repo);
    }

    /// <summary>The real repository, built once for the class.</summary>
    public sealed class Layout : IDisposable
    {
        public Layout()
        {
            foreach (var path in Paths) Git.Write(path, "{}");
            Git.Commit();
        }

        internal TestGitRepository Git { get; } = new();

        public void Dispose() => Git.Dispose();
    }

    [Theory]
    [InlineData("**/config.json")]
    [InlineData("cluster-config/**/config.json")]
    [InlineData("cluster-config/*/config.json")]
    [InlineData("*.yaml")]
    [InlineData("a*")]
    [InlineData("a")]
    [InlineData("a/")]
    [InlineData("[ab]/c.json")]
    [InlineData("\\[ab\\]/c.json")]
    [InlineData("q?/m.yaml")]
    [InlineData("**")]
    [InlineData("*/*/*.json")]
    [InlineData("**/*.json")]
    [InlineData(":(glob)**/*.json")]
    [InlineData(":(glob)*/*.yaml")]
    [InlineData(":(glob)a*")]
    [InlineData(":(icase)apps/*.yaml")]
    [InlineData(":(icase)A[A-B]/*")]
    [InlineData(":(icase)b/*.json")]
    [InlineData(":(glob,icase)**/*.json")]
    [InlineData(":!**/*.json")]
    [InlineData(":^apps")]
    [InlineData(":/apps")]
    [InlineData(":(top)apps/*")]
    [InlineData(":(literal)*")]
    [InlineData("é/*")]
    [InlineData("[[:upper:]]*")]
    [InlineData("[[:nope:]]*")]
    [InlineData("[!a]*/*")]
    [InlineData("back\\\\slash/*")]
    [InlineData("x/.*")]
    [InlineData("aa/a[b-c]*")]
    [InlineData("-dash")]
    [InlineData("..")]
    [InlineData("a/../apps")]
    [InlineData(":(prefix:0)apps")]
    [InlineData(":")]
    [InlineData("::apps")]
    public void Hand_picked_patterns_select_what_git_selects(string pattern) => AssertSameAsGit(pattern);

    [Fact]
    public void Generated_patterns_select_what_git_selects()
    {
        var gen = Gen.Select(Gen.OneOfConst(Magic), Gen.OneOfConst(Tokens).Array[1, 6]).Select(p => p.Item1 + string.Concat(p.Item2));
        Property.Check(gen, AssertSameAsGit, cases: 120);
    }

    private void AssertSameAsGit(string pattern)
    {
        if (pattern.Length == 0) return; // git refuses "" itself; Argo CD never passes it (it becomes ".").
        var expected = git.LsFiles(pattern, out var gitError);
        try
        {
            var actual = server.GetFiles("u", "main", pattern).Keys.Order(StringComparer.Ordinal).ToList();
            Assert.True(expected is not null, "pattern " + Show(pattern) + ": git refused it (" + gitError + ") but HubDsl selected " + string.Join(", ", actual));
            Assert.True(expected!.Order(StringComparer.Ordinal).SequenceEqual(actual), "pattern " + Show(pattern) + ": git selected [" + string.Join(", ", expected) + "], HubDsl [" + string.Join(", ", actual) + "]");
        }
        catch (GitRepositoryException e) when (e.Reason == RenderErrorReasons.ApplicationGenerationFromParamsError)
        {
            Assert.True(expected is null, "pattern " + Show(pattern) + ": HubDsl refused it (" + e.Message + ") but git selected " + string.Join(", ", expected ?? new()));
            // The same fatal message; git names its own work tree where Argo CD's checkout would be. An absolute
            // path is resolved on the repo-server's own file system, so only the refusal can be predicted.
            if (e.Message.Contains("is outside repository", StringComparison.Ordinal) && gitError.Contains("Invalid path '/", StringComparison.Ordinal)) return;
            var fatal = gitError.Replace(git.Root, GitRepoServer.CheckoutRoot);
            Assert.EndsWith(fatal, e.Message);
        }
    }

    private static string Show(string pattern) => "'" + pattern + "'";
}
