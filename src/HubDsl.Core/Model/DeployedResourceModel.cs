using HubDsl.Core.Yaml;

namespace HubDsl.Core.Model;

/// <summary>
/// One API resource an ApplicationSet declares it deploys (<c>DeployedResources</c>): what least-privilege RBAC
/// grants and what the hub's <c>resource.inclusions</c> name. <see cref="Kind"/> and <see cref="ClusterScoped"/>
/// come from Kubernetes' built-in resources, or from the declaration for a custom resource.
/// </summary>
/// <param name="Group">The API group ("" for core).</param>
/// <param name="Resource">The plural resource name RBAC uses.</param>
/// <param name="Kind">The kind Argo CD's resource filters match; null for a custom resource declared without one.</param>
/// <param name="ClusterScoped">Whether the resource is cluster-scoped.</param>
public sealed record DeployedResourceModel(string Group, string Resource, string? Kind, bool ClusterScoped)
{
    /// <summary>Where it was declared (analyzers only).</summary>
    public SourceSpan? Origin { get; init; }

    /// <summary>"group/resource", with "core" for the core group, for messages.</summary>
    public string Display => (Group.Length == 0 ? "core" : Group) + "/" + Resource;
}
