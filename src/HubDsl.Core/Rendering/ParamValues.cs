using System;
using System.Collections.Generic;
using System.Globalization;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>Conversions between YAML nodes and the parameter data model (string, bool, double, null, maps, lists).</summary>
internal static class ParamValues
{
    /// <summary>
    /// A YAML node as Go's <c>json.Unmarshal</c> into <c>any</c> sees it (list elements are JSON): every number
    /// becomes a float64, mappings become string→any maps.
    /// </summary>
    public static object? FromJsonLike(YamlNode node)
    {
        switch (node)
        {
            case YamlMapping mapping:
            {
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var entry in mapping) map[entry.Key] = FromJsonLike(entry.Value);
                return map;
            }

            case YamlSequence sequence:
            {
                var list = new List<object?>(sequence.Count);
                foreach (var item in sequence) list.Add(FromJsonLike(item));
                return list;
            }

            case YamlScalar { Kind: ScalarKind.String } s: return s.Value;
            case YamlScalar { Kind: ScalarKind.Bool } b: return b.Value == "true";
            case YamlScalar { Kind: ScalarKind.Null }: return null;
            case YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } n:
                return ParseNumber(n.Value);
            default:
                return null;
        }
    }

    private static double ParseNumber(string text)
    {
        switch (text)
        {
            case ".nan": return double.NaN;
            case ".inf": return double.PositiveInfinity;
            case "-.inf": return double.NegativeInfinity;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0;
    }

    /// <summary>A deep, independent copy of a param value (maps copied so merges never alias).</summary>
    public static object? DeepCopy(object? value)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, string> sm:
                return new Dictionary<string, string>(Copy(sm), StringComparer.Ordinal);
            case IReadOnlyDictionary<string, object?> m:
            {
                var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var entry in m) copy[entry.Key] = DeepCopy(entry.Value);
                return copy;
            }

            case IReadOnlyList<object?> list:
            {
                var copy = new List<object?>(list.Count);
                foreach (var item in list) copy.Add(DeepCopy(item));
                return copy;
            }

            default:
                return value;
        }
    }

    public static Dictionary<string, object?> CopySet(IReadOnlyDictionary<string, object?> set)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in set) copy[entry.Key] = DeepCopy(entry.Value);
        return copy;
    }

    private static Dictionary<string, string> Copy(IReadOnlyDictionary<string, string> map)
    {
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in map) copy[entry.Key] = entry.Value;
        return copy;
    }

    /// <summary>
    /// Go's zero-value test as mergo uses it: nil, "", false, 0, and empty maps/lists are "empty" and never
    /// override a value (mergo.WithOverride).
    /// </summary>
    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        long l => l == 0,
        double d => d == 0,
        IReadOnlyDictionary<string, string> sm => sm.Count == 0,
        IReadOnlyDictionary<string, object?> m => m.Count == 0,
        IReadOnlyList<object?> list => list.Count == 0,
        _ => false,
    };

    /// <summary>
    /// mergo.Merge(dst, src, WithOverride) on string→any maps: non-empty source values win, nested maps merge.
    /// Used by the goTemplate matrix and merge generators.
    /// </summary>
    public static void MergeOverride(Dictionary<string, object?> destination, IReadOnlyDictionary<string, object?> source)
    {
        foreach (var entry in source)
        {
            destination.TryGetValue(entry.Key, out var existing);
            if (existing is Dictionary<string, object?> dstMap && entry.Value is IReadOnlyDictionary<string, object?> srcMap)
            {
                MergeOverride(dstMap, srcMap);
            }
            else if (existing is IReadOnlyDictionary<string, string> dstStrings && entry.Value is IReadOnlyDictionary<string, string> srcStrings)
            {
                var merged = new Dictionary<string, string>(Copy(dstStrings), StringComparer.Ordinal);
                foreach (var kv in srcStrings)
                {
                    if (kv.Value.Length > 0 || !merged.ContainsKey(kv.Key)) merged[kv.Key] = kv.Value;
                }

                destination[entry.Key] = merged;
            }
            else if (!destination.ContainsKey(entry.Key) || !IsEmpty(entry.Value))
            {
                destination[entry.Key] = DeepCopy(entry.Value);
            }
        }
    }

    /// <summary>
    /// The flat string view of a param set the post selector matches against (generator_spec_processor.go
    /// flattenParameters: nested keys joined with '.', list items by index, values as Go %v).
    /// </summary>
    public static Dictionary<string, string> Flatten(IReadOnlyDictionary<string, object?> set)
    {
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in set) FlattenInto(flat, entry.Key, entry.Value);
        return flat;
    }

    private static void FlattenInto(Dictionary<string, string> flat, string key, object? value)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, string> sm:
                foreach (var entry in sm) flat[key + "." + entry.Key] = entry.Value;
                break;
            case IReadOnlyDictionary<string, object?> m:
                foreach (var entry in m) FlattenInto(flat, key + "." + entry.Key, entry.Value);
                break;
            case IReadOnlyList<object?> list:
                for (var i = 0; i < list.Count; i++) FlattenInto(flat, key + "." + i.ToString(CultureInfo.InvariantCulture), list[i]);
                break;
            default:
                flat[key] = GoValueFormat.Format(value);
                break;
        }
    }
}
