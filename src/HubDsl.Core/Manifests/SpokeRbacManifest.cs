using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Manifests;

/// <summary>
/// What a spoke needs so the hub can manage it: the <c>argocd-manager</c> ServiceAccount, its long-lived token
/// Secret, and its RBAC in the cluster's access mode. ClusterAdmin is exactly what <c>argocd cluster add</c>
/// creates (argocd-behaviour.md §6); <c>hubdsl cluster add</c> applies these same objects.
/// </summary>
public static class SpokeRbacManifest
{
    /// <summary>The ServiceAccount's name.</summary>
    public const string ServiceAccountName = "argocd-manager";

    /// <summary>The ClusterRole or Role name.</summary>
    public const string RoleName = "argocd-manager-role";

    /// <summary>The ClusterRoleBinding or RoleBinding name.</summary>
    public const string BindingName = "argocd-manager-role-binding";

    /// <summary>The long-lived token Secret's name.</summary>
    public const string TokenSecretName = "argocd-manager-long-lived-token";

    /// <summary>The objects to apply on the spoke, in apply order.</summary>
    public static IReadOnlyList<YamlMapping> Build(ClusterModel cluster, IEnumerable<ApplicationSetModel> targeting)
    {
        var objects = new List<YamlMapping>
        {
            Object("v1", "ServiceAccount", ServiceAccountName, cluster.SystemNamespace),
            TokenSecret(cluster.SystemNamespace),
        };
        switch (cluster.Access)
        {
            case "Namespaced":
                foreach (var ns in cluster.Namespaces)
                {
                    objects.Add(Object("rbac.authorization.k8s.io/v1", "Role", RoleName, ns).Set("rules", new YamlSequence().Add(Rule(new[] { "*" }, new[] { "*" }, new[] { "*" }))));
                    objects.Add(Binding("RoleBinding", "Role", ns, cluster.SystemNamespace));
                }

                break;
            case "LeastPrivilege":
                objects.Add(Object("rbac.authorization.k8s.io/v1", "ClusterRole", RoleName, null).Set("rules", LeastPrivilegeRules(targeting.ToList())));
                objects.Add(Binding("ClusterRoleBinding", "ClusterRole", null, cluster.SystemNamespace));
                break;
            default:
                objects.Add(Object("rbac.authorization.k8s.io/v1", "ClusterRole", RoleName, null).Set("rules", new YamlSequence()
                    .Add(Rule(new[] { "*" }, new[] { "*" }, new[] { "*" }))
                    .Add(new YamlMapping().Set("nonResourceURLs", List("*")).Set("verbs", List("*")))));
                objects.Add(Binding("ClusterRoleBinding", "ClusterRole", null, cluster.SystemNamespace));
                break;
        }

        return objects;
    }

    // Read everything (Argo CD's cluster cache watches every kind); write only what the fleet deploys.
    private static YamlSequence LeastPrivilegeRules(List<ApplicationSetModel> targeting)
    {
        var rules = new YamlSequence()
            .Add(Rule(new[] { "*" }, new[] { "*" }, new[] { "get", "list", "watch" }))
            .Add(new YamlMapping().Set("nonResourceURLs", List("*")).Set("verbs", List("get")));
        var writes = new SortedDictionary<string, SortedSet<string>>(System.StringComparer.Ordinal);
        foreach (var resource in targeting.SelectMany(a => a.DeployedResources))
        {
            if (!writes.TryGetValue(resource.Key, out var set)) writes[resource.Key] = set = new SortedSet<string>(System.StringComparer.Ordinal);
            set.Add(resource.Value);
        }

        foreach (var group in writes)
        {
            rules.Add(Rule(new[] { group.Key }, group.Value.ToArray(), new[] { "create", "update", "patch", "delete" }));
        }

        if (targeting.Any(a => a.CreatesNamespace)) rules.Add(Rule(new[] { "" }, new[] { "namespaces" }, new[] { "create" }));
        return rules;
    }

    private static YamlMapping TokenSecret(string ns)
    {
        var secret = Object("v1", "Secret", TokenSecretName, ns);
        ((YamlMapping)secret["metadata"]!).GetOrAddMapping("annotations").Set("kubernetes.io/service-account.name", ServiceAccountName);
        return secret.Set("type", "kubernetes.io/service-account-token");
    }

    private static YamlMapping Binding(string kind, string roleKind, string? ns, string systemNamespace) =>
        Object("rbac.authorization.k8s.io/v1", kind, BindingName, ns)
            .Set("roleRef", new YamlMapping().Set("apiGroup", "rbac.authorization.k8s.io").Set("kind", roleKind).Set("name", RoleName))
            .Set("subjects", new YamlSequence().Add(new YamlMapping().Set("kind", "ServiceAccount").Set("name", ServiceAccountName).Set("namespace", systemNamespace)));

    private static YamlMapping Object(string apiVersion, string kind, string name, string? ns)
    {
        var metadata = new YamlMapping().Set("name", name);
        if (ns is not null) metadata.Set("namespace", ns);
        metadata.GetOrAddMapping("labels").Set(ManifestLabels.ManagedByKey, ManifestLabels.ManagedByValue);
        return new YamlMapping().Set("apiVersion", apiVersion).Set("kind", kind).Set("metadata", metadata);
    }

    private static YamlMapping Rule(string[] groups, string[] resources, string[] verbs) =>
        new YamlMapping().Set("apiGroups", List(groups)).Set("resources", List(resources)).Set("verbs", List(verbs));

    private static YamlSequence List(params string[] items) => new(items.Select(i => (YamlNode)YamlScalar.String(i)));
}
