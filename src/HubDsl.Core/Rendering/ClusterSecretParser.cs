using System;
using System.Collections.Generic;
using System.Text;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>Parses a cluster Secret manifest (<c>data</c> base64 and/or <c>stringData</c>) into a <see cref="ClusterInfo"/>.</summary>
public static class ClusterSecretParser
{
    /// <summary>
    /// Parses a Secret. Missing keys are not errors (Argo CD reads them as empty); a manifest that is not a
    /// Secret, bad base64 or non-scalar values are. Never throws.
    /// </summary>
    public static bool TryParse(YamlMapping secret, out ClusterInfo info, out string? error)
    {
        info = null!;
        error = null;
        if (secret is null)
        {
            error = "the cluster Secret is null";
            return false;
        }

        if (secret["kind"] is { } kind && kind.AsString() != "Secret")
        {
            error = "not a Secret (kind " + Describe(kind) + ")";
            return false;
        }

        var metadata = secret["metadata"] as YamlMapping;
        var secretName = metadata?["name"]?.AsString() ?? string.Empty;
        var secretNamespace = metadata?["namespace"]?.AsString();
        var where = secretName.Length == 0 ? "cluster Secret" : "cluster Secret " + secretName;

        if (!TryReadStringMap(metadata?["labels"], where + " metadata.labels", out var labels, out error)
            || !TryReadStringMap(metadata?["annotations"], where + " metadata.annotations", out var annotations, out error))
        {
            return false;
        }

        // Kubernetes merges stringData into data on write, stringData winning.
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (secret["data"] is YamlMapping encoded)
        {
            foreach (var entry in encoded)
            {
                if (entry.Value is YamlScalar { Kind: ScalarKind.Null }) continue;
                if (entry.Value is not YamlScalar scalar)
                {
                    error = where + " data." + entry.Key + " is not a string";
                    return false;
                }

                if (!TryDecodeBase64(scalar.Value, out var decoded))
                {
                    error = where + " data." + entry.Key + " is not valid base64";
                    return false;
                }

                data[entry.Key] = decoded;
            }
        }
        else if (secret["data"] is { } badData && badData is not YamlScalar { Kind: ScalarKind.Null })
        {
            error = where + " data is not a mapping";
            return false;
        }

        if (!TryReadStringMap(secret["stringData"], where + " stringData", out var stringData, out error)) return false;
        foreach (var entry in stringData) data[entry.Key] = entry.Value;

        data.TryGetValue("name", out var name);
        data.TryGetValue("server", out var server);
        var project = data.TryGetValue("project", out var p) ? p : null;
        var namespaces = new List<string>();
        if (data.TryGetValue("namespaces", out var nsList))
        {
            foreach (var ns in nsList.Split(','))
            {
                var trimmed = ns.Trim();
                if (trimmed.Length > 0) namespaces.Add(trimmed);
            }
        }

        var clusterResources = data.TryGetValue("clusterResources", out var cr) && cr == "true";
        info = new ClusterInfo(name ?? string.Empty, server ?? string.Empty, labels, annotations, project, namespaces, clusterResources, secretName, secretNamespace)
        {
            Shard = data.TryGetValue("shard", out var shard) ? shard : null,
        };
        return true;
    }

    private static bool TryReadStringMap(YamlNode? node, string where, out Dictionary<string, string> map, out string? error)
    {
        map = new Dictionary<string, string>(StringComparer.Ordinal);
        error = null;
        if (node is null || node is YamlScalar { Kind: ScalarKind.Null }) return true;
        if (node is not YamlMapping mapping)
        {
            error = where + " is not a mapping";
            return false;
        }

        foreach (var entry in mapping)
        {
            // Kubernetes would reject a non-string value; reading its text keeps a sloppy manifest usable.
            switch (entry.Value)
            {
                case YamlScalar { Kind: ScalarKind.Null }:
                    map[entry.Key] = string.Empty;
                    break;
                case YamlScalar scalar:
                    map[entry.Key] = scalar.Value;
                    break;
                default:
                    error = where + "." + entry.Key + " is not a string";
                    return false;
            }
        }

        return true;
    }

    private static bool TryDecodeBase64(string text, out string decoded)
    {
        decoded = string.Empty;
        var compact = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c)) compact.Append(c);
        }

        try
        {
            decoded = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(compact.ToString()));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Describe(YamlNode node) => node is YamlScalar s ? "'" + s.Value + "'" : node.GetType().Name;
}
