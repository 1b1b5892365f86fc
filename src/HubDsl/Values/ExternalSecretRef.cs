namespace HubDsl;

/// <summary>
/// A secret that lives in an external store (Vault, AWS Secrets Manager ...), never in Git. In Helm values it is
/// written as just <see cref="SecretName"/>, the Kubernetes Secret the chart mounts; for each environment the build
/// writes an External Secrets Operator <c>ExternalSecret</c> (<c>externalsecrets/&lt;env&gt;/&lt;name&gt;.yaml</c>) that
/// makes that Secret from <see cref="RemoteKey"/>. Deploy that folder to the environment's clusters next to the chart.
/// </summary>
/// <param name="SecretName">The Kubernetes Secret the operator creates, and the value the chart sees.</param>
/// <param name="Store">The SecretStore or ClusterSecretStore to read from.</param>
/// <param name="RemoteKey">The path in the store, e.g. <c>secret/data/agent/prod/db</c>; usually differs per environment.</param>
public sealed record ExternalSecretRef(string SecretName, string Store, string RemoteKey)
{
    /// <summary><c>ClusterSecretStore</c> (default) or <c>SecretStore</c>.</summary>
    public string StoreKind { get; init; } = "ClusterSecretStore";

    /// <summary>How often the operator re-reads the store.</summary>
    public string RefreshInterval { get; init; } = "1h";
}
