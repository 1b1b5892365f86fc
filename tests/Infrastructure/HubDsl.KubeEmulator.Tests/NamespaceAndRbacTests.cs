using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using k8s;
using k8s.Models;
using Xunit;

namespace HubDsl.KubeEmulator.Tests;

public sealed class NamespaceAndRbacTests
{
    [Fact]
    public async Task Start_creates_the_standard_namespaces_and_argocd()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);

        var names = (await client.CoreV1.ListNamespaceAsync()).Items.Select(n => n.Metadata.Name).ToList();

        Assert.Contains("default", names);
        Assert.Contains("kube-system", names);
        Assert.Contains("argocd", names);
        var ns = await client.CoreV1.ReadNamespaceAsync("default");
        Assert.Equal("Active", ns.Status.Phase);
        Assert.Equal("default", ns.Metadata.Labels["kubernetes.io/metadata.name"]);
    }

    [Fact]
    public async Task Namespaced_create_requires_the_namespace_and_deleting_a_namespace_removes_its_contents()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        var account = new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "agent" } };

        var (code, status) = await TestClients.FailureOf(() => client.CoreV1.CreateNamespacedServiceAccountAsync(account, "team-a"));
        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Equal("namespaces \"team-a\" not found", status["message"]!.GetValue<string>());

        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team-a" } });
        await client.CoreV1.CreateNamespacedServiceAccountAsync(account, "team-a");
        Assert.Single((await client.CoreV1.ListNamespacedServiceAccountAsync("team-a")).Items);

        await client.CoreV1.DeleteNamespaceAsync("team-a");
        Assert.DoesNotContain((await client.CoreV1.ListNamespaceAsync()).Items, n => n.Metadata.Name == "team-a");
        Assert.DoesNotContain((await client.CoreV1.ListServiceAccountForAllNamespacesAsync()).Items, a => a.Metadata.NamespaceProperty == "team-a");
    }

    [Fact]
    public async Task Invalid_names_are_rejected()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);

        var (code, status) = await TestClients.FailureOf(() => client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "Not_Valid" } }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal("Invalid", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task GenerateName_gets_a_random_suffix()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);

        var created = await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { GenerateName = "token-" } }, "default");

        Assert.StartsWith("token-", created.Metadata.Name);
        Assert.Equal("token-".Length + 5, created.Metadata.Name.Length);
    }

    [Fact]
    public async Task ClusterRole_and_ClusterRoleBinding_round_trip()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        var role = new V1ClusterRole
        {
            Metadata = new V1ObjectMeta { Name = "argocd-manager-role" },
            Rules = [new V1PolicyRule { ApiGroups = ["*"], Resources = ["*"], Verbs = ["*"] }],
        };

        await client.RbacAuthorizationV1.CreateClusterRoleAsync(role);
        await client.RbacAuthorizationV1.CreateClusterRoleBindingAsync(new V1ClusterRoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "argocd-manager-role-binding" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "argocd-manager-role" },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "argocd-manager", NamespaceProperty = "kube-system" }],
        });

        var fetched = await client.RbacAuthorizationV1.ReadClusterRoleAsync("argocd-manager-role");
        Assert.Equal(["*"], fetched.Rules.Single().Verbs);
        var binding = await client.RbacAuthorizationV1.ReadClusterRoleBindingAsync("argocd-manager-role-binding");
        Assert.Equal("argocd-manager", binding.Subjects.Single().Name);

        fetched.Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["secrets"], Verbs = ["get", "list"] }];
        var updated = await client.RbacAuthorizationV1.ReplaceClusterRoleAsync(fetched, "argocd-manager-role");
        Assert.Equal(["get", "list"], updated.Rules.Single().Verbs);

        var (code, _) = await TestClients.FailureOf(() => client.RbacAuthorizationV1.CreateClusterRoleAsync(role));
        Assert.Equal(HttpStatusCode.Conflict, code);

        await client.RbacAuthorizationV1.DeleteClusterRoleBindingAsync("argocd-manager-role-binding");
        await client.RbacAuthorizationV1.DeleteClusterRoleAsync("argocd-manager-role");
        Assert.DoesNotContain((await client.RbacAuthorizationV1.ListClusterRoleAsync()).Items, r => r.Metadata.Name == "argocd-manager-role");
    }

    [Fact]
    public async Task Rbac_names_may_contain_colons_like_system_roles()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);

        var created = await client.RbacAuthorizationV1.CreateClusterRoleAsync(new V1ClusterRole { Metadata = new V1ObjectMeta { Name = "system:hubdsl:reader" } });

        Assert.Equal("system:hubdsl:reader", (await client.RbacAuthorizationV1.ReadClusterRoleAsync(created.Metadata.Name)).Metadata.Name);
    }

    [Fact]
    public async Task Role_and_RoleBinding_are_namespaced()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);

        await client.RbacAuthorizationV1.CreateNamespacedRoleAsync(
            new V1Role { Metadata = new V1ObjectMeta { Name = "reader" }, Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["secrets"], Verbs = ["get"] }] },
            "argocd");
        await client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(
            new V1RoleBinding
            {
                Metadata = new V1ObjectMeta { Name = "reader", Labels = new Dictionary<string, string> { ["owner"] = "hubdsl" } },
                RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = "reader" },
            },
            "argocd");

        Assert.Single((await client.RbacAuthorizationV1.ListNamespacedRoleAsync("argocd")).Items);
        Assert.Empty((await client.RbacAuthorizationV1.ListNamespacedRoleAsync("default")).Items);
        var (code, _) = await TestClients.FailureOf(() => client.RbacAuthorizationV1.ReadNamespacedRoleBindingAsync("reader", "default"));
        Assert.Equal(HttpStatusCode.NotFound, code);

        var patched = await client.RbacAuthorizationV1.PatchNamespacedRoleBindingAsync(
            new V1Patch("{\"metadata\":{\"labels\":{\"owner\":\"someone-else\"}}}", V1Patch.PatchType.MergePatch), "reader", "argocd");
        Assert.Equal("someone-else", patched.Metadata.Labels["owner"]);
        await client.RbacAuthorizationV1.DeleteNamespacedRoleAsync("reader", "argocd");
        await client.RbacAuthorizationV1.DeleteNamespacedRoleBindingAsync("reader", "argocd");
        Assert.Empty((await client.RbacAuthorizationV1.ListNamespacedRoleBindingAsync("argocd")).Items);
    }

}
