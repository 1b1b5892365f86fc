using HubDsl;

namespace AgentFleet;

/// <summary>The agent chart's values (helm/values.yaml and its per-environment overrides).</summary>
public sealed record AgentValues : HelmValues
{
    public int Replicas { get; init; } = 1;

    public Resources Resources { get; init; } = new(
        Requests: new(Memory: "64Mi", Cpu: "100m"),
        Limits: new(Memory: "128Mi", Cpu: "500m"));

    public SecurityContext SecurityContext { get; init; } = new(RunAsNonRoot: false);

    /// <summary>Database credentials: only the Secret's name reaches the values; the operator reads Vault on the spoke.</summary>
    public ExternalSecretRef Database { get; init; } = new("agent-db", Store: "vault", RemoteKey: "secret/data/agent/staging/db");
}
