using HubDsl;

namespace AgentFleet;

/// <summary>The spoke clusters the hub deploys to.</summary>
[Fleet]
public static partial class Clusters
{
    public static readonly Cluster Staging = new("staging", "https://staging-api.example.com")
    {
        Labels = { ["env"] = "staging", ["deploy"] = "true" },
    };

    /// <summary>Production: the hub may write only what the agent deploys (see Agent.Deploys).</summary>
    public static readonly Cluster Prod = new("prod", "https://prod-api.example.com")
    {
        Labels = { ["env"] = "prod", ["deploy"] = "true" },
        Access = SpokeAccess.LeastPrivilege,
    };

    public static readonly Cluster Dr = new("dr", "https://dr-api.example.com")
    {
        Labels = { ["env"] = "dr", ["deploy"] = "true" },
        Access = SpokeAccess.LeastPrivilege,
    };
}
