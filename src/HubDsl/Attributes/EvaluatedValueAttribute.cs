using System;
using System.ComponentModel;

namespace HubDsl;

/// <summary>
/// Carries the compile-time value of one public declaration (a static member, or a type's property defaults) in
/// the compiled assembly, written by the HubDsl generator. A project that references this assembly as a
/// compiled file cannot see its source initializers; HubDsl reads their values from these attributes instead.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EvaluatedValueAttribute : Attribute
{
    /// <param name="key">What the value is for: <c>M:</c> and a member, <c>T:</c> and a type, or "" for the format version.</param>
    /// <param name="value">The value in HubDsl's value text, <c>!</c> and a message when it cannot be evaluated, or the format version.</param>
    public EvaluatedValueAttribute(string key, string value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>What the value is for.</summary>
    public string Key { get; }

    /// <summary>The value, or <c>!</c> and why it cannot be evaluated.</summary>
    public string Value { get; }
}
