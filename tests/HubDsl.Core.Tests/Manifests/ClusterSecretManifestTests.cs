using HubDsl.Core.Manifests;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Tests.Manifests;

/// <summary>
/// The cluster Secret the build commits, and the cluster targeting that reads the same labels, on plain models.
/// Argo CD reads a cluster Secret by its <c>argocd.argoproj.io/secret-type: cluster</c> label and its
/// <c>name</c>, <c>server</c>, <c>project</c>, <c>namespaces</c> and <c>clusterResources</c> keys
/// (util/db/cluster.go, SecretToCluster).
/// </summary>
public sealed class ClusterSecretManifestTests
{
    private static ClusterModel Cluster(string name, (string Key, string Value)[] labels, string[]? namespaces = null, bool clusterResources = false) =>
        new(name, name, "https://" + name + ".example.com",
            labels.Select(l => new StringPair(l.Key, l.Value)).ToEquatableArray(),
            EquatableArray<StringPair>.Empty,
            Project: "platform",
            (namespaces ?? Array.Empty<string>()).ToEquatableArray(),
            clusterResources,
            InsecureSkipTlsVerify: false);

    private static LabelSelectorModel Selector(params (string Key, string Value)[] labels) =>
        new(labels.Select(l => new StringPair(l.Key, l.Value)).ToEquatableArray(), EquatableArray<LabelRequirementModel>.Empty);

    private static string[] Keys(YamlNode? mapping) => ((YamlMapping)mapping!).Keys.ToArray();

    [Fact]
    public void The_secret_carries_Argo_CDs_type_label_the_declared_labels_and_the_fleet_label_last()
    {
        var cluster = Cluster("prod", new[] { ("env", "prod"), ("fleet.hubdsl.io/acme", "false") });
        var secret = ClusterSecretManifest.Build(cluster, "argocd", fleetId: "acme");
        var labels = (YamlMapping)((YamlMapping)secret["metadata"]!)["labels"]!;

        Assert.Equal(new[] { "argocd.argoproj.io/secret-type", "app.kubernetes.io/managed-by", "env", "fleet.hubdsl.io/acme" }, Keys(labels));
        Assert.Equal("cluster", labels["argocd.argoproj.io/secret-type"]!.AsString());
        Assert.Equal("hubdsl", labels["app.kubernetes.io/managed-by"]!.AsString());
        // A declared label cannot take the fleet's ownership label away.
        Assert.Equal("true", labels["fleet.hubdsl.io/acme"]!.AsString());
    }

    [Fact]
    public void The_secret_holds_the_keys_Argo_CD_reads_and_namespaces_only_when_limited()
    {
        var limited = ClusterSecretManifest.Build(Cluster("prod", Array.Empty<(string, string)>(), new[] { "apps", "web" }, clusterResources: true), "argocd");
        var data = (YamlMapping)limited["stringData"]!;
        Assert.Equal(new[] { "name", "server", "project", "namespaces", "clusterResources" }, Keys(data));
        Assert.Equal("apps,web", data["namespaces"]!.AsString());
        Assert.Equal("https://prod.example.com", data["server"]!.AsString());
        Assert.Equal("argocd", ((YamlMapping)limited["metadata"]!)["namespace"]!.AsString());

        // clusterResources means something only with namespaces (Argo CD: "clusterResources" with "namespaces").
        var whole = ClusterSecretManifest.Build(Cluster("dev", Array.Empty<(string, string)>(), clusterResources: true), "argocd");
        Assert.Equal(new[] { "name", "server", "project" }, Keys(whole["stringData"]));
    }

    [Fact]
    public void Targeting_reads_the_labels_the_secret_is_written_with()
    {
        var cluster = Cluster("prod", new[] { ("env", "prod") });
        var written = ((YamlMapping)((YamlMapping)ClusterSecretManifest.Build(cluster, "argocd", fleetId: "acme")["metadata"]!)["labels"]!)
            .ToDictionary(e => e.Key, e => e.Value.AsString()!);
        Assert.Equal(written, ClusterTargeting.SecretLabels(cluster, "acme"));
    }

    [Fact]
    public void A_selector_targets_the_clusters_whose_secret_labels_match()
    {
        var prod = Cluster("prod", new[] { ("env", "prod") });
        var dev = Cluster("dev", new[] { ("env", "dev") });
        var targets = ClusterTargeting.For(Selector(("env", "prod")));
        Assert.True(targets(prod));
        Assert.False(targets(dev));
        // The type label is on every cluster Secret, so selecting on it is harmless.
        Assert.True(ClusterTargeting.For(Selector(("argocd.argoproj.io/secret-type", "cluster")))(dev));
    }

    [Fact]
    public void The_fleet_label_selects_only_when_the_build_writes_it()
    {
        var prod = Cluster("prod", Array.Empty<(string, string)>());
        var byFleet = Selector(("fleet.hubdsl.io/acme", "true"));
        Assert.True(ClusterTargeting.For(byFleet, "acme")(prod));
        Assert.False(ClusterTargeting.For(byFleet)(prod));
        Assert.False(ClusterTargeting.For(byFleet, "other")(prod));
    }

    [Fact]
    public void Match_expressions_follow_Kubernetes_and_an_invalid_selector_targets_nothing()
    {
        var prod = Cluster("prod", new[] { ("env", "prod") });
        var dev = Cluster("dev", new[] { ("env", "dev") });
        var bare = Cluster("bare", Array.Empty<(string, string)>());
        LabelSelectorModel Where(string op, params string[] values) =>
            new(EquatableArray<StringPair>.Empty, new[] { new LabelRequirementModel("env", op, values.ToEquatableArray()) }.ToEquatableArray());

        var notIn = ClusterTargeting.For(Where("NotIn", "dev"));
        // NotIn also matches a cluster without the label (apimachinery labels.Requirement.Matches).
        Assert.Equal(new[] { true, false, true }, new[] { prod, dev, bare }.Select(notIn));
        Assert.Equal(new[] { true, true, false }, new[] { prod, dev, bare }.Select(ClusterTargeting.For(Where("Exists"))));
        // In with no values is invalid in Kubernetes; Argo CD's generator fails, so nothing is targeted.
        Assert.Equal(new[] { false, false, false }, new[] { prod, dev, bare }.Select(ClusterTargeting.For(Where("In"))));
        Assert.True(ClusterTargeting.For(LabelSelectorModel.Empty)(bare));
    }
}
