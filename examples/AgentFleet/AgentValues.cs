using HubDsl;

namespace AgentFleet;

/// <summary>
/// The agent chart's values, typed from the chart itself (helm/values.yaml and helm/values.schema.json): the generator
/// writes a property per key, with the chart's defaults and docs. The fleet declares only what needs a richer type
/// than the chart's.
/// </summary>
[ChartValues("helm")]
public sealed partial record AgentValues : HelmValues
{
    /// <summary>Database credentials: only the Secret's name reaches the values; the operator reads Vault on the spoke.</summary>
    [ValuesKey("database")]
    public ExternalSecretRef Database { get; init; } = new("agent-db", Store: "vault", RemoteKey: "secret/data/agent/staging/db");
}
