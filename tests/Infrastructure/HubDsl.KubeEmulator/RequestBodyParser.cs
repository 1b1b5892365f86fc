using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HubDsl.KubeEmulator;

/// <summary>Turns request bodies (JSON, or YAML as apply patches and kubectl send) into JSON nodes.</summary>
public static class RequestBodyParser
{
    // A real API server reads JSON nested up to 10000 levels (Go's encoding/json); the emulator reads as deep as it
    // writes (System.Text.Json's writer default, 1000), far past System.Text.Json's reading default of 64.
    private static readonly JsonDocumentOptions JsonBodyOptions = new() { MaxDepth = 1000 };

    public static JsonNode Parse(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.Length == 0)
        {
            throw ApiStatus.BadRequest("the request body is empty");
        }

        try
        {
            if (trimmed[0] is '{' or '[')
            {
                return JsonNode.Parse(text, documentOptions: JsonBodyOptions) ?? throw ApiStatus.BadRequest("the request body is null");
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1)
            {
                throw ApiStatus.BadRequest("expected exactly one YAML document in the request body");
            }

            return ToJson(stream.Documents[0].RootNode) ?? throw ApiStatus.BadRequest("the request body is null");
        }
        catch (Exception e) when (e is JsonException or YamlException)
        {
            throw ApiStatus.BadRequest($"couldn't parse the request body: {e.Message}");
        }
    }

    public static JsonObject ParseObject(string text) =>
        Parse(text) as JsonObject ?? throw ApiStatus.BadRequest("the request body must be an object");

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p =>
            new System.Collections.Generic.KeyValuePair<string, JsonNode?>(((YamlScalarNode)p.Key).Value ?? "", ToJson(p.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    // YAML 1.2 core schema: only plain (unquoted) scalars are typed.
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (System.Text.RegularExpressions.Regex.IsMatch(value, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(value);
    }
}
