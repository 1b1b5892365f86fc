using System.Text;
using HubDsl.Core.Manifests;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Tests.Manifests;

/// <summary>
/// The registered cluster Secret as Argo CD's API writes it: argo-cd util/db/cluster.go clusterToSecret (data keys
/// and order, trailing '/' stripped, name defaulting to the server) and util/db/secrets.go addSecretMetadata.
/// </summary>
public sealed class RegisteredClusterSecretTests
{
    private static ClusterModel Cluster(string name, string server, IEnumerable<string>? namespaces = null, bool clusterResources = false, string? project = null) =>
        new("Member", name, server,
            new[] { new StringPair("env", "prod"), new StringPair("tier", "gold") }.ToEquatableArray(),
            new[] { new StringPair("team", "platform"), new StringPair(ClusterSecretManifest.ManagedByAnnotation, "someone") }.ToEquatableArray(),
            project, (namespaces ?? Array.Empty<string>()).ToEquatableArray(), clusterResources, false);

    private static string Decode(YamlNode? node) => Encoding.UTF8.GetString(Convert.FromBase64String(((YamlScalar)node!).Value));

    [Fact]
    public void A_registered_cluster_has_clusterToSecrets_keys_in_its_order_and_addSecretMetadatas_label_and_annotation()
    {
        var secret = ClusterSecretManifest.BuildRegistered(Cluster("prod", "https://prod.example.com/", new[] { "a", "b" }, clusterResources: true, project: "platform"), "argocd", "{\"bearerToken\":\"t\"}", shard: 3);

        var metadata = (YamlMapping)secret["metadata"]!;
        Assert.Equal(ClusterSecretNames.ForServer("https://prod.example.com"), ((YamlScalar)metadata["name"]!).Value);
        Assert.Equal("argocd", ((YamlScalar)metadata["namespace"]!).Value);
        Assert.Equal(new[] { "env=prod", "tier=gold", "argocd.argoproj.io/secret-type=cluster" }, ((YamlMapping)metadata["labels"]!).Select(l => l.Key + "=" + ((YamlScalar)l.Value).Value));
        Assert.Equal(new[] { "team=platform", "managed-by=argocd.argoproj.io" }, ((YamlMapping)metadata["annotations"]!).Select(a => a.Key + "=" + ((YamlScalar)a.Value).Value));
        Assert.Equal("Opaque", ((YamlScalar)secret["type"]!).Value);
        var data = (YamlMapping)secret["data"]!;
        Assert.Equal(
            new[] { "server=https://prod.example.com", "name=prod", "namespaces=a,b", "config={\"bearerToken\":\"t\"}", "shard=3", "clusterResources=true", "project=platform" },
            data.Select(d => d.Key + "=" + Decode(d.Value)));
        Assert.Null(secret["stringData"]);
    }

    [Fact]
    public void Optional_keys_are_left_out_and_an_empty_name_is_the_server()
    {
        var data = (YamlMapping)ClusterSecretManifest.BuildRegistered(Cluster(string.Empty, "https://10.0.0.1:6443"), "argocd", "{}")["data"]!;

        Assert.Equal(new[] { "server=https://10.0.0.1:6443", "name=https://10.0.0.1:6443", "config={}" }, data.Select(d => d.Key + "=" + Decode(d.Value)));
    }

    [Fact]
    public void A_server_that_is_not_an_absolute_url_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ClusterSecretManifest.BuildRegistered(Cluster("x", "not a url"), "argocd", "{}"));
    }
}
