using System;
using System.Diagnostics;

namespace HubDsl;

/// <summary>
/// Types a <c>partial record</c> deriving from <see cref="HelmValues"/> from a Helm chart in the project: the generator
/// writes one property per values key (types from the chart's <c>values.schema.json</c>, else from its
/// <c>values.yaml</c> defaults; maps as nested records; the chart's defaults as initializers; its <c># --</c> comments
/// as XML docs; the exact key through <see cref="ValuesKeyAttribute"/>). The fleet's <c>[Values]</c> defaults then go
/// to a values file of their own (the first plain <c>ValueFiles</c> entry other than <c>values.yaml</c>), holding only
/// what differs from the chart's defaults: the chart's own <c>values.yaml</c> is never written.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
[Conditional("HUBDSL_USAGES")]
public sealed class ChartValuesAttribute : Attribute
{
    /// <param name="chartPath">The chart folder relative to the project, as in <c>HelmSource.Path</c> (e.g. <c>"helm"</c>).</param>
    public ChartValuesAttribute(string chartPath) => ChartPath = chartPath;

    /// <summary>The chart folder relative to the project.</summary>
    public string ChartPath { get; }
}
