using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HubDsl.Cli.Output;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Runtime;

/// <summary>Conversions between API JSON and HubDsl's YAML trees.</summary>
public static class JsonYaml
{
    /// <summary>A JSON value as a YAML node (object key order kept).</summary>
    public static YamlNode ToYaml(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Aggregate(new YamlMapping(), (m, p) => m.Set(p.Key, ToYaml(p.Value))),
        JsonArray array => new YamlSequence(array.Select(ToYaml)),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => YamlScalar.String(value.GetValue<string>()),
            JsonValueKind.True => YamlScalar.Bool(true),
            JsonValueKind.False => YamlScalar.Bool(false),
            JsonValueKind.Number when value.TryGetValue<long>(out var l) => YamlScalar.Int(l),
            JsonValueKind.Number => YamlScalar.Float(double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture)),
            _ => YamlScalar.Null,
        },
        _ => YamlScalar.Null,
    };

    /// <summary>A YAML mapping as a JSON object.</summary>
    public static JsonObject ToJson(YamlMapping mapping) => JsonConvert.From(mapping) as JsonObject ?? new JsonObject();

    /// <summary>The text value at a dotted path of plain keys, e.g. ("metadata", "name").</summary>
    public static string? Text(JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = (node as JsonObject)?[key];
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    /// <summary>A string map (labels, annotations, data) at a path; empty when absent.</summary>
    public static Dictionary<string, string> Map(JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = (node as JsonObject)?[key];
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject obj)
        {
            foreach (var pair in obj)
            {
                if (pair.Value is JsonValue v && v.TryGetValue<string>(out var s)) map[pair.Key] = s;
            }
        }

        return map;
    }
}
