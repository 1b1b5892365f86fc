using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Watch;

/// <summary>Helm values as dotted keys (<c>resources.limits.memory</c>) and one-line values, for the change report.</summary>
internal static class FlatValues
{
    /// <summary>Every leaf: a scalar, a list (whole), or an empty map; null for an explicit null (Helm deletes the key).</summary>
    public static IEnumerable<(string Key, string? Value)> Of(YamlMapping values, string prefix = "")
    {
        foreach (var (name, node) in values)
        {
            var key = prefix.Length == 0 ? name : prefix + "." + name;
            if (node is YamlMapping { Count: > 0 } inner)
            {
                foreach (var leaf in Of(inner, key)) yield return leaf;
            }
            else
            {
                yield return (key, node is YamlScalar { Kind: ScalarKind.Null } ? null : Compact(node));
            }
        }
    }

    /// <summary>A node as one line of YAML flow text (null for none).</summary>
    public static string? Compact(YamlNode? node) => node switch
    {
        null => null,
        YamlScalar scalar => scalar.Kind == ScalarKind.String && NeedsQuotes(scalar.Value) ? "\"" + scalar.Value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"" : scalar.Value,
        YamlSequence sequence => "[" + string.Join(", ", sequence.Select(Compact)) + "]",
        YamlMapping mapping => "{" + string.Join(", ", mapping.Select(p => p.Key + ": " + Compact(p.Value))) + "}",
        _ => node.ToString(),
    };

    private static bool NeedsQuotes(string value) =>
        value.Length == 0 || value.Any(c => c is ',' or ':' or '{' or '}' or '[' or ']' or '"' or '#' || char.IsControl(c)) || value != value.Trim();
}
