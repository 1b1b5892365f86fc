using System;
using System.Diagnostics;

namespace HubDsl;

/// <summary>
/// Marks a <see cref="HelmValues"/> member of an ApplicationSet class. Without an environment it is the
/// chart's defaults (<c>values.yaml</c>); with one it is that environment's values, written as
/// <c>values-&lt;environment&gt;.yaml</c> holding only what differs from the defaults.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = false)]
[Conditional("HUBDSL_USAGES")]
public sealed class ValuesAttribute : Attribute
{
    /// <summary>The chart's default values.</summary>
    public ValuesAttribute() { }

    /// <summary>The values of one environment.</summary>
    public ValuesAttribute(string environment) => Environment = environment;

    /// <summary>The environment, or null for the defaults.</summary>
    public string? Environment { get; }
}
