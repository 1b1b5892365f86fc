using YamlDotNet.RepresentationModel;

namespace HubDsl.Generators.Tests;

/// <summary>
/// Validates objects against a CRD's structural OpenAPI v3 schema the way the API server prunes and validates
/// them: known fields only (unless x-kubernetes-preserve-unknown-fields), types, required fields, enums,
/// int-or-string. Enough to catch a misspelt or misplaced field in generated Argo CD objects.
/// </summary>
internal sealed class CrdSchemaValidator
{
    private readonly YamlMappingNode _schema;

    private CrdSchemaValidator(YamlMappingNode schema) => _schema = schema;

    public static CrdSchemaValidator Load(string crdFile, string version = "v1alpha1")
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(crdFile)));
        var crd = (YamlMappingNode)stream.Documents[0].RootNode;
        var versions = (YamlSequenceNode)((YamlMappingNode)crd["spec"])["versions"];
        var entry = versions.Children.Cast<YamlMappingNode>().Single(v => ((YamlScalarNode)v["name"]).Value == version);
        return new CrdSchemaValidator((YamlMappingNode)((YamlMappingNode)entry["schema"])["openAPIV3Schema"]);
    }

    /// <summary>Every violation, as "path: problem".</summary>
    public List<string> Validate(YamlNode document)
    {
        var errors = new List<string>();
        Check(document, _schema, "", errors);
        return errors;
    }

    private static void Check(YamlNode node, YamlMappingNode schema, string path, List<string> errors)
    {
        var type = Text(schema, "type");
        if (Flag(schema, "x-kubernetes-int-or-string"))
        {
            if (node is not YamlScalarNode) errors.Add(path + ": expected an integer or a string");
            return;
        }

        switch (type)
        {
            case "object" when path == ".metadata":
                // ObjectMeta is validated by the API server itself, not by the CRD schema.
                if (node is not YamlMappingNode) errors.Add(path + ": expected an object");
                break;
            case "object":
                if (node is not YamlMappingNode mapping)
                {
                    errors.Add(path + ": expected an object");
                    return;
                }

                var properties = schema.Children.TryGetValue(new YamlScalarNode("properties"), out var p) ? (YamlMappingNode)p : null;
                var additional = schema.Children.TryGetValue(new YamlScalarNode("additionalProperties"), out var a) ? a as YamlMappingNode : null;
                foreach (var entry in mapping.Children)
                {
                    var key = ((YamlScalarNode)entry.Key).Value!;
                    if (properties is not null && properties.Children.TryGetValue(new YamlScalarNode(key), out var child)) Check(entry.Value, (YamlMappingNode)child, path + "." + key, errors);
                    else if (additional is not null) Check(entry.Value, additional, path + "." + key, errors);
                    else if (!Flag(schema, "x-kubernetes-preserve-unknown-fields") && !(path.Length == 0 && key is "apiVersion" or "kind" or "metadata")) errors.Add(path + "." + key + ": unknown field");
                }

                if (schema.Children.TryGetValue(new YamlScalarNode("required"), out var required))
                {
                    foreach (var name in ((YamlSequenceNode)required).Children.Select(r => ((YamlScalarNode)r).Value!))
                    {
                        if (!mapping.Children.ContainsKey(new YamlScalarNode(name))) errors.Add(path + "." + name + ": required");
                    }
                }

                break;
            case "array":
                if (node is not YamlSequenceNode sequence)
                {
                    errors.Add(path + ": expected an array");
                    return;
                }

                var items = (YamlMappingNode)schema["items"];
                for (var i = 0; i < sequence.Children.Count; i++) Check(sequence.Children[i], items, path + "[" + i + "]", errors);
                break;
            case "string":
            case "integer":
            case "boolean":
            case "number":
                if (node is not YamlScalarNode scalar)
                {
                    errors.Add(path + ": expected a " + type);
                    return;
                }

                if (!ScalarMatches(scalar, type)) errors.Add(path + ": '" + scalar.Value + "' is not a " + type);
                if (schema.Children.TryGetValue(new YamlScalarNode("enum"), out var values) && !((YamlSequenceNode)values).Children.Any(v => ((YamlScalarNode)v).Value == scalar.Value))
                {
                    errors.Add(path + ": '" + scalar.Value + "' is not one of the allowed values");
                }

                break;
        }
    }

    // YAML 1.2 core-schema typing of a scalar, as the API server's YAML-to-JSON conversion reads it.
    private static bool ScalarMatches(YamlScalarNode scalar, string type)
    {
        var plain = scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any;
        var text = scalar.Value ?? string.Empty;
        return type switch
        {
            "string" => !plain || !(text is "true" or "false" or "null" or "~" || double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)),
            "boolean" => plain && text is "true" or "false",
            "integer" => plain && long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _),
            _ => plain && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _),
        };
    }

    private static string? Text(YamlMappingNode node, string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;

    private static bool Flag(YamlMappingNode node, string key) => Text(node, key) == "true";
}
