using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using HubDsl.Core.Model;
using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Manifests;

/// <summary>
/// What makes a failover declaration unusable (HUB031): a host name DNS cannot serve, a duration Prometheus cannot
/// read, a cluster the fleet does not declare. The one judgement: the analyzers report these problems, and the
/// build generates a failover's alerts, DNS records and runbook only when there are none.
/// </summary>
public static class FailoverRules
{
    /// <summary>The longest accepted failure duration: one week (a failover waiting longer is a maintenance window).</summary>
    public static readonly TimeSpan MaxFailAfter = TimeSpan.FromDays(7);

    // Prometheus' duration syntax (prometheus/common model.ParseDuration): units in decreasing order, each at most once.
    private static readonly Regex Duration = new(@"^(?:(\d{1,9})y)?(?:(\d{1,9})w)?(?:(\d{1,9})d)?(?:(\d{1,9})h)?(?:(\d{1,9})m)?(?:(\d{1,9})s)?(?:(\d{1,9})ms)?\z", RegexOptions.CultureInvariant);

    /// <summary>Each problem with its place, in a stable order; empty when the failover can be generated.</summary>
    /// <param name="failover">The failover.</param>
    /// <param name="clusters">The clusters declared for the ApplicationSet's namespace.</param>
    public static IReadOnlyList<(string Message, SourceSpan? Origin)> Problems(FailoverModel failover, IEnumerable<ClusterModel> clusters)
    {
        var problems = new List<(string, SourceSpan?)>();
        if (!KubernetesNames.IsDnsLabel(failover.Name))
        {
            problems.Add(("the failover name '" + failover.Name + "' must be a DNS label (lowercase letters, digits and '-', at most 63 characters): it names the alerts and runbooks/" + failover.Name + ".md.", failover.NameOrigin));
        }

        var names = new HashSet<string>(clusters.Select(c => c.Name), StringComparer.Ordinal);
        CheckCluster(problems, failover.Primary, "primary", names, failover.PrimaryOrigin);
        CheckCluster(problems, failover.Standby, "standby", names, failover.StandbyOrigin);
        if (failover.Primary.Length > 0 && failover.Primary == failover.Standby)
        {
            problems.Add(("the standby is the primary itself ('" + failover.Standby + "'); name another cluster.", failover.StandbyOrigin));
        }

        if (HostProblem(failover.Host) is { } host) problems.Add(("Host '" + failover.Host + "' " + host + ".", failover.HostOrigin));
        if (!IsHealthPath(failover.HealthPath))
        {
            problems.Add(("HealthPath '" + failover.HealthPath + "' must be an HTTP path starting with '/', without spaces, of at most 255 characters (Route 53's ResourcePath limit).", failover.HealthPathOrigin));
        }

        if (!TryParseDuration(failover.FailAfter, out var duration) || duration <= TimeSpan.Zero || duration > MaxFailAfter)
        {
            problems.Add(("FailAfter '" + failover.FailAfter + "' must be a Prometheus duration between 1s and 1w, such as 30s, 5m or 1h30m.", failover.FailAfterOrigin));
        }

        if (LabelRules.KeyProblem(failover.TrafficLabelKey) is { } key)
        {
            problems.Add(("the traffic label key '" + failover.TrafficLabelKey + "' is not a label key: " + key + ".", failover.TrafficLabelOrigin));
        }
        else if (failover.TrafficLabelValue.Length == 0 || LabelRules.ValueProblem(failover.TrafficLabelValue) is not null)
        {
            problems.Add(("the traffic label value '" + failover.TrafficLabelValue + "' is not a non-empty label value: " + (LabelRules.ValueProblem(failover.TrafficLabelValue) ?? "it is empty") + ".", failover.TrafficLabelOrigin));
        }

        if (failover.RunbookBaseUrl.Length > 0 && !IsWebUrl(failover.RunbookBaseUrl))
        {
            problems.Add(("RunbookBaseUrl '" + failover.RunbookBaseUrl + "' must be an absolute https:// or http:// URL, such as https://github.com/example/fleet/blob/main/.", failover.RunbookBaseUrlOrigin));
        }

        if (failover.HasDns) CheckDns(problems, failover);
        return problems;
    }

    // DNS failover (external-dns, Route 53 failover routing): both endpoints, and a health check on the primary, since
    // Route 53 answers with the SECONDARY record only when the PRIMARY's health check fails.
    private static void CheckDns(List<(string, SourceSpan?)> problems, FailoverModel failover)
    {
        foreach (var (endpoint, property, origin) in new[] { (failover.PrimaryEndpoint, "PrimaryEndpoint", failover.PrimaryEndpointOrigin), (failover.StandbyEndpoint, "StandbyEndpoint", failover.StandbyEndpointOrigin) })
        {
            if (endpoint.Length == 0) problems.Add((property + " is missing: DNS failover needs both clusters' public endpoints (a load balancer host name or IP address).", origin));
            else if (RecordType(endpoint) is null) problems.Add((property + " '" + endpoint + "' is neither a DNS name nor an IP address; give the cluster's load balancer host name or address.", origin));
        }

        if (failover.PrimaryEndpoint.Length > 0 && failover.PrimaryEndpoint == failover.StandbyEndpoint)
        {
            problems.Add(("StandbyEndpoint is the primary's endpoint '" + failover.PrimaryEndpoint + "'; DNS failover would answer with the same place.", failover.StandbyEndpointOrigin));
        }

        if (failover.PrimaryHealthCheckId.Length == 0)
        {
            problems.Add(("PrimaryHealthCheckId is missing: Route 53 fails over only when the primary record's health check fails, and external-dns does not create health checks. Create one for " + (failover.Host.Length > 0 ? failover.Host : "the host") + failover.HealthPath + " and give its ID.", failover.PrimaryEndpointOrigin));
        }

        foreach (var (id, property, origin) in new[] { (failover.PrimaryHealthCheckId, "PrimaryHealthCheckId", failover.PrimaryHealthCheckIdOrigin), (failover.StandbyHealthCheckId, "StandbyHealthCheckId", failover.StandbyHealthCheckIdOrigin) })
        {
            if (id.Length > 0 && !Guid.TryParseExact(id, "D", out _)) problems.Add((property + " '" + id + "' is not a Route 53 health check ID (a UUID such as 3f1c2a9e-7b4d-4e2a-9c8f-1a2b3c4d5e6f).", origin));
        }
    }

    /// <summary>The DNS record type for an endpoint: CNAME for a host name, A or AAAA for an address; null when it is neither.</summary>
    public static string? RecordType(string endpoint)
    {
        if (System.Net.IPAddress.TryParse(endpoint, out var address) && endpoint.IndexOf('%') < 0)
        {
            return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "AAAA" : endpoint.Count(c => c == '.') == 3 ? "A" : null;
        }

        return HostProblem(endpoint) is null ? "CNAME" : null;
    }

    private static bool IsWebUrl(string text) =>
        text.Length <= 2048 && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http") && uri.Host.Length > 0 && text.All(c => c > ' ' && c < 0x7f);

    /// <summary>Why a public host name cannot be a DNS record name, or null.</summary>
    public static string? HostProblem(string host)
    {
        if (host.Length == 0) return "is empty; declare the public host name users reach, e.g. Host = \"agent.example.com\"";
        if (host.Length > 253) return "has " + host.Length + " characters; a DNS name has at most 253";
        var labels = host.Split('.');
        if (labels.Length < 2) return "is not a fully qualified name; use the name users reach, such as agent.example.com";
        foreach (var label in labels)
        {
            if (!KubernetesNames.IsDnsLabel(label)) return "is not a DNS name: '" + label + "' must be 1 to 63 lowercase letters, digits and '-', starting and ending with a letter or digit";
        }

        return null;
    }

    /// <summary>Reads a Prometheus duration (<c>90s</c>, <c>5m</c>, <c>1h30m</c>); false when it is not one.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text.Length is 0 or > 64) return false;
        var match = Duration.Match(text);
        if (!match.Success) return false;
        long[] milliseconds = { 365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L };
        long total = 0;
        for (var i = 0; i < milliseconds.Length; i++)
        {
            if (!match.Groups[i + 1].Success) continue;
            var count = long.Parse(match.Groups[i + 1].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            if (count > long.MaxValue / milliseconds[i] || total > long.MaxValue - count * milliseconds[i]) return false;
            total += count * milliseconds[i];
        }

        if (total > (long)TimeSpan.MaxValue.TotalMilliseconds) return false;
        duration = TimeSpan.FromMilliseconds(total);
        return true;
    }

    private static bool IsHealthPath(string path) =>
        path.Length is > 0 and <= 255 && path[0] == '/' && path.All(c => c > ' ' && c < 0x7f);

    private static void CheckCluster(List<(string, SourceSpan?)> problems, string name, string role, HashSet<string> declared, SourceSpan? origin)
    {
        if (name.Length == 0) problems.Add(("the " + role + " cluster is missing; name a declared cluster, e.g. Clusters.Prod.", origin));
        else if (!declared.Contains(name)) problems.Add(("the " + role + " cluster '" + name + "' is not declared by any [Fleet] in the ApplicationSet's namespace; Argo CD has no such cluster. Use a cluster of the fleet.", origin));
    }
}
