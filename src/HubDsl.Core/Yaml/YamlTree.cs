using System.Collections.Generic;

namespace HubDsl.Core.Yaml;

/// <summary>Reading YAML trees: the node at a path of mapping keys, and every string beneath a node.</summary>
internal static class YamlTree
{
    /// <summary>The node at <paramref name="keys"/> below <paramref name="root"/>, through mappings only; null when a step is missing.</summary>
    public static YamlNode? Find(YamlNode root, params string[] keys)
    {
        YamlNode? node = root;
        foreach (var key in keys) node = (node as YamlMapping)?[key];
        return node;
    }

    /// <summary>Every string scalar beneath <paramref name="node"/> (itself included), in document order.</summary>
    public static IEnumerable<YamlScalar> Strings(YamlNode node)
    {
        switch (node)
        {
            case YamlScalar { Kind: ScalarKind.String } scalar:
                yield return scalar;
                break;
            case YamlMapping mapping:
                foreach (var entry in mapping)
                {
                    foreach (var s in Strings(entry.Value)) yield return s;
                }

                break;
            case YamlSequence sequence:
                foreach (var item in sequence)
                {
                    foreach (var s in Strings(item)) yield return s;
                }

                break;
        }
    }
}
