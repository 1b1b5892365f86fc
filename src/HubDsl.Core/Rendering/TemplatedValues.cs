using System;
using System.Collections.Generic;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>
/// A generator's <c>values</c> map (applicationset/generators/value_interpolation.go appendTemplatedValues):
/// each value is rendered once against the generator's own params, and only then added (goTemplate:
/// <c>values</c> as a map[string]string replacing any <c>values</c> key; fasttemplate: <c>values.&lt;key&gt;</c>),
/// so a value never sees another value.
/// </summary>
internal static class TemplatedValues
{
    /// <summary>The values as strings (values is map[string]string: a non-string scalar is read as its text, null as "").</summary>
    public static List<KeyValuePair<string, YamlScalar>> Read(YamlMapping? values)
    {
        var list = new List<KeyValuePair<string, YamlScalar>>();
        if (values is null) return list;
        foreach (var entry in values)
        {
            if (entry.Value is YamlScalar scalar)
            {
                var text = scalar.Kind == ScalarKind.Null ? YamlScalar.String(string.Empty) : scalar.Kind == ScalarKind.String ? scalar : YamlScalar.String(scalar.Value);
                if (!ReferenceEquals(text, scalar)) text.Origin = scalar.Origin;
                list.Add(new KeyValuePair<string, YamlScalar>(entry.Key, text));
            }
        }

        return list;
    }

    /// <summary>Renders the values against <paramref name="parameters"/> and adds them; a failure is a generator error with <paramref name="errorPrefix"/>.</summary>
    public static void Append(RenderContext context, List<KeyValuePair<string, YamlScalar>> values, Dictionary<string, object?> parameters, string paramSet, string path, string errorPrefix)
    {
        if (values.Count == 0) return;
        var rendered = new List<KeyValuePair<string, string>>();
        foreach (var value in values)
        {
            try
            {
                var fieldPath = FieldPath.Child(FieldPath.Child(path, "values"), value.Key);
                rendered.Add(new KeyValuePair<string, string>(value.Key, context.RenderString(value.Value.Value, parameters, paramSet, string.Empty, fieldPath, value.Value)));
            }
            catch (TemplateRenderFailure e)
            {
                throw new GeneratorFailure(errorPrefix + "failed to replace templated string: failed to replace templated string with rendered values: " + e.Message);
            }
        }

        if (context.GoTemplate)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in rendered) map[entry.Key] = entry.Value;
            parameters[ClusterParameter.Value.Key] = map;
        }
        else
        {
            foreach (var entry in rendered) parameters[ClusterParameter.Value.FlatKey(entry.Key)] = entry.Value;
        }
    }
}
