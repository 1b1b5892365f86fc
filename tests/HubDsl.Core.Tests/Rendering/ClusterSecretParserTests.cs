using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;
using static HubDsl.Core.Tests.Rendering.RenderingTestKit;

namespace HubDsl.Core.Tests.Rendering;

/// <summary>Reading cluster Secrets (Argo CD's util/db/cluster.go SecretToCluster; cluster_test.go Test_secretToCluster).</summary>
public sealed class ClusterSecretParserTests
{
    [Fact]
    public void String_data_and_base64_data_read_the_same()
    {
        Assert.True(ClusterSecretParser.TryParse(Secret("prod", "https://prod.example.com/", Labels(("env", "prod")), project: "team"), out var plain, out var e1), e1);
        Assert.True(ClusterSecretParser.TryParse(Secret("prod", "https://prod.example.com/", Labels(("env", "prod")), project: "team", base64: true), out var encoded, out var e2), e2);
        foreach (var info in new[] { plain, encoded })
        {
            Assert.Equal("prod", info.Name);
            Assert.Equal("https://prod.example.com/", info.Server);
            Assert.Equal("https://prod.example.com", info.NormalizedServer);
            Assert.Equal("team", info.Project);
            Assert.Equal("prod", info.Labels["env"]);
            Assert.True(info.IsClusterSecret);
            Assert.Equal("argocd", info.SecretNamespace);
            Assert.Equal("cluster-prod", info.SecretName);
        }
    }

    [Fact]
    public void String_data_wins_over_data_and_optional_keys_parse_like_argo()
    {
        const string yaml = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: s
              labels: {argocd.argoproj.io/secret-type: cluster}
            data:
              name: b2xk        # "old"
              server: aHR0cHM6Ly94  # "https://x"
            stringData:
              name: new
              namespaces: ' a, ,b ,'
              clusterResources: 'True'
            """;
        Assert.True(ClusterSecretParser.TryParse((YamlMapping)YamlReader.Parse(yaml), out var info, out _));
        Assert.Equal("new", info.Name);
        Assert.Equal("https://x", info.Server);
        Assert.Equal(new[] { "a", "b" }, info.Namespaces);
        Assert.False(info.ClusterResources); // only the exact string "true"
        Assert.Null(info.Project);
        Assert.Null(info.SecretNamespace);
        Assert.Empty(info.Annotations);
    }

    [Fact]
    public void Missing_name_is_empty_not_the_server()
    {
        // SecretToCluster takes data.name as it is: no fallback for hand-written Secrets.
        var yaml = "kind: Secret\nmetadata: {name: s}\nstringData: {server: 'https://x'}\n";
        Assert.True(ClusterSecretParser.TryParse((YamlMapping)YamlReader.Parse(yaml), out var info, out _));
        Assert.Equal(string.Empty, info.Name);
        Assert.False(info.IsClusterSecret);
    }

    [Theory]
    [InlineData("kind: ConfigMap\nmetadata: {name: x}", "not a Secret")]
    [InlineData("kind: Secret\ndata: {name: '***'}", "not valid base64")]
    [InlineData("kind: Secret\ndata: [a]", "data is not a mapping")]
    [InlineData("kind: Secret\nmetadata: {labels: {a: [1]}}", "metadata.labels.a is not a string")]
    public void Unreadable_secrets_are_errors(string yaml, string message)
    {
        Assert.False(ClusterSecretParser.TryParse((YamlMapping)YamlReader.Parse(yaml), out _, out var error));
        Assert.Contains(message, error);
    }

    [Fact]
    public void An_unreadable_secret_is_reported_without_blocking_the_application_set()
    {
        var bad = (YamlMapping)YamlReader.Parse("kind: Secret\nmetadata: {name: broken, namespace: argocd}\ndata: {name: '***'}");
        var result = Render(ScenarioTests.ScenarioAppSet, ScenarioSecrets().Append(bad));
        Assert.Equal(3, result.Applications.Count);
        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderErrorReasons.InvalidClusterSecret, error.Reason);
        Assert.False(result.IsBlocked);
    }

    [Fact]
    public void A_cluster_argoproj_io_Cluster_object_is_not_a_cluster()
    {
        // There is no kind Cluster in cluster.argoproj.io (Argo CD's manifests/crds: Application, ApplicationSet, AppProject only); clusters are labelled Secrets.
        const string yaml = "apiVersion: cluster.argoproj.io/v1alpha1\nkind: Cluster\nmetadata: {name: prod, namespace: argocd, labels: {env: prod}}\nspec: {server: 'https://prod'}\n";
        Assert.False(ClusterSecretParser.TryParse((YamlMapping)YamlReader.Parse(yaml), out _, out var error));
        Assert.Equal("not a Secret (kind 'Cluster')", error);
        var result = Render(ScenarioTests.ScenarioAppSet, new[] { (YamlMapping)YamlReader.Parse(yaml) });
        Assert.Empty(result.Applications);
    }
}
