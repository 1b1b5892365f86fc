using k8s;
using k8s.Models;
using HubDsl.Core.Manifests;
using YamlDotNet.RepresentationModel;

namespace HubDsl.Generators.Tests;

/// <summary>
/// The hub side of least privilege: <c>configs.cm."resource.inclusions"</c> in the argo-cd chart values, so the
/// application controller watches on a LeastPrivilege cluster exactly what its Roles let it read. Checked with
/// Argo CD's own filter rules (util/settings/resources_filter.go IsExcludedResource, filtered_resource.go Match)
/// over a cluster's discovered kinds.
/// </summary>
public sealed class ResourceInclusionsTests
{
    // What discovery returns on a typical spoke (group, kind, resource), including kinds nobody deploys.
    private static readonly (string Group, string Kind, string Resource)[] Discovered =
    {
        ("", "Pod", "pods"), ("", "Service", "services"), ("", "Endpoints", "endpoints"), ("", "ConfigMap", "configmaps"),
        ("", "Secret", "secrets"), ("", "ServiceAccount", "serviceaccounts"), ("", "Event", "events"),
        ("", "PersistentVolumeClaim", "persistentvolumeclaims"), ("", "Namespace", "namespaces"), ("", "Node", "nodes"),
        ("apps", "Deployment", "deployments"), ("apps", "ReplicaSet", "replicasets"), ("apps", "StatefulSet", "statefulsets"),
        ("apps", "DaemonSet", "daemonsets"), ("apps", "ControllerRevision", "controllerrevisions"),
        ("batch", "Job", "jobs"), ("batch", "CronJob", "cronjobs"), ("coordination.k8s.io", "Lease", "leases"),
        ("discovery.k8s.io", "EndpointSlice", "endpointslices"), ("rbac.authorization.k8s.io", "Role", "roles"),
        ("rbac.authorization.k8s.io", "ClusterRole", "clusterroles"), ("monitoring.coreos.com", "ServiceMonitor", "servicemonitors"),
    };

    private const string Fleet = """
        using HubDsl;
        [Fleet]
        public static class Fleet
        {
            public static readonly Cluster Admin = new("admin", "https://admin.example.com") { Labels = { ["deploy"] = "true" } };
            public static readonly Cluster Least = new("least", "https://least.example.com/") { Labels = { ["deploy"] = "true", ["batch"] = "true" }, Access = SpokeAccess.LeastPrivilege };
            public static readonly Cluster Six = new("six", "https://[fd00::6]:6443") { Labels = { ["deploy"] = "true" }, Access = SpokeAccess.LeastPrivilege };
        }
        [ApplicationSet("app")]
        public static class App
        {
            public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("deploy", "true"));
            public static readonly DeployedResources Deploys = new(ApiResource.Deployments, ApiResource.Services, new ApiResource("monitoring.coreos.com", "servicemonitors") { Kind = "ServiceMonitor" });
            public static readonly ApplicationTemplate Template = new($"app-{Param.Name}") { Destination = new(Param.Server, "agent"), Source = new HelmSource("https://github.com/example/app", "chart") };
        }
        [ApplicationSet("reports")]
        public static class Reports
        {
            public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("batch", "true"));
            public static readonly DeployedResources Deploys = new(new ApiResource("batch", "cronjobs"));
            public static readonly ApplicationTemplate Template = new($"reports-{Param.Name}") { Destination = new(Param.Server, "reports"), Source = new HelmSource("https://github.com/example/reports", "chart") };
        }
        [Hub] public static class Hub { public static readonly HubInstall Install = new(); }
        """;

    private static readonly IReadOnlyList<ManifestFile> Files = GeneratorHarness.Generate(("Fleet.cs", Fleet));

    private static readonly IReadOnlyList<ManifestFile> Example = GeneratorHarness.Generate(GeneratorHarness.ExampleSources("AgentFleet"));

    [Fact]
    public void The_examples_hub_values_include_exactly_the_kinds_prod_and_dr_may_read()
    {
        var entries = Inclusions(Example);

        Assert.Equal(
            new[]
            {
                "[''] Pod @ https://dr-api.example.com,https://prod-api.example.com",
                "[apps] Deployment,ReplicaSet @ https://dr-api.example.com,https://prod-api.example.com",
            },
            entries.Select(e => "[" + string.Join(",", e.Groups.Select(g => g.Length == 0 ? "''" : g)) + "] " + string.Join(",", e.Kinds) + " @ " + string.Join(",", e.Clusters)).ToArray());
        Assert.DoesNotContain("resource.respectRBAC", File(Example, "hub/argo-cd-values.yaml"));
    }

    public static TheoryData<string, string> LeastPrivilegeClusters => new()
    {
        { "example", "prod" },
        { "example", "dr" },
        { "fleet", "least" },
        { "fleet", "six" },
    };

    [Theory]
    [MemberData(nameof(LeastPrivilegeClusters))]
    public void Argo_CD_watches_nothing_it_cannot_read(string source, string cluster)
    {
        var files = source == "example" ? Example : Files;
        var server = Server(files, cluster);
        var watched = Watched(Inclusions(files), server);
        var roles = Objects(files, cluster).OfType<V1Role>().ToList();

        Assert.NotEmpty(watched);
        Assert.NotEmpty(roles);
        // Namespaced mode for the Roles' namespaces: Argo CD lists each watched kind in each of them.
        Assert.Equal(roles.Select(r => r.Metadata.NamespaceProperty).OrderBy(n => n, StringComparer.Ordinal), Namespaces(files, cluster));
        foreach (var (group, kind, resource) in watched)
        {
            foreach (var role in roles)
            {
                Assert.True(
                    role.Rules.Any(r => r.ApiGroups.Contains(group) && r.Resources.Contains(resource) && r.ResourceNames is null && new[] { "get", "list", "watch" }.All(r.Verbs.Contains)),
                    "Argo CD watches " + kind + " on " + cluster + " but the Role in " + role.Metadata.NamespaceProperty + " does not let it list and watch " + resource);
            }
        }

        // Never watched: Secrets, Events (listed by the API server, never watched), Endpoints, kinds nobody deploys.
        Assert.DoesNotContain(watched, w => w.Kind is "Secret" or "Event" or "Endpoints" or "EndpointSlice" or "Lease" or "Node" or "DaemonSet");
    }

    [Fact]
    public void Each_cluster_watches_its_own_kinds_and_other_clusters_are_unaffected()
    {
        var entries = Inclusions(Files);

        Assert.Equal(new[] { "CronJob", "Deployment", "Job", "Pod", "ReplicaSet", "Service", "ServiceMonitor" }, Watched(entries, "https://least.example.com").Select(w => w.Kind).OrderBy(k => k, StringComparer.Ordinal).ToArray());
        Assert.Equal(new[] { "Deployment", "Pod", "ReplicaSet", "Service", "ServiceMonitor" }, Watched(entries, "https://[fd00::6]:6443").Select(w => w.Kind).OrderBy(k => k, StringComparer.Ordinal).ToArray());
        // A ClusterAdmin cluster is named by no entry, so Argo CD watches everything there as before.
        Assert.Equal(Discovered.Length - 2, Watched(entries, "https://admin.example.com").Count); // minus the always-excluded Event and Lease
        // Entries are globs: the IPv6 address's brackets are escaped, the trailing '/' goes as Argo CD drops it.
        Assert.Contains(entries, e => e.Clusters.Contains("https://\\[fd00::6\\]:6443"));
        Assert.Contains(entries, e => e.Clusters.Contains("https://least.example.com"));
    }

    [SchemaFact]
    public void The_values_with_inclusions_use_only_argo_cd_chart_keys()
    {
        var chart = Read(System.IO.File.ReadAllText(SharedSchemas.ChartValues));
        Assert.True(((YamlMappingNode)((YamlMappingNode)chart.Children[new YamlScalarNode("configs")]).Children[new YamlScalarNode("cm")]).Children.ContainsKey(new YamlScalarNode("resource.exclusions")), "configs.cm is the chart's argocd-cm map");
        foreach (var files in new[] { Example, Files })
        {
            var values = Read(File(files, "hub/argo-cd-values.yaml"));
            var cm = (YamlMappingNode)((YamlMappingNode)values.Children[new YamlScalarNode("configs")]).Children[new YamlScalarNode("cm")];
            Assert.Equal(new[] { "resource.inclusions" }, cm.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToArray());
        }
    }

    [Fact]
    public void Without_least_privilege_clusters_the_hub_values_carry_no_inclusions()
    {
        var source = Fleet.Replace("Access = SpokeAccess.LeastPrivilege", "Access = SpokeAccess.ClusterAdmin");
        Assert.NotEqual(Fleet, source);
        var files = GeneratorHarness.Generate(("Fleet.cs", source));
        Assert.DoesNotContain("configs", File(files, "hub/argo-cd-values.yaml"));
    }

    [Fact]
    public void A_hub_in_another_namespace_does_not_configure_the_fleets_clusters()
    {
        var source = Fleet.Replace("HubInstall Install = new()", "HubInstall Install = new(\"gitops\")");
        Assert.NotEqual(Fleet, source);
        var files = GeneratorHarness.Generate(("Fleet.cs", source));
        Assert.Contains("--namespace gitops", File(files, "hub/argo-cd-values.yaml"));
        Assert.DoesNotContain("resource.inclusions", File(files, "hub/argo-cd-values.yaml"));
    }

    // Argo CD's ResourcesFilter over the discovered kinds for one cluster: excluded if a (core) exclusion matches;
    // included if an inclusion matches; otherwise excluded only if some inclusion names the cluster.
    private static List<(string Group, string Kind, string Resource)> Watched(List<(string[] Groups, string[] Kinds, string[] Clusters)> inclusions, string server)
    {
        bool Match((string[] Groups, string[] Kinds, string[] Clusters) rule, string group, string kind) =>
            (rule.Groups.Length == 0 || rule.Groups.Contains(group)) && (rule.Kinds.Length == 0 || rule.Kinds.Contains(kind) || rule.Kinds.Contains("*")) && MatchCluster(rule);
        bool MatchCluster((string[] Groups, string[] Kinds, string[] Clusters) rule) => rule.Clusters.Length == 0 || rule.Clusters.Any(c => Unquote(c) == server);
        var coreExclusions = new[] { (new[] { "events.k8s.io", "metrics.k8s.io" }, Array.Empty<string>(), Array.Empty<string>()), (new[] { "" }, new[] { "Event" }, Array.Empty<string>()), (new[] { "coordination.k8s.io" }, new[] { "Lease" }, Array.Empty<string>()) };
        return Discovered.Where(d =>
                !coreExclusions.Any(x => Match(x, d.Group, d.Kind))
                && (inclusions.Any(i => Match(i, d.Group, d.Kind)) || !inclusions.Any(MatchCluster)))
            .ToList();
    }

    // gobwas/glob: a backslash escapes the next character; the generated patterns have no wildcards.
    private static string Unquote(string pattern)
    {
        Assert.DoesNotMatch(@"(?<!\\)[*?{}]", pattern);
        return System.Text.RegularExpressions.Regex.Replace(pattern, @"\\(.)", "$1");
    }

    private static List<(string[] Groups, string[] Kinds, string[] Clusters)> Inclusions(IReadOnlyList<ManifestFile> files)
    {
        var values = Read(File(files, "hub/argo-cd-values.yaml"));
        var cm = (YamlMappingNode)((YamlMappingNode)values.Children[new YamlScalarNode("configs")]).Children[new YamlScalarNode("cm")];
        var text = ((YamlScalarNode)cm.Children[new YamlScalarNode("resource.inclusions")]).Value!;
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        string[] List(YamlMappingNode entry, string key) => entry.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlSequenceNode)node).Select(n => ((YamlScalarNode)n).Value!).ToArray() : Array.Empty<string>();
        return ((YamlSequenceNode)stream.Documents[0].RootNode).Cast<YamlMappingNode>().Select(e => (List(e, "apiGroups"), List(e, "kinds"), List(e, "clusters"))).ToList();
    }

    private static string Server(IReadOnlyList<ManifestFile> files, string cluster) =>
        System.Text.RegularExpressions.Regex.Match(File(files, "argocd/clusters/" + cluster + ".yaml"), @"\n  server: '?([^'\n]+)'?\n").Groups[1].Value.TrimEnd('/');

    private static IEnumerable<string> Namespaces(IReadOnlyList<ManifestFile> files, string cluster) =>
        System.Text.RegularExpressions.Regex.Match(File(files, "argocd/clusters/" + cluster + ".yaml"), @"\n  namespaces: '?([^'\n]+)'?\n").Groups[1].Value.Split(',');

    private static List<object> Objects(IReadOnlyList<ManifestFile> files, string cluster) =>
        KubernetesYaml.LoadAllFromString(File(files, "spokes/" + cluster + "/argocd-manager.yaml"), new Dictionary<string, Type>
        {
            ["v1/Namespace"] = typeof(V1Namespace),
            ["v1/ServiceAccount"] = typeof(V1ServiceAccount),
            ["v1/Secret"] = typeof(V1Secret),
            ["rbac.authorization.k8s.io/v1/Role"] = typeof(V1Role),
            ["rbac.authorization.k8s.io/v1/RoleBinding"] = typeof(V1RoleBinding),
            ["rbac.authorization.k8s.io/v1/ClusterRole"] = typeof(V1ClusterRole),
            ["rbac.authorization.k8s.io/v1/ClusterRoleBinding"] = typeof(V1ClusterRoleBinding),
        }, strict: true).ToList();

    private static string File(IReadOnlyList<ManifestFile> files, string path) => files.Single(f => f.Path == path).Content;

    private static YamlMappingNode Read(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
