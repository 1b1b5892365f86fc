using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HubDsl.Core.Charts.Schema;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Charts.Records;

/// <summary>
/// The record to generate for a chart's values: one property per key of the chart's defaults (subcharts' under their
/// keys) and of its schema's <c>properties</c>; types from the schema where it says, else inferred from the default
/// (a map whose keys are settings becomes a nested record, a map of free-form keys such as annotations or an empty
/// <c>{}</c> a dictionary, a list a read-only list of its items' type); docs from the values.yaml comments.
/// </summary>
public static class ValuesRecordBuilder
{
    private const int MaxDepth = 32;

    /// <summary>Builds the model of the record <paramref name="typeName"/> for the chart.</summary>
    public static ValuesRecordModel Build(HelmChart chart, string typeName) => Build(chart, typeName, null, null);

    /// <summary>
    /// Builds the model of the record <paramref name="typeName"/> for the chart, leaving out the top-level keys in
    /// <paramref name="declaredKeys"/> (the user's part declares them) and naming no member like <paramref name="declaredNames"/>.
    /// </summary>
    public static ValuesRecordModel Build(HelmChart chart, string typeName, IEnumerable<string>? declaredKeys, IEnumerable<string>? declaredNames)
    {
        if (chart is null) throw new ArgumentNullException(nameof(chart));
        var defaults = ChartDefaults.Merge(chart);
        var context = new Context();
        if (declaredKeys != null) context.Declared.UnionWith(declaredKeys);
        AddChart(context, chart, Array.Empty<string>());
        var reserved = new HashSet<string>(StringComparer.Ordinal) { typeName };
        if (declaredNames != null) reserved.UnionWith(declaredNames);
        return Record(context, typeName, defaults, SchemaAt(context, Array.Empty<string>()), new List<string>(), reserved, 0,
            context.Docs.TryGetValue(ValuesPath.Root, out var rootDoc) ? rootDoc.Description : null);
    }

    private sealed class Context
    {
        public Dictionary<ValuesPath, ValueDoc> Docs { get; } = new();
        public List<(string[] Prefix, YamlNode Schema, Func<string, YamlNode?> Resolve)> Schemas { get; } = new();
        public HashSet<ValuesPath> SubchartGlobals { get; } = new();

        public HashSet<string> Declared { get; } = new(StringComparer.Ordinal);
    }

    private static void AddChart(Context context, HelmChart chart, string[] prefix)
    {
        foreach (var doc in ValuesDocs.Read(chart.ValuesText, chart.Values))
        {
            var path = new ValuesPath(prefix.Concat(doc.Key.Segments));
            if (!context.Docs.ContainsKey(path)) context.Docs[path] = doc.Value;
        }

        if (chart.SchemaText != null && ChartSchemaValidator.SchemaProblem(chart) == null)
        {
            var root = JsonText.Parse(chart.SchemaText, "values.schema.json");
            context.Schemas.Add((prefix, root, reference => Resolve(root, reference)));
        }

        if (prefix.Length > 0) context.SubchartGlobals.Add(new ValuesPath(prefix.Concat(new[] { "global" })));
        foreach (var dependency in chart.Dependencies)
        {
            var sub = chart.Subcharts.FirstOrDefault(s => s.Name == dependency.Name);
            if (sub != null) AddChart(context, sub, prefix.Concat(new[] { dependency.ValuesKey }).ToArray());
        }

        foreach (var sub in chart.Subcharts.Where(s => chart.Dependencies.All(d => d.Name != s.Name)))
        {
            AddChart(context, sub, prefix.Concat(new[] { sub.Name }).ToArray());
        }
    }

    private static YamlNode? Resolve(YamlNode root, string reference)
    {
        if (reference == "#") return root;
        if (!reference.StartsWith("#/", StringComparison.Ordinal)) return null;
        YamlNode? node = root;
        foreach (var raw in reference.Substring(2).Split('/'))
        {
            node = (node as YamlMapping)?[Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~")];
        }

        return node;
    }

    // The schema for a path: the deepest chart schema whose prefix holds it, followed through properties and local $refs.
    private static YamlMapping? SchemaAt(Context context, IReadOnlyList<string> path)
    {
        foreach (var (prefix, root, resolve) in context.Schemas.OrderByDescending(s => s.Prefix.Length))
        {
            if (prefix.Length > path.Count || prefix.Where((p, i) => p != path[i]).Any()) continue;
            YamlNode? node = root;
            for (var i = prefix.Length; i < path.Count && node != null; i++)
            {
                node = Follow(node, resolve);
                node = (node as YamlMapping)?["properties"] is YamlMapping properties ? properties[path[i]] : null;
            }

            return Follow(node, resolve) as YamlMapping;
        }

        return null;
    }

    private static YamlNode? Follow(YamlNode? node, Func<string, YamlNode?> resolve)
    {
        for (var i = 0; i < 16 && node is YamlMapping m && m["$ref"]?.AsString() is { } reference; i++) node = resolve(reference);
        return node;
    }

    private static ValuesRecordModel Record(Context context, string typeName, YamlMapping? defaults, YamlMapping? schema, List<string> path, HashSet<string> reserved, int depth, string? doc)
    {
        var keys = new List<string>();
        if (defaults != null) keys.AddRange(defaults.Keys);
        if (schema?["properties"] is YamlMapping properties) keys.AddRange(properties.Keys.Where(k => !keys.Contains(k)));
        keys.RemoveAll(k => context.SubchartGlobals.Contains(new ValuesPath(path.Concat(new[] { k }))));
        if (path.Count == 0) keys.RemoveAll(context.Declared.Contains);
        var names = CSharpNames.UniqueIdentifiers(keys, reserved);
        var taken = new HashSet<string>(names.Concat(reserved), StringComparer.Ordinal);
        var result = new List<ValuesPropertyModel>();
        for (var i = 0; i < keys.Count; i++)
        {
            path.Add(keys[i]);
            var value = defaults?[keys[i]];
            var type = TypeOf(context, value, SchemaAt(context, path), path, taken, names[i], depth);
            context.Docs.TryGetValue(new ValuesPath(path), out var valueDoc);
            result.Add(new ValuesPropertyModel(names[i], keys[i], type, value is YamlScalar { Kind: ScalarKind.Null } ? null : value, Describe(valueDoc, SchemaAt(context, path))));
            path.RemoveAt(path.Count - 1);
        }

        return new ValuesRecordModel(typeName, result.ToEquatableArray(), doc);
    }

    private static string? Describe(ValueDoc? doc, YamlMapping? schema)
    {
        var text = doc?.Description;
        if (string.IsNullOrEmpty(text)) text = schema?["description"]?.AsString();
        if (string.IsNullOrEmpty(text)) return null;
        return doc?.DefaultText is { Length: > 0 } d ? text + "\nDefault: " + d : text;
    }

    private static ValuesTypeModel TypeOf(Context context, YamlNode? value, YamlMapping? schema, List<string> path, HashSet<string> taken, string propertyName, int depth)
    {
        var nullable = value is null or YamlScalar { Kind: ScalarKind.Null };
        if (schema?["type"] is { } declared)
        {
            var types = (declared is YamlSequence s ? s.Select(t => t.AsString()) : new[] { declared.AsString() }).Where(t => t != null).Select(t => t!).ToList();
            if (types.Contains("null")) nullable = true;
            types.Remove("null");
            if (types.Count == 1) return FromSchemaType(context, types[0], value, schema, path, taken, propertyName, depth, nullable);
            if (types.Count > 1) return new ValuesTypeModel(ValuesTypeKind.Any, true);
        }

        if (schema?["properties"] is YamlMapping { Count: > 0 } && value is not (YamlSequence or YamlScalar { Kind: not ScalarKind.Null }))
        {
            return FromSchemaType(context, "object", value, schema, path, taken, propertyName, depth, nullable);
        }

        switch (value)
        {
            case YamlMapping m when m.Count > 0 && depth < MaxDepth && m.Keys.All(IsSettingName):
                return new ValuesTypeModel(ValuesTypeKind.Record, false) { Record = Nested(context, m, schema, path, taken, propertyName, depth) };
            case YamlMapping m:
                return new ValuesTypeModel(ValuesTypeKind.Map, false) { Element = Common(m.Select(e => e.Value)) };
            case YamlSequence list:
                return new ValuesTypeModel(ValuesTypeKind.List, false) { Element = Common(list) };
            case YamlScalar scalar when scalar.Kind != ScalarKind.Null:
                return Scalar(scalar, false);
            default:
                context.Docs.TryGetValue(new ValuesPath(path), out var doc);
                return FromHint(doc?.TypeHint);
        }
    }

    private static ValuesTypeModel FromSchemaType(Context context, string type, YamlNode? value, YamlMapping schema, List<string> path, HashSet<string> taken, string propertyName, int depth, bool nullable)
    {
        switch (type)
        {
            case "string": return new ValuesTypeModel(ValuesTypeKind.String, nullable);
            case "integer": return new ValuesTypeModel(value is YamlScalar { Kind: ScalarKind.Int } i && !int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? ValuesTypeKind.Long : ValuesTypeKind.Int, nullable);
            case "number": return new ValuesTypeModel(ValuesTypeKind.Double, nullable);
            case "boolean": return new ValuesTypeModel(ValuesTypeKind.Bool, nullable);
            case "array":
                var items = schema["items"] as YamlMapping;
                var element = items?["type"] is YamlScalar { Kind: ScalarKind.String } t && t.Value is "string" or "integer" or "number" or "boolean"
                    ? FromSchemaType(context, t.Value, null, items, path, taken, propertyName, depth, false)
                    : value is YamlSequence seq ? Common(seq) : new ValuesTypeModel(ValuesTypeKind.Any, true);
                return new ValuesTypeModel(ValuesTypeKind.List, nullable) { Element = element };
            case "object":
                if (schema["properties"] is YamlMapping { Count: > 0 } && depth < MaxDepth)
                {
                    return new ValuesTypeModel(ValuesTypeKind.Record, nullable && value is null) { Record = Nested(context, value as YamlMapping, schema, path, taken, propertyName, depth) };
                }

                if (value is YamlMapping m && m.Count > 0 && m.Keys.All(IsSettingName) && depth < MaxDepth && schema["additionalProperties"] is null)
                {
                    return new ValuesTypeModel(ValuesTypeKind.Record, false) { Record = Nested(context, m, schema, path, taken, propertyName, depth) };
                }

                var additional = schema["additionalProperties"] as YamlMapping
                    ?? (schema["patternProperties"] is YamlMapping { Count: 1 } patterns ? patterns.First().Value as YamlMapping : null);
                var valueType = additional?["type"] is YamlScalar { Kind: ScalarKind.String } at && at.Value is "string" or "integer" or "number" or "boolean"
                    ? FromSchemaType(context, at.Value, null, additional, path, taken, propertyName, depth, false)
                    : value is YamlMapping mv ? Common(mv.Select(e => e.Value)) : new ValuesTypeModel(ValuesTypeKind.Any, true);
                return new ValuesTypeModel(ValuesTypeKind.Map, nullable) { Element = valueType };
            default:
                return new ValuesTypeModel(ValuesTypeKind.Any, true);
        }
    }

    private static ValuesRecordModel Nested(Context context, YamlMapping? defaults, YamlMapping? schema, List<string> path, HashSet<string> taken, string propertyName, int depth)
    {
        var name = propertyName.TrimStart('@') + "Values";
        for (var i = 2; taken.Contains(name); i++) name = propertyName.TrimStart('@') + "Values" + i.ToString(CultureInfo.InvariantCulture);
        taken.Add(name);
        return Record(context, name, defaults, schema, path, new HashSet<string>(StringComparer.Ordinal) { name }, depth + 1, null);
    }

    // Keys that name settings (replicaCount, redis-ha, tls) rather than data (prometheus.io/scrape, 8080, "Content-Type: x").
    private static bool IsSettingName(string key) =>
        key.Length > 0 && (char.IsLetter(key[0]) || key[0] == '_') && key.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '-') && key.Length <= 64;

    private static ValuesTypeModel Common(IEnumerable<YamlNode> values)
    {
        var kinds = values.Select(v => v switch
        {
            YamlScalar { Kind: ScalarKind.String } => ValuesTypeKind.String,
            YamlScalar { Kind: ScalarKind.Bool } => ValuesTypeKind.Bool,
            YamlScalar { Kind: ScalarKind.Int } => ValuesTypeKind.Long,
            YamlScalar { Kind: ScalarKind.Float } => ValuesTypeKind.Double,
            _ => ValuesTypeKind.Any,
        }).Distinct().ToList();
        if (kinds.Count == 2 && kinds.Contains(ValuesTypeKind.Long) && kinds.Contains(ValuesTypeKind.Double)) return new ValuesTypeModel(ValuesTypeKind.Double, false);
        if (kinds.Count != 1 || kinds[0] == ValuesTypeKind.Any) return new ValuesTypeModel(ValuesTypeKind.Any, true);
        if (kinds[0] == ValuesTypeKind.Long)
        {
            var fitsInt = values.All(v => int.TryParse(((YamlScalar)v).Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));
            return new ValuesTypeModel(fitsInt ? ValuesTypeKind.Int : ValuesTypeKind.Long, false);
        }

        return new ValuesTypeModel(kinds[0], false);
    }

    private static ValuesTypeModel Scalar(YamlScalar scalar, bool nullable) => scalar.Kind switch
    {
        ScalarKind.String => new ValuesTypeModel(ValuesTypeKind.String, nullable),
        ScalarKind.Bool => new ValuesTypeModel(ValuesTypeKind.Bool, nullable),
        ScalarKind.Int => new ValuesTypeModel(int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? ValuesTypeKind.Int : ValuesTypeKind.Long, nullable),
        ScalarKind.Float => new ValuesTypeModel(ValuesTypeKind.Double, nullable),
        _ => new ValuesTypeModel(ValuesTypeKind.Any, true),
    };

    // helm-docs "(int)" / bitnami "[array]" on a null default.
    private static ValuesTypeModel FromHint(string? hint) => hint?.ToLowerInvariant() switch
    {
        "int" or "integer" => new ValuesTypeModel(ValuesTypeKind.Int, true),
        "string" or "tpl/string" => new ValuesTypeModel(ValuesTypeKind.String, true),
        "bool" or "boolean" => new ValuesTypeModel(ValuesTypeKind.Bool, true),
        "float" or "number" => new ValuesTypeModel(ValuesTypeKind.Double, true),
        "list" or "array" or "tpl/array" => new ValuesTypeModel(ValuesTypeKind.List, true) { Element = new ValuesTypeModel(ValuesTypeKind.Any, true) },
        "object" or "dict" or "map" or "tpl/object" => new ValuesTypeModel(ValuesTypeKind.Map, true) { Element = new ValuesTypeModel(ValuesTypeKind.Any, true) },
        _ => new ValuesTypeModel(ValuesTypeKind.Any, true),
    };
}
