using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Manifests;

/// <summary>
/// What a spoke needs so the hub can manage it: the <c>argocd-manager</c> ServiceAccount, its long-lived token
/// Secret, and its RBAC in the cluster's access mode. ClusterAdmin is exactly what <c>argocd cluster add</c>
/// creates (argo-cd util/clusterauth/clusterauth.go InstallClusterManagerRBAC); Namespaced is its <c>--namespace</c>
/// form; LeastPrivilege is <see cref="LeastPrivilegeAccess"/>. <c>hubdsl cluster add</c> applies these same objects.
/// </summary>
public static class SpokeRbacManifest
{
    /// <summary>The ServiceAccount's name.</summary>
    public const string ServiceAccountName = "argocd-manager";

    /// <summary>The ClusterRole or Role name.</summary>
    public const string RoleName = "argocd-manager-role";

    /// <summary>The ClusterRoleBinding or RoleBinding name.</summary>
    public const string BindingName = "argocd-manager-role-binding";

    /// <summary>A ServiceAccount's long-lived token Secret is its name and this (argo-cd util/clusterauth/clusterauth.go SATokenSecretSuffix).</summary>
    public const string TokenSecretSuffix = "-long-lived-token";

    /// <summary>The long-lived token Secret's name.</summary>
    public const string TokenSecretName = ServiceAccountName + TokenSecretSuffix;

    /// <summary>The Secret type the token controller fills with a ServiceAccount's token.</summary>
    public const string TokenSecretType = "kubernetes.io/service-account-token";

    /// <summary>The annotation that names the token Secret's ServiceAccount.</summary>
    public const string ServiceAccountNameAnnotation = "kubernetes.io/service-account.name";

    /// <summary>
    /// The objects to apply on the spoke, in apply order. A <c>LeastPrivilege</c> cluster needs its
    /// <paramref name="access"/> (from the ApplicationSets that target it); without it, it is granted nothing.
    /// </summary>
    public static IReadOnlyList<YamlMapping> Build(ClusterModel cluster, LeastPrivilegeAccess? access = null)
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
                objects.AddRange(LeastPrivilege(cluster, access));
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

    // Per destination namespace a Role and RoleBinding (so the namespace first, when the template would have Argo
    // CD create it); a ClusterRole only for cluster-scoped kinds the fleet deploys. No non-resource URLs: the
    // discovery, OpenAPI and version endpoints Argo CD reads are open to every authenticated user (Kubernetes RBAC
    // docs, "Discovery roles": system:discovery and system:public-info-viewer are bound to system:authenticated).
    private static IEnumerable<YamlMapping> LeastPrivilege(ClusterModel cluster, LeastPrivilegeAccess? access)
    {
        if (access is null) yield break;
        foreach (var ns in access.CreatedNamespaces) yield return Object("v1", "Namespace", ns, null);
        foreach (var ns in access.Namespaces)
        {
            yield return Object("rbac.authorization.k8s.io/v1", "Role", RoleName, ns).Set("rules", Rules(access.NamespaceGrants[ns]));
            yield return Binding("RoleBinding", "Role", ns, cluster.SystemNamespace);
        }

        if (access.ClusterGrants.Count == 0) yield break;
        yield return Object("rbac.authorization.k8s.io/v1", "ClusterRole", RoleName, null).Set("rules", Rules(access.ClusterGrants));
        yield return Binding("ClusterRoleBinding", "ClusterRole", null, cluster.SystemNamespace);
    }

    // One rule per API group and verb set, resources sorted; a named object (the namespace itself) keeps its own rule.
    private static YamlSequence Rules(IReadOnlyList<ResourceGrant> grants)
    {
        var rules = new YamlSequence();
        foreach (var group in grants.Where(g => g.ResourceName is null).GroupBy(g => (g.Group, Verbs: string.Join(",", g.Verbs))))
        {
            rules.Add(Rule(new[] { group.Key.Group }, group.Select(g => g.Resource).ToArray(), group.First().Verbs.ToArray()));
        }

        foreach (var named in grants.Where(g => g.ResourceName is not null))
        {
            rules.Add(new YamlMapping()
                .Set("apiGroups", List(named.Group))
                .Set("resources", List(named.Resource))
                .Set("resourceNames", List(named.ResourceName!))
                .Set("verbs", List(named.Verbs.ToArray())));
        }

        return rules;
    }

    private static YamlMapping TokenSecret(string ns)
    {
        var secret = Object("v1", "Secret", TokenSecretName, ns);
        ((YamlMapping)secret["metadata"]!).GetOrAddMapping("annotations").Set(ServiceAccountNameAnnotation, ServiceAccountName);
        return secret.Set("type", TokenSecretType);
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
