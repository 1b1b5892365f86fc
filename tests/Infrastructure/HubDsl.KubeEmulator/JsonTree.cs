using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace HubDsl.KubeEmulator;

/// <summary>Path-based reads and writes on JSON objects; the shared vocabulary of patching and field ownership.</summary>
public static class JsonTree
{
    public static bool TryGet(JsonObject root, FieldPath path, out JsonNode? value)
    {
        JsonNode? current = root;
        foreach (var segment in path.Segments)
        {
            if (current is not JsonObject map || !map.TryGetPropertyValue(segment, out current))
            {
                value = null;
                return false;
            }
        }

        value = current;
        return true;
    }

    public static void Remove(JsonObject root, FieldPath path)
    {
        var map = root;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (map[path.Segments[i]] is not JsonObject child)
            {
                return;
            }

            map = child;
        }

        map.Remove(path.Segments[^1]);
    }

    /// <summary>
    /// Every leaf below <paramref name="root"/>: scalars, lists (atomic, like lists without merge keys) and empty maps.
    /// Null values are skipped because apply treats them as "not specified".
    /// </summary>
    public static IEnumerable<FieldPath> Leaves(JsonObject root)
    {
        var results = new List<FieldPath>();
        Collect(root, new FieldPath([]), results);
        return results;
    }

    /// <summary>Deep merge for apply: maps merge key by key; everything else replaces.</summary>
    public static void Overlay(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            if (value is null)
            {
                continue;
            }

            // An empty map in a configuration declares the map, not its absence: existing keys stay.
            if (value is JsonObject sourceMap && target[key] is JsonObject targetMap)
            {
                Overlay(targetMap, sourceMap);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }

    public static bool ValueEquals(JsonNode? left, JsonNode? right) => JsonNode.DeepEquals(left, right);

    private static void Collect(JsonObject map, FieldPath prefix, List<FieldPath> results)
    {
        foreach (var (key, value) in map)
        {
            var path = prefix.Append(key);
            switch (value)
            {
                case null:
                    break;
                case JsonObject child when child.Count > 0:
                    Collect(child, path, results);
                    break;
                default:
                    results.Add(path);
                    break;
            }
        }
    }
}
