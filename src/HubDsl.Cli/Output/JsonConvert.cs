using System.Text.Json;
using System.Text.Json.Nodes;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Output;

/// <summary>YAML trees and parameter sets as JSON, for <c>-o json</c>.</summary>
internal static class JsonConvert
{
    /// <summary>Indented output, as deep as <see cref="JsonLimits.MaxDepth"/>.</summary>
    public static JsonSerializerOptions Indented => JsonLimits.Indented;

    public static JsonNode? From(YamlNode node) => node switch
    {
        YamlMapping mapping => new JsonObject(mapping.Select(e => KeyValuePair.Create(e.Key, From(e.Value)))),
        YamlSequence sequence => new JsonArray(sequence.Select(From).ToArray()),
        YamlScalar { Kind: ScalarKind.Null } => null,
        YamlScalar { Kind: ScalarKind.Bool } s => JsonValue.Create(s.Value == "true"),
        YamlScalar { Kind: ScalarKind.Int } s when long.TryParse(s.Value, out var l) => JsonValue.Create(l),
        YamlScalar { Kind: ScalarKind.Float or ScalarKind.Int } s when double.TryParse(s.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YamlScalar s => JsonValue.Create(s.Value),
        _ => null,
    };

    /// <summary>A parameter value as the renderer produced it (strings, numbers, bools, maps, lists).</summary>
    public static JsonNode? FromParam(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create(i),
        double d => JsonValue.Create(d),
        IReadOnlyDictionary<string, string> strings => new JsonObject(strings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
        IReadOnlyDictionary<string, object?> map => new JsonObject(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, FromParam(p.Value)))),
        IEnumerable<object?> list => new JsonArray(list.Select(FromParam).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };
}
