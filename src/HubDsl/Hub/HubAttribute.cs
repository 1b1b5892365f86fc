using System;
using System.Diagnostics;

namespace HubDsl;

/// <summary>
/// Marks a static class with a <see cref="HubInstall"/> member: how the hub's Argo CD is installed. The build
/// writes the values file for the official <c>argo/argo-cd</c> Helm chart.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
[Conditional("HUBDSL_USAGES")]
public sealed class HubAttribute : Attribute
{
}
