using System;
using System.Collections.Generic;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>
/// The Matrix generator (applicationset/generators/matrix.go): exactly two children; for each param set of
/// the first, the second is interpolated with it and generated; the pairs are combined. goTemplate: deep
/// merge, first child wins. fasttemplate: everything as strings, a key in both with different values is an
/// error. Child templates are ignored.
/// </summary>
internal static class MatrixGenerator
{
    private static readonly YamlMapping EmptyTemplate = new();

    public static List<Dictionary<string, object?>> Generate(RenderContext context, YamlMapping spec, int depth, string path)
    {
        var children = spec["generators"] as YamlSequence;
        var count = children?.Count ?? 0;
        if (count < 2) throw new GeneratorFailure("found less than two generators, Matrix support only two");
        if (count > 2) throw new GeneratorFailure("found more than two generators, Matrix support only two");

        List<Dictionary<string, object?>> first;
        try
        {
            first = ChildParams(context, children![0], null, depth, FieldPath.Index(FieldPath.Child(path, "generators"), 0));
        }
        catch (GeneratorFailure e)
        {
            throw e.Wrap("error failed to get params for first generator in matrix generator: ");
        }

        var result = new List<Dictionary<string, object?>>();
        foreach (var a in first)
        {
            List<Dictionary<string, object?>> second;
            try
            {
                second = ChildParams(context, children![1], a, depth, FieldPath.Index(FieldPath.Child(path, "generators"), 1));
            }
            catch (GeneratorFailure e)
            {
                throw e.Wrap("failed to get params for second generator in the matrix generator: ");
            }

            RenderLimitFailure.CheckParameterSets(context, result.Count + second.Count, path);
            foreach (var b in second)
            {
                if (context.GoTemplate)
                {
                    var combined = new Dictionary<string, object?>(StringComparer.Ordinal);
                    ParamValues.MergeOverride(combined, b);
                    ParamValues.MergeOverride(combined, a);
                    result.Add(combined);
                }
                else
                {
                    result.Add(CombineStringMaps(a, b));
                }
            }
        }

        return result;
    }

    /// <summary>The params of one child (matrix.go getParams); shared with the Merge generator.</summary>
    public static List<Dictionary<string, object?>> ChildParams(RenderContext context, YamlNode child, IReadOnlyDictionary<string, object?>? parameters, int depth, string path)
    {
        if (child is not YamlMapping childMap) throw new GeneratorFailure("child generator generated no parameters");
        List<TransformResult> results;
        try
        {
            results = GeneratorTransform.Transform(context, childMap, EmptyTemplate, parameters, depth + 1, path);
        }
        catch (GeneratorFailure e)
        {
            throw e.Wrap("child generator returned an error on parameter generation: ");
        }

        if (results.Count == 0) throw new GeneratorFailure("child generator generated no parameters");
        if (results.Count > 1) throw new GeneratorFailure("found more than one generator in matrix.Generators");
        return results[0].Params;
    }

    // utils/map.go CombineStringMaps: both sides as %v strings; equal values may repeat, different ones fail.
    private static Dictionary<string, object?> CombineStringMaps(IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in a) result[entry.Key] = GoValueFormat.Format(entry.Value);
        foreach (var entry in b)
        {
            var value = GoValueFormat.Format(entry.Value);
            if (result.TryGetValue(entry.Key, out var current) && !string.Equals((string?)current, value, StringComparison.Ordinal))
            {
                throw new GeneratorFailure("failed to combine string maps with merging params for the matrix generator: found duplicate key " + entry.Key + " with different value, a: " + current + " ,b: " + value);
            }

            result[entry.Key] = value;
        }

        return result;
    }
}
