using System.Collections.Generic;
using System.Text;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Binding;

/// <summary>
/// Turns typed Helm values (records, lists, dictionaries, enums, scalars) into a YAML tree. Null
/// properties stay as explicit nulls here; the values-file writer decides whether to omit them.
/// </summary>
internal static class HelmValuesBinder
{
    public static YamlNode? Bind(BindingContext context, DslValue value, string path, List<SecretReferenceModel>? secrets = null)
    {
        YamlNode? node;
        switch (value)
        {
            case DslObject { TypeName: DslNames.ExternalSecretRef } reference:
                var secret = SecretReference(context, reference, path);
                if (secret is null) return null;
                secrets?.Add(secret);
                // The chart sees only the name of the Secret the operator creates: no secret material in Git.
                node = YamlScalar.String(secret.SecretName);
                break;
            case DslScalar scalar:
                node = Scalar(scalar);
                break;
            case DslEnum e:
                node = YamlScalar.String(e.YamlName);
                break;
            case DslObject obj:
                var mapping = new YamlMapping();
                foreach (var property in obj.Properties)
                {
                    var key = property.Key ?? CamelCase(property.Name);
                    var child = Bind(context, property.Value, path + "." + key, secrets);
                    if (child is not null) mapping.Set(key, child);
                }

                node = mapping;
                break;
            case DslList list:
                var sequence = new YamlSequence();
                for (var i = 0; i < list.Items.Count; i++)
                {
                    var child = Bind(context, list.Items[i], path + "[" + i + "]", secrets);
                    if (child is not null) sequence.Add(child);
                }

                node = sequence;
                break;
            case DslMap map:
                var dictionary = new YamlMapping();
                foreach (var entry in map.Entries)
                {
                    var key = entry.Key switch
                    {
                        DslScalar { Kind: ScalarKind.String } s => s.Text,
                        DslEnum e => e.YamlName,
                        DslScalar s when s.Kind != ScalarKind.Null => s.Text,
                        _ => null,
                    };
                    if (key is null)
                    {
                        context.Error(entry.Key.Origin, "a values dictionary key must be a string, number or enum constant (at " + path + ").");
                        continue;
                    }

                    var child = Bind(context, entry.Value, path + "." + key, secrets);
                    if (child is not null) dictionary.Set(key, child);
                }

                node = dictionary;
                break;
            default:
                context.Error(value.Origin, "this cannot be a Helm value (at " + path + "); use literals, records, lists, dictionaries or enums. Template parameters belong in the ApplicationSet's inline values.");
                return null;
        }

        node.Origin = value.Origin;
        return node;
    }

    private static SecretReferenceModel? SecretReference(BindingContext context, DslObject reference, string path)
    {
        var name = DslReader.String(context, reference.Find("SecretName")?.Value, "ExternalSecretRef.SecretName");
        var store = DslReader.String(context, reference.Find("Store")?.Value, "ExternalSecretRef.Store");
        var key = DslReader.String(context, reference.Find("RemoteKey")?.Value, "ExternalSecretRef.RemoteKey");
        if (name is null || store is null || key is null) return null;
        if (!Validation.KubernetesNames.IsDnsSubdomain(name))
        {
            context.Error(reference.Find("SecretName")?.Value.Origin, "the secret name '" + name + "' at " + path + " is not a valid Kubernetes name.");
            return null;
        }

        var kind = DslReader.String(context, reference.Find("StoreKind")?.Value, "StoreKind") ?? "ClusterSecretStore";
        var refresh = DslReader.String(context, reference.Find("RefreshInterval")?.Value, "RefreshInterval") ?? "1h";
        return new SecretReferenceModel(name, store, kind, key, refresh);
    }

    private static YamlScalar Scalar(DslScalar scalar) => scalar.Kind switch
    {
        ScalarKind.String => YamlScalar.String(scalar.Text),
        ScalarKind.Null => YamlScalar.Null,
        ScalarKind.Bool => YamlScalar.Bool(scalar.Text == "true"),
        ScalarKind.Int => YamlScalar.Int(long.Parse(scalar.Text, System.Globalization.CultureInfo.InvariantCulture)),
        _ => YamlScalar.Float(double.Parse(scalar.Text, System.Globalization.CultureInfo.InvariantCulture)),
    };

    /// <summary>camelCase as System.Text.Json does it: <c>RunAsNonRoot</c> → <c>runAsNonRoot</c>, <c>URLPath</c> → <c>urlPath</c>.</summary>
    public static string CamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0])) return name;
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i])) break;
            var hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                // The last capital of a run starts the next word ("URLPath" → "urlPath").
                if (char.IsSeparator(chars[i + 1])) chars[i] = char.ToLowerInvariant(chars[i]);
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new StringBuilder().Append(chars).ToString();
    }
}
