using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Schema;

/// <summary>
/// Checks a YAML tree against a <see cref="SchemaNode"/> as the Kubernetes API server checks a custom resource
/// (apiextensions-apiserver with kube-openapi's validators): null values of fields are dropped first, fields the schema
/// does not know are pruned (reported, not errors), then types, required fields, enums, patterns and minimum lengths
/// are checked. Messages use the API server's field-error wording (<c>spec.goTemplate: Invalid value: "string":
/// spec.goTemplate in body must be of type boolean: "string"</c>).
/// </summary>
internal sealed class SchemaValidator
{
    private readonly List<string> _errors;
    private readonly List<string> _pruned;

    public SchemaValidator(List<string> errors, List<string> pruned)
    {
        _errors = errors;
        _pruned = pruned;
    }

    public void Validate(YamlNode? value, SchemaNode schema, string path)
    {
        if (value is null || value is YamlScalar { Kind: ScalarKind.Null }) return;
        switch (schema.Kind)
        {
            case SchemaKind.Any:
                return;
            case SchemaKind.String:
                if (!IsType(value, "string")) return;
                CheckString(((YamlScalar)value).Value, schema, path);
                return;
            case SchemaKind.Boolean:
                IsType(value, "boolean");
                return;
            case SchemaKind.Integer:
                IsType(value, "integer");
                return;
            case SchemaKind.IntOrString:
                if (JsonType(value) is not ("integer" or "string")) TypeError(path, "integer,string", JsonType(value));
                return;
            case SchemaKind.Array:
                if (!IsType(value, "array")) return;
                var items = (YamlSequence)value;
                for (var i = 0; i < items.Count; i++)
                {
                    // A null item is kept (and is not of the item's type).
                    if (items[i] is YamlScalar { Kind: ScalarKind.Null } && schema.Items!.Kind != SchemaKind.Any)
                    {
                        TypeError(Index(path, i), KubeType(schema.Items), "null");
                        continue;
                    }

                    Validate(items[i], schema.Items!, Index(path, i));
                }

                return;
            case SchemaKind.Object:
                if (!IsType(value, "object")) return;
                ValidateObject((YamlMapping)value, schema, path);
                return;
        }

        bool IsType(YamlNode node, string expected)
        {
            var actual = JsonType(node);
            if (actual == expected || (expected == "integer" && actual == "number" && IsWhole(node))) return true;
            TypeError(path, expected, actual);
            return false;
        }
    }

    private void ValidateObject(YamlMapping mapping, SchemaNode schema, string path)
    {
        if (schema.Values is { } values)
        {
            foreach (var entry in mapping)
            {
                if (entry.Value is YamlScalar { Kind: ScalarKind.Null } && values.Kind != SchemaKind.Any)
                {
                    TypeError(Key(path, entry.Key), KubeType(values), "null");
                    continue;
                }

                Validate(entry.Value, values, Key(path, entry.Key));
            }

            return;
        }

        foreach (var field in schema.Fields)
        {
            Validate(mapping[field.Key], field.Value, Child(path, field.Key));
        }

        foreach (var required in schema.Required)
        {
            if (mapping[required] is null or YamlScalar { Kind: ScalarKind.Null }) _errors.Add(Child(path, required) + ": Required value");
        }

        if (schema.PreserveUnknownFields || schema.Fields.Count == 0) return;
        foreach (var key in mapping.Keys)
        {
            if (schema.Field(key) is null) _pruned.Add(Child(path, key));
        }
    }

    private void CheckString(string text, SchemaNode schema, string path)
    {
        if (schema.Enum is { } allowed && !Contains(allowed, text))
        {
            var list = new List<string>();
            foreach (var a in allowed) list.Add(Quote(a));
            _errors.Add(path + ": Unsupported value: " + Quote(text) + ": supported values: " + string.Join(", ", list));
        }

        if (schema.MinLength is { } min && new System.Globalization.StringInfo(text).LengthInTextElements < min)
        {
            _errors.Add(path + ": Invalid value: " + Quote(text) + ": " + path + " in body should be at least " + min.ToString(CultureInfo.InvariantCulture) + " chars long");
        }

        if (schema.Pattern is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1)))
        {
            _errors.Add(path + ": Invalid value: " + Quote(text) + ": " + path + " in body should match '" + pattern + "'");
        }
    }

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (var item in list)
        {
            if (item == value) return true;
        }

        return false;
    }

    private void TypeError(string path, string expected, string actual) =>
        _errors.Add(path + ": Invalid value: " + Quote(actual) + ": " + path + " in body must be of type " + expected + ": " + Quote(actual));

    private static string KubeType(SchemaNode schema) => schema.Kind switch
    {
        SchemaKind.String => "string",
        SchemaKind.Boolean => "boolean",
        SchemaKind.Integer => "integer",
        SchemaKind.IntOrString => "integer,string",
        SchemaKind.Array => "array",
        _ => "object",
    };

    /// <summary>The JSON type a YAML node becomes when kubectl sends it.</summary>
    internal static string JsonType(YamlNode node) => node switch
    {
        YamlMapping => "object",
        YamlSequence => "array",
        YamlScalar { Kind: ScalarKind.String } => "string",
        YamlScalar { Kind: ScalarKind.Bool } => "boolean",
        YamlScalar { Kind: ScalarKind.Int } => "integer",
        YamlScalar { Kind: ScalarKind.Float } => "number",
        _ => "null",
    };

    private static bool IsWhole(YamlNode node) =>
        node is YamlScalar { Kind: ScalarKind.Float } f && double.TryParse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == System.Math.Floor(d) && !double.IsInfinity(d);

    private static string Quote(string s) => Templating.GoQuote.Quote(s);

    /// <summary>Kubernetes field path of a field: <c>spec.template</c>.</summary>
    internal static string Child(string path, string name) => path.Length == 0 ? name : path + "." + name;

    /// <summary>Kubernetes field path of a list item: <c>spec.generators[0]</c>.</summary>
    internal static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Kubernetes field path of a map entry: <c>metadata.labels[env]</c>.</summary>
    internal static string Key(string path, string key) => path + "[" + key + "]";
}
