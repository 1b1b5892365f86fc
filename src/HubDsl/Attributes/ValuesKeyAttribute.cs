using System;
using System.Diagnostics;

namespace HubDsl;

/// <summary>Sets the YAML key of a Helm values property (default: the camelCase property name) or an enum member (default: its name).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, Inherited = false)]
[Conditional("HUBDSL_USAGES")]
public sealed class ValuesKeyAttribute : Attribute
{
    /// <param name="key">The key as it appears in values.yaml.</param>
    public ValuesKeyAttribute(string key) => Key = key;

    /// <summary>The key as it appears in values.yaml.</summary>
    public string Key { get; }
}
