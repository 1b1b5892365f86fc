using k8s;
using k8s.Models;
using HubDsl.Core.Manifests;

namespace HubDsl.Generators.Tests;

/// <summary>
/// Spoke RBAC in the three access modes. ClusterAdmin must be what `argocd cluster add` creates
/// (util/clusterauth/clusterauth.go InstallClusterManagerRBAC); every object must load into KubernetesClient's typed
/// models with no unknown field.
/// </summary>
public sealed class SpokeRbacTests
{
    private static readonly Dictionary<string, Type> Kinds = new()
    {
        ["v1/Namespace"] = typeof(V1Namespace),
        ["v1/ServiceAccount"] = typeof(V1ServiceAccount),
        ["v1/Secret"] = typeof(V1Secret),
        ["rbac.authorization.k8s.io/v1/ClusterRole"] = typeof(V1ClusterRole),
        ["rbac.authorization.k8s.io/v1/ClusterRoleBinding"] = typeof(V1ClusterRoleBinding),
        ["rbac.authorization.k8s.io/v1/Role"] = typeof(V1Role),
        ["rbac.authorization.k8s.io/v1/RoleBinding"] = typeof(V1RoleBinding),
    };

    private const string Full = "get,list,watch,create,update,patch,delete";
    private const string Read = "get,list,watch";

    private const string Fleet = """
        using HubDsl;
        [Fleet]
        public static class Fleet
        {
            public static readonly Cluster Admin = new("admin", "https://admin.example.com") { Labels = { ["deploy"] = "true" } };
            public static readonly Cluster Scoped = new("scoped", "https://scoped.example.com") { Labels = { ["deploy"] = "true" }, Access = SpokeAccess.Namespaced, Namespaces = ["agent", "agent-jobs"], SystemNamespace = "argocd" };
            public static readonly Cluster Least = new("least", "https://least.example.com") { Labels = { ["deploy"] = "true", ["batch"] = "true" }, Access = SpokeAccess.LeastPrivilege };
        }
        [ApplicationSet("app")]
        public static class App
        {
            public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("deploy", "true"));
            public static readonly DeployedResources Deploys = new(ApiResource.Deployments, ApiResource.Services, new ApiResource("monitoring.coreos.com", "servicemonitors") { Kind = "ServiceMonitor" }, ApiResource.ConfigMaps);
            public static readonly ApplicationTemplate Template = new($"app-{Param.Name}")
            {
                Destination = new(Param.Server, "agent"),
                Source = new HelmSource("https://github.com/example/app", "chart"),
                SyncPolicy = new() { SyncOptions = ["CreateNamespace=true"] },
            };
        }
        [ApplicationSet("reports")]
        public static class Reports
        {
            public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("batch", "true"));
            public static readonly DeployedResources Deploys = new(new ApiResource("batch", "cronjobs"));
            public static readonly ApplicationTemplate Template = new($"reports-{Param.Name}")
            {
                Destination = new(Param.Server, "reports"),
                Source = new HelmSource("https://github.com/example/reports", "chart"),
            };
        }
        """;

    private static readonly IReadOnlyList<ManifestFile> Files = GeneratorHarness.Generate(("Fleet.cs", Fleet));

    private static readonly IReadOnlyList<ManifestFile> Example = GeneratorHarness.Generate(GeneratorHarness.ExampleSources("AgentFleet"));

    [Fact]
    public void ClusterAdmin_is_exactly_what_argocd_cluster_add_creates()
    {
        var objects = Load(Files, "admin");
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
        Assert.Equal(4, objects.Count);
        Assert.DoesNotContain("namespaces", File(Files, "argocd/clusters/admin.yaml"));
    }

    [Fact]
    public void Namespaced_mode_grants_a_Role_per_namespace_and_nothing_cluster_wide()
    {
        var objects = Load(Files, "scoped");
        Assert.DoesNotContain(objects, o => o is V1ClusterRole or V1ClusterRoleBinding or V1Namespace);
        var roles = objects.OfType<V1Role>().ToList();
        Assert.Equal(new[] { "agent", "agent-jobs" }, roles.Select(r => r.Metadata.NamespaceProperty).ToArray());
        Assert.All(roles, r => Assert.Equal("argocd-manager-role", r.Metadata.Name));
        Assert.All(roles, r => Assert.Equal("apiGroups=* resources=* verbs=*", Describe(Assert.Single(r.Rules))));
        var bindings = objects.OfType<V1RoleBinding>().ToList();
        Assert.Equal(new[] { "agent", "agent-jobs" }, bindings.Select(r => r.Metadata.NamespaceProperty).ToArray());
        Assert.All(bindings, b => Assert.Equal("argocd", b.Subjects.Single().NamespaceProperty));
        Assert.Equal("argocd", objects.OfType<V1ServiceAccount>().Single().Metadata.NamespaceProperty);
        // The hub Secret tells Argo CD to work in namespaced mode.
        Assert.Contains("namespaces: 'agent,agent-jobs'", File(Files, "argocd/clusters/scoped.yaml"));
    }

    // The example's prod and dr spokes: the agent chart deploys a Deployment into "agent", with CreateNamespace=true.
    // Argo CD also needs to read the Deployment's ReplicaSets and Pods (its resource tree) and list Events (the UI),
    // and to get the namespace it would otherwise create. Nothing else, nowhere else.
    public static TheoryData<string> ExampleLeastPrivilegeClusters => new() { "prod", "dr" };

    private static readonly (string Role, string Namespace, string Group, string Resource, string? Name, string Verbs)[] ExampleGrants =
    {
        ("Role", "agent", "apps", "deployments", null, Full),
        ("Role", "agent", "apps", "replicasets", null, Read),
        ("Role", "agent", "", "pods", null, Read),
        ("Role", "agent", "", "events", null, "list"),
        ("Role", "agent", "", "namespaces", "agent", "get"),
    };

    [Theory]
    [MemberData(nameof(ExampleLeastPrivilegeClusters))]
    public void The_examples_least_privilege_Role_and_ClusterRole_grant_exactly_the_table(string cluster)
    {
        var objects = Load(Example, cluster);

        Assert.Equal(ExampleGrants.OrderBy(g => g.ToString(), StringComparer.Ordinal), Grants(objects).OrderBy(g => g.ToString(), StringComparer.Ordinal));
        // Nothing cluster-wide: no ClusterRole, no ClusterRoleBinding.
        Assert.DoesNotContain(objects, o => o is V1ClusterRole or V1ClusterRoleBinding);
        Assert.DoesNotContain(Grants(objects), g => g.Resource == "secrets" && g.Namespace == "kube-system");
        Assert.DoesNotContain(Grants(objects), g => g.Resource is "secrets" or "*" || g.Group == "*");
        // The namespace exists before the Role and RoleBinding in it, which bind the hub's ServiceAccount.
        Assert.Equal(new[] { "V1ServiceAccount", "V1Secret", "V1Namespace", "V1Role", "V1RoleBinding" }, objects.Select(o => o.GetType().Name).ToArray());
        Assert.Equal("agent", objects.OfType<V1Namespace>().Single().Metadata.Name);
        var binding = objects.OfType<V1RoleBinding>().Single();
        Assert.Equal(("agent", "Role", "argocd-manager-role"), (binding.Metadata.NamespaceProperty, binding.RoleRef.Kind, binding.RoleRef.Name));
        Assert.Equal(("ServiceAccount", "argocd-manager", "kube-system"), (binding.Subjects.Single().Kind, binding.Subjects.Single().Name, binding.Subjects.Single().NamespaceProperty));
        // Argo CD works in namespaced mode for exactly the Role's namespace.
        Assert.Contains("\n  namespaces: agent\n", File(Example, "argocd/clusters/" + cluster + ".yaml"));
        Assert.DoesNotContain("clusterResources", File(Example, "argocd/clusters/" + cluster + ".yaml"));
    }

    [Fact]
    public void The_examples_ClusterAdmin_spoke_is_unchanged()
    {
        Assert.Equal(File(Files, "spokes/admin/argocd-manager.yaml").Replace("Fleet.Admin", "AgentFleet.Clusters.Staging"), File(Example, "spokes/staging/argocd-manager.yaml"));
        Assert.DoesNotContain("namespaces", File(Example, "argocd/clusters/staging.yaml"));
    }

    [Fact]
    public void LeastPrivilege_writes_only_where_each_ApplicationSet_deploys_and_reads_every_watched_kind_in_every_namespace()
    {
        var grants = Grants(Load(Files, "least"));
        string Verbs(string ns, string group, string resource) => grants.SingleOrDefault(g => g.Namespace == ns && g.Group == group && g.Resource == resource && g.Name is null).Verbs ?? "-";

        // app deploys into agent, reports into reports: writes stay there.
        Assert.Equal(Full, Verbs("agent", "apps", "deployments"));
        Assert.Equal(Full, Verbs("agent", "", "services"));
        Assert.Equal(Full, Verbs("agent", "", "configmaps"));
        Assert.Equal(Full, Verbs("agent", "monitoring.coreos.com", "servicemonitors"));
        Assert.Equal(Full, Verbs("reports", "batch", "cronjobs"));
        Assert.Equal(Read, Verbs("reports", "apps", "deployments"));
        Assert.Equal(Read, Verbs("agent", "batch", "cronjobs"));
        // Argo CD lists every watched kind in every managed namespace: reads everywhere, with the tree beneath.
        foreach (var ns in new[] { "agent", "reports" })
        {
            Assert.Equal(Read, Verbs(ns, "apps", "replicasets"));
            Assert.Equal(Read, Verbs(ns, "", "pods"));
            Assert.Equal(Read, Verbs(ns, "batch", "jobs"));
            Assert.Equal("list", Verbs(ns, "", "events"));
            Assert.Equal("-", Verbs(ns, "", "secrets"));
            Assert.Equal("-", Verbs(ns, "", "endpoints"));
        }

        // Only app uses CreateNamespace=true: only agent is created by the spoke file and readable by name.
        Assert.Equal(new[] { "agent" }, Load(Files, "least").OfType<V1Namespace>().Select(n => n.Metadata.Name).ToArray());
        Assert.Contains(grants, g => g is { Namespace: "agent", Resource: "namespaces", Name: "agent", Verbs: "get" });
        Assert.DoesNotContain(grants, g => g.Namespace == "reports" && g.Resource == "namespaces");
        Assert.DoesNotContain(Load(Files, "least"), o => o is V1ClusterRole or V1ClusterRoleBinding);
        Assert.Contains("namespaces: 'agent,reports'", File(Files, "argocd/clusters/least.yaml"));
    }

    [Fact]
    public void Secrets_are_granted_only_when_deployed_and_only_in_the_destination_namespace()
    {
        var files = GeneratorHarness.Generate(("Fleet.cs", """
            using HubDsl;
            [Fleet] public static class Fleet { public static readonly Cluster Least = new("least", "https://least.example.com") { Labels = { ["deploy"] = "true" }, Access = SpokeAccess.LeastPrivilege }; }
            [ApplicationSet("app")]
            public static class App
            {
                public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("deploy", "true"));
                public static readonly DeployedResources Deploys = new(ApiResource.Deployments, ApiResource.Secrets, ApiResource.ServiceAccounts);
                public static readonly ApplicationTemplate Template = new($"app-{Param.Name}") { Destination = new(Param.Server, "team-a"), Source = new HelmSource("https://github.com/example/app", "chart") };
            }
            """));
        var grants = Grants(Load(files, "least"));

        var secrets = Assert.Single(grants, g => g.Resource == "secrets");
        Assert.Equal(("Role", "team-a", "", Full), (secrets.Role, secrets.Namespace, secrets.Group, secrets.Verbs));
        Assert.DoesNotContain(grants, g => g.Namespace == "kube-system");
    }

    [Fact]
    public void A_templated_destination_namespace_is_resolved_per_cluster_as_Argo_CD_renders_it()
    {
        var files = GeneratorHarness.Generate(("Fleet.cs", """
            using HubDsl;
            [Fleet]
            public static class Fleet
            {
                public static readonly Cluster A = new("a", "https://a.example.com") { Labels = { ["team"] = "red" }, Access = SpokeAccess.LeastPrivilege };
                public static readonly Cluster B = new("b", "https://b.example.com") { Labels = { ["team"] = "blue" }, Access = SpokeAccess.LeastPrivilege };
            }
            [ApplicationSet("app")]
            public static class App
            {
                public static readonly ClusterSelector Targets = ClusterSelector.Where(LabelExpression.Exists("team"));
                public static readonly AppProject Project = new("app");
                public static readonly DeployedResources Deploys = new(ApiResource.ConfigMaps);
                public static readonly ApplicationTemplate Template = new($"app-{Param.Name}") { Destination = new(Param.Server, $"team-{Param.Label("team")}"), Source = new HelmSource("https://github.com/example/app", "chart") };
            }
            """));

        Assert.Equal(new[] { "team-red" }, Load(files, "a").OfType<V1Role>().Select(r => r.Metadata.NamespaceProperty).ToArray());
        Assert.Equal(new[] { "team-blue" }, Load(files, "b").OfType<V1Role>().Select(r => r.Metadata.NamespaceProperty).ToArray());
        Assert.Contains("namespaces: team-blue", File(files, "argocd/clusters/b.yaml"));
        // The AppProject allows the same rendered namespaces, so Argo CD accepts the Applications the Roles serve.
        Assert.Contains("- name: a\n      server: https://a.example.com\n      namespace: team-red\n", File(files, "argocd/projects/app.yaml"));
        Assert.Contains("- name: b\n      server: https://b.example.com\n      namespace: team-blue\n", File(files, "argocd/projects/app.yaml"));
    }

    [Fact]
    public void Cluster_scoped_kinds_get_a_ClusterRole_clusterResources_and_the_projects_whitelist()
    {
        var files = GeneratorHarness.Generate(("Fleet.cs", """
            using HubDsl;
            [Fleet] public static class Fleet { public static readonly Cluster Least = new("least", "https://least.example.com") { Labels = { ["deploy"] = "true" }, Access = SpokeAccess.LeastPrivilege }; }
            [ApplicationSet("app")]
            public static class App
            {
                public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("deploy", "true"));
                public static readonly AppProject Project = new("app");
                public static readonly DeployedResources Deploys = new(ApiResource.Deployments, new ApiResource("rbac.authorization.k8s.io", "clusterroles"), new ApiResource("example.com", "widgets") { Kind = "Widget", ClusterScoped = true });
                public static readonly ApplicationTemplate Template = new($"app-{Param.Name}") { Project = "app", Destination = new(Param.Server, "app"), Source = new HelmSource("https://github.com/example/app", "chart") };
            }
            """));
        var objects = Load(files, "least");

        var clusterRole = objects.OfType<V1ClusterRole>().Single();
        Assert.Equal(new[] { "example.com/widgets " + Full, "rbac.authorization.k8s.io/clusterroles " + Full }, clusterRole.Rules.SelectMany(r => r.Resources.Select(res => r.ApiGroups.Single() + "/" + res + " " + string.Join(",", r.Verbs))).ToArray());
        Assert.Equal("kube-system", objects.OfType<V1ClusterRoleBinding>().Single().Subjects.Single().NamespaceProperty);
        Assert.DoesNotContain(objects.OfType<V1Role>().Single().Rules, r => r.Resources.Contains("clusterroles") || r.Resources.Contains("widgets"));
        var secret = File(files, "argocd/clusters/least.yaml");
        Assert.Contains("namespaces: app", secret);
        Assert.Contains("clusterResources: 'true'", secret);
        var project = File(files, "argocd/projects/app.yaml");
        Assert.Contains("- group: example.com\n      kind: Widget", project);
        Assert.Contains("- group: rbac.authorization.k8s.io\n      kind: ClusterRole", project);
    }

    [Fact]
    public void Every_spoke_and_cluster_Secret_manifest_loads_strictly_into_typed_models()
    {
        foreach (var file in Files.Concat(Example).Where(f => f.Path.StartsWith("spokes/", StringComparison.Ordinal) || f.Path.StartsWith("argocd/clusters/", StringComparison.Ordinal)))
        {
            var objects = KubernetesYaml.LoadAllFromString(file.Content, Kinds, strict: true);
            Assert.NotEmpty(objects);
        }
    }

    private static string File(IReadOnlyList<ManifestFile> files, string path) => files.Single(f => f.Path == path).Content;

    private static List<object> Load(IReadOnlyList<ManifestFile> files, string cluster) =>
        KubernetesYaml.LoadAllFromString(File(files, "spokes/" + cluster + "/argocd-manager.yaml"), Kinds, strict: true).ToList();

    private static string Describe(V1PolicyRule rule) =>
        "apiGroups=" + string.Join(",", rule.ApiGroups) + " resources=" + string.Join(",", rule.Resources) + " verbs=" + string.Join(",", rule.Verbs);

    // Every (role, namespace, group, resource, resourceName) a file's Roles and ClusterRoles grant, with the verbs.
    private static List<(string Role, string Namespace, string Group, string Resource, string? Name, string Verbs)> Grants(List<object> objects)
    {
        var rules = objects.OfType<V1Role>().SelectMany(r => r.Rules.Select(rule => ("Role", r.Metadata.NamespaceProperty, rule)))
            .Concat(objects.OfType<V1ClusterRole>().SelectMany(r => r.Rules.Select(rule => ("ClusterRole", "", rule))));
        var grants = new List<(string, string, string, string, string?, string)>();
        foreach (var (kind, ns, rule) in rules)
        {
            Assert.Null(rule.NonResourceURLs);
            foreach (var group in rule.ApiGroups)
            {
                foreach (var resource in rule.Resources)
                {
                    foreach (var name in rule.ResourceNames?.Select(n => (string?)n) ?? new string?[] { null })
                    {
                        grants.Add((kind, ns, group, resource, name, string.Join(",", rule.Verbs)));
                    }
                }
            }
        }

        Assert.Equal(grants.Count, grants.Select(g => (g.Item1, g.Item2, g.Item3, g.Item4, g.Item5)).Distinct().Count());
        return grants;
    }
}
