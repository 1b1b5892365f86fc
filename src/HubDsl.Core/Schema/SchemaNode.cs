using System.Collections.Generic;

namespace HubDsl.Core.Schema;

/// <summary>What a structural schema node accepts.</summary>
public enum SchemaKind
{
    /// <summary>A JSON string.</summary>
    String,
    /// <summary>A JSON boolean.</summary>
    Boolean,
    /// <summary>A JSON integer (int64).</summary>
    Integer,
    /// <summary>An integer or a string (x-kubernetes-int-or-string).</summary>
    IntOrString,
    /// <summary>An object with known fields (<see cref="SchemaNode.Fields"/>), or a map (<see cref="SchemaNode.Values"/>).</summary>
    Object,
    /// <summary>An array of <see cref="SchemaNode.Items"/>.</summary>
    Array,
    /// <summary>Anything (x-kubernetes-preserve-unknown-fields without a type): never checked, never pruned.</summary>
    Any,
}

/// <summary>
/// One node of a CRD's structural schema, as the API server validates and prunes with it: the type, an object's fields
/// in its Go struct's declaration order, required fields, and the string constraints the CRD sets.
/// </summary>
public sealed class SchemaNode
{
    internal SchemaNode(SchemaKind kind)
    {
        Kind = kind;
    }

    /// <summary>The node's type.</summary>
    public SchemaKind Kind { get; }

    /// <summary>For an object generated from a Go struct: the struct's name (as in Argo CD's types).</summary>
    public string? GoType { get; internal set; }

    /// <summary>An object's fields, in Go declaration order; empty for a map or an opaque object.</summary>
    public IReadOnlyList<KeyValuePair<string, SchemaNode>> Fields { get; internal set; } = System.Array.Empty<KeyValuePair<string, SchemaNode>>();

    /// <summary>Fields that must be present (the API server's "Required value").</summary>
    public IReadOnlyCollection<string> Required { get; internal set; } = System.Array.Empty<string>();

    /// <summary>An array's item schema.</summary>
    public SchemaNode? Items { get; internal set; }

    /// <summary>A map's value schema (additionalProperties).</summary>
    public SchemaNode? Values { get; internal set; }

    /// <summary>Whether fields the schema does not name are kept (x-kubernetes-preserve-unknown-fields).</summary>
    public bool PreserveUnknownFields { get; internal set; }

    /// <summary>The allowed values of a string, or null.</summary>
    public IReadOnlyList<string>? Enum { get; internal set; }

    /// <summary>The pattern a string must match (ECMA/RE2 syntax as in the CRD), or null.</summary>
    public string? Pattern { get; internal set; }

    /// <summary>The minimum length of a string, or null.</summary>
    public int? MinLength { get; internal set; }

    /// <summary>The CRD's format (date-time, int64), or null.</summary>
    public string? Format { get; internal set; }

    /// <summary>The field of that name, or null.</summary>
    public SchemaNode? Field(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Key == name) return field.Value;
        }

        return null;
    }
}
