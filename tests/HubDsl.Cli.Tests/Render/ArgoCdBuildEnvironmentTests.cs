using HubDsl.Cli.Render;

namespace HubDsl.Cli.Tests.Render;

/// <summary>
/// Argo CD's build environment (reposerver/repository/repository.go newEnv) and its substitution, Env.Envsubst,
/// which is Go's os.Expand with "$$" mapped to "$". The expected values were printed by Go's os.Expand with the
/// same mapping (go1.x, src/os/env.go), so the bad-syntax cases follow Go, not a shell.
/// </summary>
public sealed class ArgoCdBuildEnvironmentTests
{
    private static readonly ArgoCdBuildEnvironment Env = new("agent-prod", "agent", "fleet", "0123456789abcdef", "https://github.com/example/agent", "helm/", "main");

    [Theory]
    [InlineData("values-$ARGOCD_APP_NAME.yaml", "values-agent-prod.yaml")]
    [InlineData("${ARGOCD_APP_NAMESPACE}/x", "agent/x")]
    [InlineData("$$ARGOCD_APP_NAME", "$ARGOCD_APP_NAME")]
    [InlineData("$$$ARGOCD_APP_NAME", "$agent-prod")]
    [InlineData("a$", "a$")]
    [InlineData("${}x", "x")]
    [InlineData("${ARGOCD", "ARGOCD")]
    [InlineData("$1x", "x")]
    [InlineData("$-y", "y")]
    [InlineData("${1}z", "z")]
    [InlineData("$UNKNOWN-q", "-q")]
    [InlineData("$.x", "$.x")]
    [InlineData("x$ y", "x$ y")]
    [InlineData("no dollar", "no dollar")]
    public void Substitution_follows_Go_os_Expand(string text, string expected) => Assert.Equal(expected, Env.Substitute(text));

    [Fact]
    public void The_variables_are_the_ones_newEnv_sets()
    {
        Assert.Equal(
            new[] { "ARGOCD_APP_NAME", "ARGOCD_APP_NAMESPACE", "ARGOCD_APP_PROJECT_NAME", "ARGOCD_APP_REVISION", "ARGOCD_APP_REVISION_SHORT", "ARGOCD_APP_REVISION_SHORT_8", "ARGOCD_APP_SOURCE_PATH", "ARGOCD_APP_SOURCE_REPO_URL", "ARGOCD_APP_SOURCE_TARGET_REVISION" },
            Env.Values.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal("0123456", Env.Values["ARGOCD_APP_REVISION_SHORT"]);
        Assert.Equal("01234567", Env.Values["ARGOCD_APP_REVISION_SHORT_8"]);
        Assert.Equal("fleet", Env.Substitute("$ARGOCD_APP_PROJECT_NAME"));
    }
}
