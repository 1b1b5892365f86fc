using k8s;
using k8s.Models;
using HubDsl.Core.Manifests;

namespace HubDsl.Generators.Tests;

/// <summary>
/// Spoke RBAC in the three access modes. ClusterAdmin must be what `argocd cluster add` creates
/// (argocd-behaviour.md §6); every object must load into KubernetesClient's typed models with no unknown field.
/// </summary>
public sealed class SpokeRbacTests
{
    private static readonly Dictionary<string, Type> Kinds = new()
    {
        ["v1/ServiceAccount"] = typeof(V1ServiceAccount),
        ["v1/Secret"] = typeof(V1Secret),
        ["rbac.authorization.k8s.io/v1/ClusterRole"] = typeof(V1ClusterRole),
        ["rbac.authorization.k8s.io/v1/ClusterRoleBinding"] = typeof(V1ClusterRoleBinding),
        ["rbac.authorization.k8s.io/v1/Role"] = typeof(V1Role),
        ["rbac.authorization.k8s.io/v1/RoleBinding"] = typeof(V1RoleBinding),
    };

    private const string Fleet = """
        using HubDsl;
        [Fleet]
        public static class Fleet
        {
            public static readonly Cluster Admin = new("admin", "https://admin.example.com") { Labels = { ["deploy"] = "true" } };
            public static readonly Cluster Scoped = new("scoped", "https://scoped.example.com") { Labels = { ["deploy"] = "true" }, Access = SpokeAccess.Namespaced, Namespaces = ["agent", "agent-jobs"], SystemNamespace = "argocd" };
            public static readonly Cluster Least = new("least", "https://least.example.com") { Labels = { ["deploy"] = "true" }, Access = SpokeAccess.LeastPrivilege };
        }
        [ApplicationSet("app")]
        public static class App
        {
            public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("deploy", "true"));
            public static readonly DeployedResources Deploys = new(ApiResource.Deployments, ApiResource.Services, new ApiResource("monitoring.coreos.com", "servicemonitors"), ApiResource.ConfigMaps);
            public static readonly ApplicationTemplate Template = new($"app-{Param.Name}")
            {
                Destination = new(Param.Server, "agent"),
                Source = new HelmSource("https://github.com/example/app", "chart"),
                SyncPolicy = new() { SyncOptions = ["CreateNamespace=true"] },
            };
        }
        """;

    private static readonly IReadOnlyList<ManifestFile> Files = GeneratorHarness.Generate(("Fleet.cs", Fleet));

    [Fact]
    public void ClusterAdmin_is_exactly_what_argocd_cluster_add_creates()
    {
        var objects = Load("admin");
        var account = Assert.IsType<V1ServiceAccount>(objects[0]);
        Assert.Equal(("argocd-manager", "kube-system"), (account.Metadata.Name, account.Metadata.NamespaceProperty));
        var token = Assert.IsType<V1Secret>(objects[1]);
        Assert.Equal(("argocd-manager-long-lived-token", "kube-system", "kubernetes.io/service-account-token"), (token.Metadata.Name, token.Metadata.NamespaceProperty, token.Type));
        Assert.Equal("argocd-manager", token.Metadata.Annotations["kubernetes.io/service-account.name"]);
        var role = Assert.IsType<V1ClusterRole>(objects[2]);
        Assert.Equal("argocd-manager-role", role.Metadata.Name);
        Assert.Equal(2, role.Rules.Count);
        Assert.Equal("apiGroups=* resources=* verbs=*", "apiGroups=" + string.Join(",", role.Rules[0].ApiGroups) + " resources=" + string.Join(",", role.Rules[0].Resources) + " verbs=" + string.Join(",", role.Rules[0].Verbs));
        Assert.Equal("nonResourceURLs=* verbs=*", "nonResourceURLs=" + string.Join(",", role.Rules[1].NonResourceURLs) + " verbs=" + string.Join(",", role.Rules[1].Verbs));
        Assert.Null(role.Rules[1].ApiGroups);
        var binding = Assert.IsType<V1ClusterRoleBinding>(objects[3]);
        Assert.Equal("argocd-manager-role-binding", binding.Metadata.Name);
        Assert.Equal(("rbac.authorization.k8s.io", "ClusterRole", "argocd-manager-role"), (binding.RoleRef.ApiGroup, binding.RoleRef.Kind, binding.RoleRef.Name));
        var subject = Assert.Single(binding.Subjects);
        Assert.Equal(("ServiceAccount", "argocd-manager", "kube-system"), (subject.Kind, subject.Name, subject.NamespaceProperty));
    }

    [Fact]
    public void Namespaced_mode_grants_a_Role_per_namespace_and_nothing_cluster_wide()
    {
        var objects = Load("scoped");
        Assert.DoesNotContain(objects, o => o is V1ClusterRole or V1ClusterRoleBinding);
        var roles = objects.OfType<V1Role>().ToList();
        Assert.Equal(new[] { "agent", "agent-jobs" }, roles.Select(r => r.Metadata.NamespaceProperty).ToArray());
        Assert.All(roles, r => Assert.Equal("argocd-manager-role", r.Metadata.Name));
        var bindings = objects.OfType<V1RoleBinding>().ToList();
        Assert.Equal(new[] { "agent", "agent-jobs" }, bindings.Select(r => r.Metadata.NamespaceProperty).ToArray());
        Assert.All(bindings, b => Assert.Equal("argocd", b.Subjects.Single().NamespaceProperty));
        Assert.Equal("argocd", objects.OfType<V1ServiceAccount>().Single().Metadata.NamespaceProperty);
        // The hub Secret tells Argo CD to work in namespaced mode.
        Assert.Contains("namespaces: 'agent,agent-jobs'", Files.Single(f => f.Path == "argocd/clusters/scoped.yaml").Content);
    }

    [Fact]
    public void LeastPrivilege_reads_everything_and_writes_only_what_the_fleet_deploys()
    {
        var role = Load("least").OfType<V1ClusterRole>().Single();
        var writeVerbs = new[] { "create", "update", "patch", "delete", "*" };
        var wildcardWrites = role.Rules.Where(r => (r.Resources ?? new List<string>()).Contains("*") || (r.ApiGroups ?? new List<string>()).Contains("*")).Where(r => r.Verbs.Intersect(writeVerbs).Any());
        Assert.Empty(wildcardWrites);
        var writes = role.Rules.Where(r => r.Verbs.Contains("patch")).SelectMany(r => r.ApiGroups.SelectMany(g => r.Resources.Select(res => g + "/" + res))).OrderBy(x => x).ToArray();
        Assert.Equal(new[] { "/configmaps", "/services", "apps/deployments", "monitoring.coreos.com/servicemonitors" }, writes);
        Assert.Contains(role.Rules, r => r.Resources?.SequenceEqual(new[] { "namespaces" }) == true && r.Verbs.SequenceEqual(new[] { "create" }));
        Assert.Contains(role.Rules, r => r.ApiGroups?.SequenceEqual(new[] { "*" }) == true && r.Verbs.SequenceEqual(new[] { "get", "list", "watch" }));
    }

    [Fact]
    public void Every_spoke_and_cluster_Secret_manifest_loads_strictly_into_typed_models()
    {
        foreach (var file in Files.Where(f => f.Path.StartsWith("spokes/", StringComparison.Ordinal) || f.Path.StartsWith("argocd/clusters/", StringComparison.Ordinal)))
        {
            var objects = KubernetesYaml.LoadAllFromString(file.Content, Kinds, strict: true);
            Assert.NotEmpty(objects);
        }
    }

    private static List<object> Load(string cluster) =>
        KubernetesYaml.LoadAllFromString(Files.Single(f => f.Path == "spokes/" + cluster + "/argocd-manager.yaml").Content, Kinds, strict: true).ToList();
}
