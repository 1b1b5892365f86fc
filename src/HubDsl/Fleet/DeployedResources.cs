using System.Collections.Generic;

namespace HubDsl;

/// <summary>
/// The API resources an ApplicationSet's chart deploys. Clusters in <see cref="SpokeAccess.LeastPrivilege"/> mode
/// grant write access to exactly these in the template's destination namespace, read access to them and to what
/// Argo CD shows beneath them (a Deployment's ReplicaSets and Pods), and the hub watches only those kinds there.
/// </summary>
public sealed class DeployedResources
{
    /// <param name="resources">The resources, e.g. <c>ApiResource.Deployments, ApiResource.Services</c>.</param>
    public DeployedResources(params ApiResource[] resources) => Resources = resources;

    /// <summary>The resources.</summary>
    public IReadOnlyList<ApiResource> Resources { get; }
}

/// <summary>
/// An API group and resource (plural), as RBAC rules name them. Kubernetes' own resources need nothing more; a
/// custom resource also needs its <see cref="Kind"/> (Argo CD's <c>resource.inclusions</c> match kinds) and,
/// when it is cluster-scoped, <see cref="ClusterScoped"/>.
/// </summary>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Resource">The plural resource name, e.g. <c>deployments</c>.</param>
public sealed record ApiResource(string Group, string Resource)
{
    /// <summary>
    /// The kind, e.g. <c>ServiceMonitor</c>. Needed for custom resources only: Kubernetes' built-in resources are
    /// known (<c>deployments</c> is <c>Deployment</c>).
    /// </summary>
    public string? Kind { get; init; }

    /// <summary>Whether a custom resource is cluster-scoped (built-in resources are known).</summary>
    public bool ClusterScoped { get; init; }

    /// <summary>apps/deployments</summary>
    public static ApiResource Deployments => new("apps", "deployments");
    /// <summary>apps/statefulsets</summary>
    public static ApiResource StatefulSets => new("apps", "statefulsets");
    /// <summary>core services</summary>
    public static ApiResource Services => new("", "services");
    /// <summary>core configmaps</summary>
    public static ApiResource ConfigMaps => new("", "configmaps");
    /// <summary>core secrets</summary>
    public static ApiResource Secrets => new("", "secrets");
    /// <summary>core serviceaccounts</summary>
    public static ApiResource ServiceAccounts => new("", "serviceaccounts");
    /// <summary>networking.k8s.io/ingresses</summary>
    public static ApiResource Ingresses => new("networking.k8s.io", "ingresses");
    /// <summary>autoscaling/horizontalpodautoscalers</summary>
    public static ApiResource HorizontalPodAutoscalers => new("autoscaling", "horizontalpodautoscalers");
    /// <summary>batch/jobs</summary>
    public static ApiResource Jobs => new("batch", "jobs");
    /// <summary>external-secrets.io/externalsecrets (kind ExternalSecret)</summary>
    public static ApiResource ExternalSecrets => new("external-secrets.io", "externalsecrets") { Kind = "ExternalSecret" };
}
