using System;
using System.Collections.Generic;
using HubDsl.Core.Templating;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>
/// Renders every string of a tree, map keys included, into a new tree (utils.go deeplyReplace). Inside
/// <c>helm.valuesObject</c> (a raw JSON field in Argo CD) map entries whose value is null are dropped, as
/// the reflection walk skips nil map values. Every node and string it produces is counted against the render's
/// <see cref="WorkBudget"/>: a step per node, and each string's length plus one as output.
/// </summary>
internal static class TemplateWalker
{
    /// <summary>Renders one string; <c>node</c> is the template node (a key gets a synthetic node with the key's origin).</summary>
    public delegate string StringRenderer(string text, string fieldPath, YamlNode node);

    public static YamlNode Render(YamlNode node, string path, StringRenderer render, WorkBudget budget) => Walk(node, path, render, inRawJson: false, budget);

    private static YamlNode Walk(YamlNode node, string path, StringRenderer render, bool inRawJson, WorkBudget budget)
    {
        budget.Spend(1);
        switch (node)
        {
            case YamlMapping mapping:
            {
                var result = new YamlMapping { Origin = mapping.Origin };
                var keyOrigins = mapping.KeyOrigins is null ? null : new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
                var parentIsHelm = path.EndsWith("helm", StringComparison.Ordinal);
                foreach (var entry in mapping)
                {
                    if (inRawJson && entry.Value is YamlScalar { Kind: ScalarKind.Null }) continue;
                    var childPath = FieldPath.Child(path, entry.Key);
                    var childRaw = inRawJson || (parentIsHelm && entry.Key == "valuesObject");
                    var value = Walk(entry.Value, childPath, render, childRaw, budget);
                    SourceSpan? keyOrigin = null;
                    mapping.KeyOrigins?.TryGetValue(entry.Key, out keyOrigin);
                    var keyNode = YamlScalar.String(entry.Key);
                    keyNode.Origin = keyOrigin;
                    var key = render(entry.Key, childPath, keyNode);
                    budget.Produce(key.Length + 1);
                    result.Set(key, value);
                    if (keyOrigins is not null && keyOrigin is not null) keyOrigins[key] = keyOrigin;
                }

                result.KeyOrigins = keyOrigins;
                budget.Produce(1);
                return result;
            }

            case YamlSequence sequence:
            {
                var result = new YamlSequence { Origin = sequence.Origin };
                for (var i = 0; i < sequence.Count; i++) result.Add(Walk(sequence[i], FieldPath.Index(path, i), render, inRawJson, budget));
                budget.Produce(1);
                return result;
            }

            case YamlScalar { Kind: ScalarKind.String } scalar:
            {
                var rendered = render(scalar.Value, path, scalar);
                budget.Produce(rendered.Length + 1);
                var result = YamlScalar.String(rendered);
                result.Origin = scalar.Origin;
                return result;
            }

            default:
                budget.Produce(1);
                return node;
        }
    }

    /// <summary>A deep copy (so rendered Applications never share mutable nodes with the input).</summary>
    public static YamlNode Clone(YamlNode node)
    {
        switch (node)
        {
            case YamlMapping mapping:
            {
                var result = new YamlMapping { Origin = mapping.Origin };
                foreach (var entry in mapping) result.Set(entry.Key, Clone(entry.Value));
                if (mapping.KeyOrigins is not null) result.KeyOrigins = new Dictionary<string, SourceSpan>(mapping.KeyOrigins, StringComparer.Ordinal);
                return result;
            }

            case YamlSequence sequence:
            {
                var result = new YamlSequence { Origin = sequence.Origin };
                foreach (var item in sequence) result.Add(Clone(item));
                return result;
            }

            case YamlScalar { Kind: ScalarKind.String } s:
            {
                var copy = YamlScalar.String(s.Value);
                copy.Origin = s.Origin;
                return copy;
            }

            default:
                return node;
        }
    }
}
