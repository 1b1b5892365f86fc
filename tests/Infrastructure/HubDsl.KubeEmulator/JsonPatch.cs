using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace HubDsl.KubeEmulator;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test) with RFC 6901 pointers.</summary>
public static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonArray operations)
    {
        var root = new JsonObject { ["doc"] = document.DeepClone() };
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op)
            {
                throw ApiStatus.BadRequest("json patch operations must be objects");
            }

            var kind = op["op"]?.GetValue<string>() ?? throw ApiStatus.BadRequest("json patch operation is missing \"op\"");
            var path = op["path"]?.GetValue<string>() ?? throw ApiStatus.BadRequest("json patch operation is missing \"path\"");
            switch (kind)
            {
                case "add":
                    Add(root, path, op["value"]);
                    break;
                case "remove":
                    Remove(root, path);
                    break;
                case "replace":
                    Remove(root, path);
                    Add(root, path, op["value"]);
                    break;
                case "move":
                    {
                        var from = op["from"]?.GetValue<string>() ?? throw ApiStatus.BadRequest("move requires \"from\"");
                        var value = Get(root, from);
                        Remove(root, from);
                        Add(root, path, value);
                        break;
                    }

                case "copy":
                    {
                        var from = op["from"]?.GetValue<string>() ?? throw ApiStatus.BadRequest("copy requires \"from\"");
                        Add(root, path, Get(root, from));
                        break;
                    }

                case "test":
                    if (!JsonNode.DeepEquals(Get(root, path), op["value"]))
                    {
                        throw new KubeApiException(ApiStatus.Failure(422, "Invalid", $"the server rejected our request due to an error in our request: testing value {path} failed"));
                    }

                    break;
                default:
                    throw ApiStatus.BadRequest($"unknown json patch operation \"{kind}\"");
            }
        }

        return root["doc"]!;
    }

    private static List<string> Tokens(string pointer)
    {
        if (pointer.Length == 0)
        {
            return ["doc"];
        }

        if (pointer[0] != '/')
        {
            throw ApiStatus.BadRequest($"invalid json pointer \"{pointer}\"");
        }

        return ["doc", .. pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    private static JsonNode? Parent(JsonObject root, List<string> tokens, string pointer)
    {
        JsonNode? node = root;
        foreach (var token in tokens.Take(tokens.Count - 1))
        {
            node = node switch
            {
                JsonObject map when map.TryGetPropertyValue(token, out var child) => child,
                JsonArray list when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Count => list[i],
                _ => throw MissingPath(pointer),
            };
        }

        return node;
    }

    private static JsonNode? Get(JsonObject root, string pointer)
    {
        var tokens = Tokens(pointer);
        var parent = Parent(root, tokens, pointer);
        var last = tokens[^1];
        return parent switch
        {
            JsonObject map when map.TryGetPropertyValue(last, out var value) => value?.DeepClone(),
            JsonArray list when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Count => list[i]?.DeepClone(),
            _ => throw MissingPath(pointer),
        };
    }

    private static void Add(JsonObject root, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer);
        var parent = Parent(root, tokens, pointer);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject map:
                map[last] = value?.DeepClone();
                break;
            case JsonArray list when last == "-":
                list.Add(value?.DeepClone());
                break;
            case JsonArray list when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= list.Count:
                list.Insert(i, value?.DeepClone());
                break;
            default:
                throw MissingPath(pointer);
        }
    }

    private static void Remove(JsonObject root, string pointer)
    {
        var tokens = Tokens(pointer);
        var parent = Parent(root, tokens, pointer);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject map when map.ContainsKey(last):
                map.Remove(last);
                break;
            case JsonArray list when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Count:
                list.RemoveAt(i);
                break;
            default:
                throw MissingPath(pointer);
        }
    }

    private static KubeApiException MissingPath(string pointer) =>
        new(ApiStatus.Failure(422, "Invalid", $"the server rejected our request due to an error in our request: jsonpatch: path {pointer} does not exist"));
}
