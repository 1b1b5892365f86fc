namespace HubDsl;

/// <summary>
/// A failover pair of an ApplicationSet: the primary cluster serves the public host name, the standby takes over
/// when the primary fails. Declared as a member of the <c>[ApplicationSet]</c> class whose Applications both clusters
/// run. The build writes, per failover, Prometheus alerts on Argo CD's metrics, external-dns failover records and an
/// on-call runbook; <c>hubdsl failover</c> moves the <see cref="TrafficLabel"/> from one cluster to the other.
/// </summary>
public sealed class Failover
{
    /// <param name="name">The failover's name: a DNS label, used in alert names and <c>runbooks/&lt;name&gt;.md</c>.</param>
    /// <param name="primary">The cluster that serves traffic normally (a cluster of a <c>[Fleet]</c>).</param>
    /// <param name="standby">The cluster that takes over (targeted by the same ApplicationSet, with the same values).</param>
    public Failover(string name, Cluster primary, Cluster standby)
    {
        Name = name;
        Primary = primary;
        Standby = standby;
    }

    /// <summary>The failover's name.</summary>
    public string Name { get; }

    /// <summary>The cluster that serves traffic normally.</summary>
    public Cluster Primary { get; }

    /// <summary>The cluster that takes over.</summary>
    public Cluster Standby { get; }

    /// <summary>The public host name users reach, e.g. <c>agent.example.com</c> (required).</summary>
    public string Host { get; init; } = string.Empty;

    /// <summary>The HTTP path the DNS provider's health check and on-call people probe. Default <c>/healthz</c>.</summary>
    public string HealthPath { get; init; } = "/healthz";

    /// <summary>
    /// How long a failure must last before it fails over (a Prometheus duration such as <c>5m</c>): the alerts'
    /// <c>for:</c>. Default <c>5m</c>.
    /// </summary>
    public string FailAfter { get; init; } = "5m";

    /// <summary>
    /// The cluster Secret label that marks the cluster serving traffic (default <c>traffic=active</c>). ApplicationSets
    /// that select on it follow it; <c>hubdsl failover</c> moves it.
    /// </summary>
    public (string Key, string Value) TrafficLabel { get; init; } = ("traffic", "active");

    /// <summary>
    /// The primary's public endpoint for DNS failover: its load balancer's host name (a CNAME record) or IP address
    /// (an A or AAAA record). With <see cref="StandbyEndpoint"/> and <see cref="PrimaryHealthCheckId"/>, the build
    /// writes external-dns Route 53 failover records for <see cref="Host"/> (<c>dns/&lt;name&gt;.yaml</c>).
    /// </summary>
    public string PrimaryEndpoint { get; init; } = string.Empty;

    /// <summary>The standby's public endpoint for DNS failover (see <see cref="PrimaryEndpoint"/>).</summary>
    public string StandbyEndpoint { get; init; } = string.Empty;

    /// <summary>
    /// The Route 53 health check that probes the primary (<c>aws/health-check-id</c>): Route 53 answers with the
    /// standby only when it fails. external-dns does not create health checks; create it for <see cref="Host"/> and
    /// <see cref="HealthPath"/>. Required with DNS failover.
    /// </summary>
    public string PrimaryHealthCheckId { get; init; } = string.Empty;

    /// <summary>An optional Route 53 health check of the standby, so Route 53 does not fail over to a dead standby.</summary>
    public string StandbyHealthCheckId { get; init; } = string.Empty;

    /// <summary>
    /// Where the repository's files are browsed, e.g. <c>https://github.com/example/fleet/blob/main/</c>: the alerts'
    /// <c>runbook_url</c> is this plus <c>runbooks/&lt;name&gt;.md</c>. Default: the runbook's path in the repository.
    /// </summary>
    public string RunbookBaseUrl { get; init; } = string.Empty;

    /// <summary>
    /// The cluster label that names a cluster's region (default the Kubernetes well-known
    /// <c>topology.kubernetes.io/region</c>). When both clusters have it, they must differ (HUB030).
    /// </summary>
    public string RegionLabel { get; init; } = "topology.kubernetes.io/region";
}
