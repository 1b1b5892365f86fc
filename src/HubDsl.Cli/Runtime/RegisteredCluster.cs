using System.Text;
using System.Text.Json.Nodes;
using HubDsl.Core.Manifests;
using HubDsl.Core.Rendering;

namespace HubDsl.Cli.Runtime;

/// <summary>A cluster Secret of the hub as Argo CD reads it (argo-cd util/db/cluster.go SecretToCluster).</summary>
public sealed class RegisteredCluster
{
    private RegisteredCluster(JsonObject withoutCredentials, ClusterInfo info, ClusterCredentials? credentials, string? configError)
    {
        WithoutCredentials = withoutCredentials;
        Info = info;
        Credentials = credentials;
        ConfigError = configError;
    }

    /// <summary>The Secret as the API returned it, without its config (the credentials) and managed fields: safe to write out.</summary>
    public JsonObject WithoutCredentials { get; }

    /// <summary>Name, server, labels, annotations, namespaces, project, as Core reads them.</summary>
    public ClusterInfo Info { get; }

    /// <summary>data.name.</summary>
    public string Name => Info.Name;

    /// <summary>data.server as stored (trailing '/' kept; Argo CD's DB layer strips it).</summary>
    public string Server => Info.Server;

    /// <summary>metadata.name.</summary>
    public string SecretName => Info.SecretName;

    /// <summary>The stored credentials; null when the Secret has no (usable) config.</summary>
    public ClusterCredentials? Credentials { get; }

    /// <summary>Why <see cref="Credentials"/> is null when a config exists but cannot be read.</summary>
    public string? ConfigError { get; }

    /// <summary>Labels Argo CD's API shows (without the secret-type label).</summary>
    public IReadOnlyDictionary<string, string> DisplayLabels =>
        Info.Labels.Where(l => l.Key != ManifestLabels.SecretTypeKey).OrderBy(l => l.Key, StringComparer.Ordinal).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);

    /// <summary>Annotations Argo CD's API shows (SecretToCluster drops managed-by and kubectl's last-applied-configuration, which can hold the whole Secret, credentials included).</summary>
    public IReadOnlyDictionary<string, string> DisplayAnnotations =>
        Info.Annotations.Where(a => a.Key is not ("kubectl.kubernetes.io/last-applied-configuration" or ClusterSecretManifest.ManagedByAnnotation))
            .OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);

    /// <summary>Reads a Secret from the API; null when it is not a readable cluster Secret.</summary>
    public static RegisteredCluster? FromSecret(JsonObject secret) => FromSecret(secret, out _);

    /// <summary>Reads a Secret from the API; null (and why, without credentials) when it is not a readable cluster Secret.</summary>
    public static RegisteredCluster? FromSecret(JsonObject secret, out string? problem)
    {
        Redactor.RememberSecret(secret);
        var withoutCredentials = Without(secret, "config");
        if (!ClusterSecretParser.TryParse((HubDsl.Core.Yaml.YamlMapping)JsonYaml.ToYaml(withoutCredentials), out var info, out problem)) return null;
        ClusterCredentials? credentials = null;
        string? error = null;
        if (JsonYaml.Text(secret, "data", "config") is { Length: > 0 } encoded)
        {
            try
            {
                credentials = ClusterCredentials.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)), out error);
            }
            catch (FormatException)
            {
                error = "config is not valid base64";
            }
        }

        return new RegisteredCluster(withoutCredentials, info, credentials, error);
    }

    // The config is read separately so Core's parser never sees (or could echo) credentials.
    private static JsonObject Without(JsonObject secret, string dataKey)
    {
        var copy = (JsonObject)secret.DeepClone();
        (copy["data"] as JsonObject)?.Remove(dataKey);
        (copy["stringData"] as JsonObject)?.Remove(dataKey);
        (copy["metadata"] as JsonObject)?.Remove("managedFields");
        return copy;
    }
}
