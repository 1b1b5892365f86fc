using HubDsl;

namespace AgentFleet;

/// <summary>Deploys the agent's Helm chart to every cluster labelled deploy=true.</summary>
[ApplicationSet("agent-multi-cluster", PreserveResourcesOnDeletion = true)]
public static partial class Agent
{
    public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("deploy", "true"));

    /// <summary>
    /// The agent's own project: only its repository, only the targeted clusters' agent namespace, and only
    /// Namespaces as cluster-scoped objects (for CreateNamespace=true).
    /// </summary>
    public static readonly AppProject Project = new("agent") { Description = "The agent on every spoke labelled deploy=true" };

    /// <summary>What the chart creates: least-privilege spokes grant the hub write access to exactly these.</summary>
    public static readonly DeployedResources Deploys = new(ApiResource.Deployments);

    public static readonly ApplicationTemplate Template = new($"agent-{Param.Name}")
    {
        // Argo CD notifications: the on-call channel hears when an agent degrades or fails to sync.
        Notifications =
        [
            new NotificationSubscription(NotificationSubscription.OnHealthDegraded, "slack", "agent-oncall"),
            new NotificationSubscription(NotificationSubscription.OnSyncFailed, "slack", "agent-oncall"),
        ],
        Finalizers = [Finalizers.ResourcesFinalizer],
        Destination = new(Server: Param.Server, Namespace: "agent"),
        Source = new HelmSource("https://github.com/example/agent", Path: "helm/", TargetRevision: "main")
        {
            ReleaseName = $"agent-{Param.Name}",
            // The chart's own values.yaml comes first by itself; then the fleet's defaults, then the environment's.
            ValueFiles = ["values-fleet.yaml", $"values-{Param.Label("env")}.yaml"],
            Values =
            {
                ["cluster"] = Param.Name,
                ["environment"] = Param.Label("env"),
            },
        },
        SyncPolicy = new()
        {
            Automated = new(Prune: true, SelfHeal: true, AllowEmpty: false),
            SyncOptions = ["CreateNamespace=true"],
            Retry = new(Limit: 5, Backoff: new(Duration: "5s", Factor: 2, MaxDuration: "3m")),
        },
    };

    /// <summary>
    /// prod serves agent.example.com; dr takes over. Route 53 fails over by itself when the prod health check fails
    /// (dns/agent.yaml); `hubdsl failover prod --to dr` moves the traffic label (runbooks/agent.md).
    /// </summary>
    public static readonly Failover Failover = new("agent", Clusters.Prod, Clusters.Dr)
    {
        Host = "agent.example.com",
        HealthPath = "/healthz",
        FailAfter = "5m",
        TrafficLabel = ("traffic", "active"),
        PrimaryEndpoint = "prod-ingress.eu-west-1.elb.amazonaws.com",
        StandbyEndpoint = "dr-ingress.eu-central-1.elb.amazonaws.com",
        // The Route 53 health check of https://agent.example.com/healthz on prod (external-dns does not create it).
        PrimaryHealthCheckId = "3f1c2a9e-7b4d-4e2a-9c8f-1a2b3c4d5e6f",
        RunbookBaseUrl = "https://github.com/example/agent-fleet/blob/main/examples/AgentFleet/",
    };

    [Values]
    public static readonly AgentValues Defaults = new();

    /// <summary>Staging runs the defaults: one small replica.</summary>
    [Values("staging")]
    public static readonly AgentValues Staging = Defaults;

    [Values("prod")]
    public static readonly AgentValues Prod = Defaults with
    {
        Replicas = 3,
        Resources = new()
        {
            Requests = new() { Memory = "512Mi", Cpu = "500m" },
            Limits = new() { Memory = "1Gi", Cpu = "1000m" },
        },
        SecurityContext = new() { RunAsNonRoot = true },
        Database = new("agent-db", Store: "vault", RemoteKey: "secret/data/agent/prod/db"),
    };

    /// <summary>The DR cluster mirrors prod, in another region, with its own database replica.</summary>
    [Values("dr")]
    public static readonly AgentValues Dr = Prod with
    {
        Database = new("agent-db", Store: "vault", RemoteKey: "secret/data/agent/dr/db"),
    };
}
