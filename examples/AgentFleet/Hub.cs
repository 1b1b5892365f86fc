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
    };
}
