using System.Globalization;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HubDsl.Tests.Shared;

/// <summary>
/// A CRD's OpenAPI v3 schema (spec.versions[].schema.openAPIV3Schema) as a JSON schema, validated with NJsonSchema.
/// The API server rejects unknown fields (strict field validation) where the schema does not preserve them, but
/// a JSON schema allows them unless it says otherwise; so every object schema with properties and without
/// x-kubernetes-preserve-unknown-fields is given additionalProperties: false before NJsonSchema reads it.
/// ObjectMeta (the root's metadata) is left to the API server, as in a CRD.
/// </summary>
internal sealed class CrdSchema
{
    private readonly JsonSchema _schema;

    private CrdSchema(JsonSchema schema) => _schema = schema;

    public static CrdSchema Load(string crdFile, string version = "v1alpha1")
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(crdFile)));
        var crd = (JObject)ToJson(stream.Documents[0].RootNode);
        var entry = crd["spec"]!["versions"]!.Children<JObject>().Single(v => (string?)v["name"] == version);
        var schema = (JObject)entry["schema"]!["openAPIV3Schema"]!;
        CloseObjects(schema);
        return new CrdSchema(JsonSchema.FromJsonAsync(schema.ToString()).GetAwaiter().GetResult());
    }

    /// <summary>Every violation NJsonSchema finds, as "path: kind".</summary>
    public List<string> Validate(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Validate(ToJson(stream.Documents[0].RootNode));
    }

    public List<string> Validate(JToken document) =>
        _schema.Validate(document).SelectMany(Flatten).Select(e => (e.Path ?? "#") + ": " + e.Kind).ToList();

    private static IEnumerable<ValidationError> Flatten(ValidationError error) =>
        error is ChildSchemaValidationError child ? new[] { error }.Concat(child.Errors.SelectMany(e => e.Value).SelectMany(Flatten)) : new[] { error };

    private static void CloseObjects(JObject schema, bool isRoot = true)
    {
        if (schema["properties"] is JObject properties)
        {
            foreach (var property in properties.Properties())
            {
                if (isRoot && property.Name == "metadata") continue;
                if (property.Value is JObject inner) CloseObjects(inner, isRoot: false);
            }

            if (schema["x-kubernetes-preserve-unknown-fields"]?.Value<bool>() != true && schema["additionalProperties"] is null)
            {
                schema["additionalProperties"] = false;
            }
        }

        if (schema["items"] is JObject items) CloseObjects(items, isRoot: false);
        if (schema["additionalProperties"] is JObject additional) CloseObjects(additional, isRoot: false);
    }

    /// <summary>YAML to JSON with YAML 1.2 core-schema scalars: plain true/false/null/numbers keep their types, quoted scalars are strings.</summary>
    public static JToken ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JObject(map.Children.Select(c => new JProperty(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode seq => new JArray(seq.Children.Select(ToJson)),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException("unsupported YAML node " + node.NodeType),
    };

    private static JToken Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain) return new JValue(value);
        if (value is "" or "~" or "null") return JValue.CreateNull();
        if (value is "true" or "false") return new JValue(value == "true");
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return new JValue(integer);
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && value.Any(char.IsDigit)) return new JValue(real);
        return new JValue(value);
    }
}
