using HubDsl.Core.Yaml;

namespace HubDsl.Core.Model;

/// <summary>
/// A <c>Failover</c> member of an ApplicationSet, bound as written: the rules (HUB028 to HUB031) judge it, and the
/// failover files are generated only when Manifests.FailoverRules finds nothing wrong with it.
/// Clusters are named by their Argo CD names.
/// </summary>
public sealed record FailoverModel(
    string MemberName,
    string Name,
    string Primary,
    string Standby,
    string Host,
    string HealthPath,
    string FailAfter,
    string TrafficLabelKey,
    string TrafficLabelValue,
    string RegionLabel)
{
    /// <summary>The base URL of the alerts' runbook_url ("" for the runbook's repository path).</summary>
    public string RunbookBaseUrl { get; init; } = string.Empty;

    /// <summary>Where the runbook base URL was written (analyzers only).</summary>
    public SourceSpan? RunbookBaseUrlOrigin { get; init; }

    /// <summary>The primary's public endpoint for DNS failover ("" when not declared).</summary>
    public string PrimaryEndpoint { get; init; } = string.Empty;

    /// <summary>The standby's public endpoint for DNS failover ("" when not declared).</summary>
    public string StandbyEndpoint { get; init; } = string.Empty;

    /// <summary>The Route 53 health check of the primary ("" when not declared).</summary>
    public string PrimaryHealthCheckId { get; init; } = string.Empty;

    /// <summary>The Route 53 health check of the standby ("" when not declared).</summary>
    public string StandbyHealthCheckId { get; init; } = string.Empty;

    /// <summary>Where the primary endpoint was written (analyzers only).</summary>
    public SourceSpan? PrimaryEndpointOrigin { get; init; }

    /// <summary>Where the standby endpoint was written (analyzers only).</summary>
    public SourceSpan? StandbyEndpointOrigin { get; init; }

    /// <summary>Where the primary's health check was written (analyzers only).</summary>
    public SourceSpan? PrimaryHealthCheckIdOrigin { get; init; }

    /// <summary>Where the standby's health check was written (analyzers only).</summary>
    public SourceSpan? StandbyHealthCheckIdOrigin { get; init; }

    /// <summary>Whether DNS failover records are declared (either endpoint given).</summary>
    public bool HasDns => PrimaryEndpoint.Length > 0 || StandbyEndpoint.Length > 0;

    /// <summary>Where the member was declared (analyzers only).</summary>
    public SourceSpan? Origin { get; init; }

    /// <summary>Where the name was written (analyzers only).</summary>
    public SourceSpan? NameOrigin { get; init; }

    /// <summary>Where the primary cluster was written (analyzers only).</summary>
    public SourceSpan? PrimaryOrigin { get; init; }

    /// <summary>Where the standby cluster was written (analyzers only).</summary>
    public SourceSpan? StandbyOrigin { get; init; }

    /// <summary>Where the host name was written (analyzers only).</summary>
    public SourceSpan? HostOrigin { get; init; }

    /// <summary>Where the health path was written (analyzers only).</summary>
    public SourceSpan? HealthPathOrigin { get; init; }

    /// <summary>Where the failure duration was written (analyzers only).</summary>
    public SourceSpan? FailAfterOrigin { get; init; }

    /// <summary>Where the traffic label was written (analyzers only).</summary>
    public SourceSpan? TrafficLabelOrigin { get; init; }
}
