using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace HubDsl.KubeEmulator;

/// <summary>
/// Strategic merge patch for the built-in types served here: merge-patch semantics for maps (labels,
/// annotations, data), the <c>$patch: replace|delete</c> directives, and merge-by-key for the few lists
/// that declare a merge key (ServiceAccount secrets and imagePullSecrets merge by name).
/// </summary>
public static class StrategicMergePatch
{
    private static readonly Dictionary<string, string> MergeKeysByField = new(StringComparer.Ordinal)
    {
        ["secrets"] = "name",
        ["imagePullSecrets"] = "name",
    };

    public static JsonObject Apply(JsonObject target, JsonObject patch) => MergeMap(target, patch);

    private static JsonObject MergeMap(JsonObject target, JsonObject patch)
    {
        var directive = patch["$patch"]?.GetValue<string>();
        if (directive == "replace")
        {
            var replacement = (JsonObject)patch.DeepClone();
            replacement.Remove("$patch");
            return replacement;
        }

        var result = (JsonObject)target.DeepClone();
        foreach (var (key, value) in patch.ToList())
        {
            if (key.StartsWith('$'))
            {
                continue;
            }

            if (value is null)
            {
                result.Remove(key);
            }
            else if (value is JsonObject childPatch)
            {
                if (childPatch["$patch"]?.GetValue<string>() == "delete")
                {
                    result.Remove(key);
                }
                else
                {
                    result[key] = MergeMap(result[key] as JsonObject ?? new JsonObject(), childPatch);
                }
            }
            else if (value is JsonArray listPatch && MergeKeysByField.TryGetValue(key, out var mergeKey) && result[key] is JsonArray existing)
            {
                result[key] = MergeList(existing, listPatch, mergeKey);
            }
            else
            {
                result[key] = value.DeepClone();
            }
        }

        return result;
    }

    private static JsonArray MergeList(JsonArray existing, JsonArray patch, string mergeKey)
    {
        var merged = existing.Select(n => n?.DeepClone()).ToList();
        foreach (var item in patch.OfType<JsonObject>())
        {
            var keyValue = item[mergeKey];
            var index = merged.FindIndex(n => n is JsonObject o && JsonNode.DeepEquals(o[mergeKey], keyValue));
            var delete = item["$patch"]?.GetValue<string>() == "delete";
            if (index < 0)
            {
                if (!delete)
                {
                    merged.Add(item.DeepClone());
                }
            }
            else if (delete)
            {
                merged.RemoveAt(index);
            }
            else
            {
                merged[index] = MergeMap((JsonObject)merged[index]!, item);
            }
        }

        return new JsonArray(merged.ToArray());
    }
}
