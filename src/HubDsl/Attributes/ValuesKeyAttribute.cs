using System;
using System.Diagnostics;

namespace HubDsl;

/// <summary>Sets the YAML key of a Helm values property (the default is the camelCase property name).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
[Conditional("HUBDSL_USAGES")]
public sealed class ValuesKeyAttribute : Attribute
{
    /// <param name="key">The key as it appears in values.yaml.</param>
    public ValuesKeyAttribute(string key) => Key = key;

    /// <summary>The key as it appears in values.yaml.</summary>
    public string Key { get; }
}
