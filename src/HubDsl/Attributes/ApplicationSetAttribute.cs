using System;
using System.Diagnostics;

namespace HubDsl;

/// <summary>
/// Marks a static class that declares one Argo CD ApplicationSet: a <see cref="ClusterSelector"/> or
/// <see cref="ClusterGenerator"/> member, an <see cref="ApplicationTemplate"/> member, and
/// <see cref="ValuesAttribute"/> members with the Helm values per environment.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
[Conditional("HUBDSL_USAGES")]
public sealed class ApplicationSetAttribute : Attribute
{
    /// <param name="name">The ApplicationSet's <c>metadata.name</c>.</param>
    public ApplicationSetAttribute(string name) => Name = name;

    /// <summary>The ApplicationSet's <c>metadata.name</c>.</summary>
    public string Name { get; }

    /// <summary>Namespace of the hub's Argo CD. Applications are always created in it. Default <c>argocd</c>.</summary>
    public string Namespace { get; set; } = "argocd";

    /// <summary>Render the template with Go text/template (<c>goTemplate: true</c>) instead of fasttemplate.</summary>
    public bool GoTemplate { get; set; }

    /// <summary>The <c>missingkey</c> option of goTemplate mode. Only meaningful with <see cref="GoTemplate"/>.</summary>
    public MissingKey MissingKey { get; set; } = MissingKey.Default;

    /// <summary>
    /// <c>spec.syncPolicy.preserveResourcesOnDeletion</c>: deleting a generated Application leaves its
    /// resources on the cluster.
    /// </summary>
    public bool PreserveResourcesOnDeletion { get; set; }
}
