using HubDsl;

namespace AgentFleet;

/// <summary>The hub's own Argo CD install: highly available, so losing a node does not stop deployments.</summary>
[Hub]
public static partial class Hub
{
    public static readonly HubInstall Install = new("argocd")
    {
        HighAvailability = true,
        ServerAutoscaling = new(MinReplicas: 2, MaxReplicas: 5),

        // Two controller shards: HubDsl writes each cluster's shard into its Secret, balanced by the Applications
        // each cluster gets (HUB032 warns when a shard would carry more than 5% above the average).
        ControllerReplicas = 2,
    };
}
