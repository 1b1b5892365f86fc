using System;
using System.Collections.Generic;
using System.Linq;

namespace HubDsl.KubeEmulator;

/// <summary>The fixed set of resource types the emulator serves.</summary>
public static class ResourceCatalog
{
    public static readonly ResourceKind Namespaces = new("", "v1", "Namespace", "namespaces", "namespace", false, false);
    public static readonly ResourceKind Secrets = new("", "v1", "Secret", "secrets", "secret", true, false);
    public static readonly ResourceKind ServiceAccounts = new("", "v1", "ServiceAccount", "serviceaccounts", "serviceaccount", true, false);
    public static readonly ResourceKind ConfigMaps = new("", "v1", "ConfigMap", "configmaps", "configmap", true, false);
    public static readonly ResourceKind ClusterRoles = new(RbacGroup, "v1", "ClusterRole", "clusterroles", "clusterrole", false, false);
    public static readonly ResourceKind ClusterRoleBindings = new(RbacGroup, "v1", "ClusterRoleBinding", "clusterrolebindings", "clusterrolebinding", false, false);
    public static readonly ResourceKind Roles = new(RbacGroup, "v1", "Role", "roles", "role", true, false);
    public static readonly ResourceKind RoleBindings = new(RbacGroup, "v1", "RoleBinding", "rolebindings", "rolebinding", true, false);
    public static readonly ResourceKind Applications = new(ArgoGroup, "v1alpha1", "Application", "applications", "application", true, true);
    public static readonly ResourceKind ApplicationSets = new(ArgoGroup, "v1alpha1", "ApplicationSet", "applicationsets", "applicationset", true, true);
    public static readonly ResourceKind AppProjects = new(ArgoGroup, "v1alpha1", "AppProject", "appprojects", "appproject", true, true);

    public static readonly ResourceKind CustomResourceDefinitions = new(ApiExtensionsGroup, "v1", "CustomResourceDefinition", "customresourcedefinitions", "customresourcedefinition", false, false);

    public const string ApiExtensionsGroup = "apiextensions.k8s.io";
    public const string RbacGroup = "rbac.authorization.k8s.io";
    public const string ArgoGroup = "argoproj.io";

    public static IReadOnlyList<ResourceKind> All { get; } =
    [
        Namespaces, Secrets, ServiceAccounts, ConfigMaps,
        ClusterRoles, ClusterRoleBindings, Roles, RoleBindings,
        CustomResourceDefinitions,
        Applications, ApplicationSets, AppProjects,
    ];

    public static ResourceKind? Find(string group, string version, string plural) =>
        All.FirstOrDefault(k => k.Group == group && k.Version == version && k.Plural == plural);

    public static ResourceKind? FindByKind(string apiVersion, string kind) =>
        All.FirstOrDefault(k => k.ApiVersion == apiVersion && k.Kind == kind);
}
