using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Declarations;

/// <summary>
/// A value of the user's declarations, evaluated at compile time from C# (the Roslyn evaluator builds
/// these) and turned into manifests by the binders. Plain data: no symbols, syntax or Roslyn locations.
/// <see cref="Origin"/> is recorded only for the analyzers; the generator leaves it null.
/// </summary>
public abstract record DslValue
{
    /// <summary>The expression this value came from, when recorded.</summary>
    public SourceSpan? Origin { get; init; }
}

/// <summary>A string, number, bool or null.</summary>
public sealed record DslScalar(ScalarKind Kind, string Text) : DslValue
{
    /// <summary>A string scalar.</summary>
    public static DslScalar String(string value) => new(ScalarKind.String, value);

    /// <summary>The null scalar.</summary>
    public static DslScalar Null { get; } = new(ScalarKind.Null, "null");
}

/// <summary>An enum member, by its C# name and its YAML name (<c>[ValuesKey]</c> or the member name).</summary>
public sealed record DslEnum(string TypeName, string Member, string YamlName) : DslValue;

/// <summary>An interpolated or concatenated string: literal parts and holes in order.</summary>
public sealed record DslInterpolation(EquatableArray<DslValue> Parts) : DslValue;

/// <summary>An object: its type's full metadata name and its properties in declaration order.</summary>
public sealed record DslObject(string TypeName, EquatableArray<DslProperty> Properties, bool IsHelmValues) : DslValue
{
    /// <summary>The property with this name (case-insensitive: constructor parameters map to properties).</summary>
    public DslProperty? Find(string name)
    {
        foreach (var property in Properties)
        {
            if (string.Equals(property.Name, name, System.StringComparison.OrdinalIgnoreCase)) return property;
        }

        return null;
    }
}

/// <summary>One property of a <see cref="DslObject"/>; <see cref="Key"/> is its <c>[ValuesKey]</c>, if any.</summary>
public sealed record DslProperty(string Name, string? Key, DslValue Value);

/// <summary>A list or array.</summary>
public sealed record DslList(EquatableArray<DslValue> Items) : DslValue;

/// <summary>A dictionary, in insertion order.</summary>
public sealed record DslMap(EquatableArray<DslEntry> Entries) : DslValue;

/// <summary>One dictionary entry.</summary>
public sealed record DslEntry(DslValue Key, DslValue Value);

/// <summary>A tuple literal.</summary>
public sealed record DslTuple(EquatableArray<DslValue> Items) : DslValue;

/// <summary>
/// A member of a HubDsl type used by name: a static property such as <c>Param.Name</c>, or a factory call
/// such as <c>ClusterSelector.WithLabels(...)</c>. The binders give these their meaning.
/// </summary>
public sealed record DslCall(string TypeName, string Member, DslValue? Receiver, EquatableArray<DslValue> Arguments) : DslValue;
