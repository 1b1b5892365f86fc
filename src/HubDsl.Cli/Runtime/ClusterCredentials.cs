using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HubDsl.Cli.Runtime;

/// <summary>
/// Argo CD's ClusterConfig (the <c>config</c> key of a cluster Secret): bearer token or client certificate,
/// TLS settings with PEM data. <see cref="ToConfigJson"/> writes it as Argo CD's Go code marshals it: compact,
/// Go field order, byte fields as base64 of the PEM text, <c>insecure</c> always present.
/// </summary>
public sealed class ClusterCredentials
{
    /// <summary>Basic-auth user name.</summary>
    public string? Username { get; init; }

    /// <summary>Basic-auth password.</summary>
    public RedactedCredential Password { get; init; }

    /// <summary>Bearer token.</summary>
    public RedactedCredential BearerToken { get; init; }

    /// <summary>tlsClientConfig.insecure.</summary>
    public bool Insecure { get; init; }

    /// <summary>tlsClientConfig.serverName.</summary>
    public string? ServerName { get; init; }

    /// <summary>tlsClientConfig.caData, as PEM text.</summary>
    public string? CaPem { get; init; }

    /// <summary>tlsClientConfig.certData, as PEM text.</summary>
    public string? CertPem { get; init; }

    /// <summary>tlsClientConfig.keyData, as PEM text.</summary>
    public RedactedCredential KeyPem { get; init; }

    /// <summary>Other authentication (awsAuthConfig, execProviderConfig) that this tool cannot use to probe.</summary>
    public string? ExternalAuth { get; init; }

    /// <summary>
    /// The credentials <c>argocd cluster add</c> stores for a kubeconfig context (argo-cd cmd/util/cluster.go
    /// NewCluster): its CA and TLS server name, and its client certificate and key when it has both, else the
    /// ServiceAccount's <paramref name="token"/>.
    /// </summary>
    public static ClusterCredentials ForContext(KubeContext context, RedactedCredential token, bool insecure)
    {
        var useCertificate = context.HasClientCertificate;
        return new ClusterCredentials
        {
            BearerToken = useCertificate ? default : token,
            CertPem = useCertificate ? context.ClientCertificatePem : null,
            KeyPem = useCertificate ? context.ClientKeyPem : default,
            CaPem = context.CertificateAuthorityPem,
            ServerName = context.TlsServerName,
            Insecure = insecure,
        };
    }

    /// <summary>The compact JSON Argo CD stores.</summary>
    public string ToConfigJson()
    {
        var config = new JsonObject();
        if (!string.IsNullOrEmpty(Username)) config["username"] = Username;
        if (Password.HasValue) config["password"] = Password.Reveal();
        if (BearerToken.HasValue) config["bearerToken"] = BearerToken.Reveal();
        var tls = new JsonObject { ["insecure"] = Insecure };
        if (!string.IsNullOrEmpty(ServerName)) tls["serverName"] = ServerName;
        if (!string.IsNullOrEmpty(CertPem)) tls["certData"] = Base64(CertPem);
        if (KeyPem.HasValue) tls["keyData"] = Base64(KeyPem.Reveal()!);
        if (!string.IsNullOrEmpty(CaPem)) tls["caData"] = Base64(CaPem);
        config["tlsClientConfig"] = tls;
        var json = config.ToJsonString();

        // The whole config is a credential when it carries one: an echo of it (raw or base64) is scrubbed whole.
        if (Password.HasValue || BearerToken.HasValue || KeyPem.HasValue) Redactor.Remember(json);
        return json;
    }

    /// <summary>Reads a stored config; null with an error for JSON that is not a ClusterConfig.</summary>
    public static ClusterCredentials? Parse(string json, out string? error)
    {
        error = null;
        JsonObject? config;
        try
        {
            config = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            config = null;
        }

        if (config is null)
        {
            error = "config is not a JSON object";
            return null;
        }

        var tls = config["tlsClientConfig"] as JsonObject;
        var external = config["execProviderConfig"] is JsonObject ? "exec provider" : config["awsAuthConfig"] is JsonObject ? "AWS IAM" : null;
        try
        {
            return new ClusterCredentials
            {
                Username = JsonYaml.Text(config, "username"),
                Password = new RedactedCredential(JsonYaml.Text(config, "password")),
                BearerToken = new RedactedCredential(JsonYaml.Text(config, "bearerToken")),
                Insecure = tls?["insecure"] is JsonValue v && v.TryGetValue<bool>(out var insecure) && insecure,
                ServerName = JsonYaml.Text(tls, "serverName"),
                CaPem = Decode(JsonYaml.Text(tls, "caData")),
                CertPem = Decode(JsonYaml.Text(tls, "certData")),
                KeyPem = new RedactedCredential(Decode(JsonYaml.Text(tls, "keyData"))),
                ExternalAuth = external,
            };
        }
        catch (FormatException)
        {
            error = "config tlsClientConfig holds data that is not base64";
            return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => "ClusterCredentials(" + (BearerToken.HasValue ? "bearer token" : KeyPem.HasValue ? "client certificate" : Password.HasValue ? "basic auth" : ExternalAuth ?? "none") + ")";

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string? Decode(string? base64) => string.IsNullOrEmpty(base64) ? null : Encoding.UTF8.GetString(Convert.FromBase64String(base64));
}
