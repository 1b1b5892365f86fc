using System.Text;
using HubDsl.Core.Model;

namespace HubDsl.Core.Charts.Schema;

/// <summary>
/// One reason Helm rejects the values: where (the key path; Helm prints it as a JSON pointer) and the message of the
/// JSON-schema library Helm uses. allOf/anyOf/oneOf failures carry their subschemas' violations as <see cref="Causes"/>.
/// </summary>
public sealed record SchemaViolation(ValuesPath Path, string Message)
{
    /// <summary>Violations of the subschemas of a failed allOf/anyOf/oneOf.</summary>
    public EquatableArray<SchemaViolation> Causes { get; init; } = EquatableArray<SchemaViolation>.Empty;

    /// <summary>As Helm v4 prints it: <c>at '/a/b': message</c>, causes indented below.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        Append(sb, 0);
        return sb.ToString();
    }

    internal void Append(StringBuilder sb, int indent)
    {
        sb.Append("at '").Append(Path.ToJsonPointer()).Append("': ").Append(Message);
        foreach (var cause in Causes)
        {
            sb.Append('\n').Append(' ', indent * 2 + 2).Append("- ");
            cause.Append(sb, indent + 1);
        }
    }
}
