namespace HubDsl.Cli.Runtime;

/// <summary>An API resource type the runtime reads or writes.</summary>
public sealed record ResourceType(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    /// <summary>v1 Secret.</summary>
    public static readonly ResourceType Secret = new(string.Empty, "v1", "Secret", "secrets", true);

    /// <summary>v1 ServiceAccount.</summary>
    public static readonly ResourceType ServiceAccount = new(string.Empty, "v1", "ServiceAccount", "serviceaccounts", true);

    /// <summary>v1 Namespace (a least-privilege spoke file creates its destination namespaces).</summary>
    public static readonly ResourceType Namespace = new(string.Empty, "v1", "Namespace", "namespaces", false);

    /// <summary>rbac.authorization.k8s.io/v1 ClusterRole.</summary>
    public static readonly ResourceType ClusterRole = new("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false);

    /// <summary>rbac.authorization.k8s.io/v1 ClusterRoleBinding.</summary>
    public static readonly ResourceType ClusterRoleBinding = new("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false);

    /// <summary>rbac.authorization.k8s.io/v1 Role.</summary>
    public static readonly ResourceType Role = new("rbac.authorization.k8s.io", "v1", "Role", "roles", true);

    /// <summary>rbac.authorization.k8s.io/v1 RoleBinding.</summary>
    public static readonly ResourceType RoleBinding = new("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true);

    /// <summary>argoproj.io/v1alpha1 Application.</summary>
    public static readonly ResourceType Application = new("argoproj.io", "v1alpha1", "Application", "applications", true);

    /// <summary>argoproj.io/v1alpha1 ApplicationSet.</summary>
    public static readonly ResourceType ApplicationSet = new("argoproj.io", "v1alpha1", "ApplicationSet", "applicationsets", true);

    /// <summary>argoproj.io/v1alpha1 AppProject.</summary>
    public static readonly ResourceType AppProject = new("argoproj.io", "v1alpha1", "AppProject", "appprojects", true);

    /// <summary>The kinds <c>hubdsl apply</c> writes to the hub (and may prune).</summary>
    public static IReadOnlyList<ResourceType> HubKinds { get; } = new[] { ApplicationSet, AppProject, Secret };

    private static readonly ResourceType[] All = { Secret, ServiceAccount, Namespace, ClusterRole, ClusterRoleBinding, Role, RoleBinding, Application, ApplicationSet, AppProject };

    /// <summary>apiVersion as written in manifests.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>The type for an apiVersion and kind, if the runtime knows it.</summary>
    public static ResourceType? Find(string? apiVersion, string? kind) => All.FirstOrDefault(t => t.ApiVersion == apiVersion && t.Kind == kind);

    /// <summary>"Kind ns/name" or "Kind name".</summary>
    public string Describe(string? ns, string name) => Kind + " " + (Namespaced && !string.IsNullOrEmpty(ns) ? ns + "/" : string.Empty) + name;
}
