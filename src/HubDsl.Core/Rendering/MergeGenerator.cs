using System;
using System.Collections.Generic;
using System.Globalization;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>
/// The Merge generator (applicationset/generators/merge.go): the first child is the base; each later child
/// overrides the base sets whose merge-key values are equal (top-level keys only; flat keys such as
/// <c>values.x</c> in fasttemplate mode). Sets of later children without a base match are dropped; a
/// merge-key value repeated within one child is an error.
/// </summary>
internal static class MergeGenerator
{
    public static List<Dictionary<string, object?>> Generate(RenderContext context, YamlMapping spec, int depth, string path)
    {
        var children = spec["generators"] as YamlSequence;
        if (children is null || children.Count < 2) throw new GeneratorFailure("found less than two generators, Merge requires two or more");

        var mergeKeys = new List<string>();
        if (spec["mergeKeys"] is YamlSequence keys)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                if (key is YamlScalar s && seen.Add(s.Value)) mergeKeys.Add(s.Value);
            }
        }

        var allSets = new List<List<Dictionary<string, object?>>>();
        for (var i = 0; i < children.Count; i++)
        {
            try
            {
                allSets.Add(MatrixGenerator.ChildParams(context, children[i], null, depth, FieldPath.Index(FieldPath.Child(path, "generators"), i)));
            }
            catch (GeneratorFailure e)
            {
                throw e.Wrap("error getting param sets from generators: error getting params from generator "
                    + (i + 1).ToString(CultureInfo.InvariantCulture) + " of " + children.Count.ToString(CultureInfo.InvariantCulture) + ": ");
            }
        }

        var baseByKey = ByMergeKey(mergeKeys, allSets[0]);
        for (var i = 1; i < allSets.Count; i++)
        {
            var overrides = ByMergeKey(mergeKeys, allSets[i]);
            foreach (var key in baseByKey.Order)
            {
                if (!overrides.Sets.TryGetValue(key, out var overrideSet)) continue;
                var baseSet = baseByKey.Sets[key];
                if (context.GoTemplate)
                {
                    ParamValues.MergeOverride(baseSet, overrideSet);
                }
                else
                {
                    foreach (var entry in overrideSet) baseSet[entry.Key] = entry.Value;
                }
            }
        }

        var result = new List<Dictionary<string, object?>>();
        foreach (var key in baseByKey.Order) result.Add(baseByKey.Sets[key]);
        return result;
    }

    private static Keyed ByMergeKey(List<string> mergeKeys, List<Dictionary<string, object?>> sets)
    {
        if (mergeKeys.Count == 0) throw new GeneratorFailure("error getting param sets by merge key: no merge keys were specified, Merge requires at least one");
        var keyed = new Keyed();
        foreach (var set in sets)
        {
            // The key is the JSON of {mergeKey: value}; a missing key is null.
            var keyValues = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var mergeKey in mergeKeys)
            {
                set.TryGetValue(mergeKey, out var v);
                keyValues[mergeKey] = v;
            }

            var json = GoValueFormat.Json(keyValues);
            if (keyed.Sets.ContainsKey(json))
            {
                throw new GeneratorFailure("error getting param sets by merge key: the parameters from a generator were not unique by the given mergeKeys, Merge requires all param sets to be unique. Duplicate key was " + json);
            }

            keyed.Sets[json] = ParamValues.CopySet(set);
            keyed.Order.Add(json);
        }

        return keyed;
    }

    private sealed class Keyed
    {
        public Dictionary<string, Dictionary<string, object?>> Sets { get; } = new(StringComparer.Ordinal);

        public List<string> Order { get; } = new();
    }
}
