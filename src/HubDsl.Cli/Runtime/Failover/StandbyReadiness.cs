namespace HubDsl.Cli.Runtime.Failover;

/// <summary>
/// Whether a cluster can take traffic: Argo CD can connect to it (probed as <c>status</c> probes, with the hub's
/// stored credentials) and its Applications on the hub are all Synced and Healthy (as <c>status</c> shows them). A
/// cluster with no Applications cannot take traffic either: it would serve nothing.
/// </summary>
public sealed record StandbyReadiness(ClusterHealth Connection, IReadOnlyList<ApplicationStatus> Applications, IReadOnlyList<HubObjectProblem> Problems)
{
    /// <summary>Why the cluster cannot take traffic; empty when it can.</summary>
    public IReadOnlyList<string> Reasons
    {
        get
        {
            var reasons = new List<string>();
            if (!Connection.Reachable) reasons.Add("it is not Connected (" + Redactor.Scrub(Connection.Message ?? "unreachable") + ")");
            if (Applications.Count == 0) reasons.Add("no Application on the hub deploys to it");
            foreach (var app in Applications.Where(a => !a.IsHealthy)) reasons.Add("Application '" + app.Name + "' is " + app.Sync + " and " + app.Health);
            foreach (var problem in Problems) reasons.Add("Application '" + problem.Name + "' could not be read (" + problem.Message + ")");
            return reasons;
        }
    }

    /// <summary>One line: the connection and the Applications' state.</summary>
    public string Summary =>
        "'" + Connection.Cluster.Name + "' is " + (Connection.Reachable ? "Connected" : "not Connected") + "; "
        + Applications.Count(a => a.IsHealthy) + " of " + Applications.Count + " Application(s) Synced and Healthy";

    /// <summary>Probes the cluster and reads the hub's Applications that deploy to it.</summary>
    public static async Task<StandbyReadiness> CheckAsync(HubClient hub, HealthProber prober, RegisteredCluster cluster, CancellationToken cancellation)
    {
        var clusters = await hub.ListClustersAsync(cancellation).ConfigureAwait(false);
        var applications = FleetStatus.ApplicationsAsync(hub, clusters, cancellation);
        var connection = await prober.ProbeAsync(cluster, cancellation).ConfigureAwait(false);
        var (apps, problems) = await applications.ConfigureAwait(false);
        var server = cluster.Server.TrimEnd('/');
        var own = apps.Where(a => a.Server.TrimEnd('/') == server || (a.Server.Length == 0 && a.Cluster == cluster.Name)).ToList();
        return new StandbyReadiness(connection, own, problems);
    }
}
