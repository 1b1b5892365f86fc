using System;
using System.Diagnostics;

namespace HubDsl;

/// <summary>
/// Marks a static class whose <see cref="Cluster"/> fields are the spoke clusters of the fleet.
/// The build writes one cluster Secret (without credentials) per cluster.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
[Conditional("HUBDSL_USAGES")]
public sealed class FleetAttribute : Attribute
{
    /// <summary>Namespace of the hub's Argo CD, where cluster Secrets live. Default <c>argocd</c>.</summary>
    public string Namespace { get; set; } = "argocd";
}
