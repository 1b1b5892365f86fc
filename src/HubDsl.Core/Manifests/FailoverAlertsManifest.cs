using System.Collections.Generic;
using System.Linq;
using System.Text;
using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Manifests;

/// <summary>
/// The fleet's failover alerts: one prometheus-operator <c>PrometheusRule</c> (<c>monitoring.coreos.com/v1</c>) with a
/// group per failover, on Argo CD's own application-controller metrics:
/// <c>argocd_cluster_connection_status{server}</c> (1 connected, 0 not: Argo CD's
/// controller/metrics/clustercollector_test.go, "metric will have value 0 if not connected with the cluster") and
/// <c>argocd_app_info{name, health_status, sync_status}</c> (docs/operator-manual/metrics.md). Each alert waits the
/// declared <c>FailAfter</c> (<c>for:</c>) and links the generated runbook.
/// </summary>
public static class FailoverAlertsManifest
{
    /// <summary>The alert when Argo CD cannot reach a failover cluster.</summary>
    public const string ClusterUnreachable = "HubDslFailoverClusterUnreachable";

    /// <summary>The alert when an Application of a failover cluster is not Healthy.</summary>
    public const string ApplicationNotHealthy = "HubDslFailoverApplicationNotHealthy";

    /// <summary>The alert when an Application of a failover cluster is not Synced.</summary>
    public const string ApplicationNotSynced = "HubDslFailoverApplicationNotSynced";

    /// <summary>
    /// The prefix of the annotation that describes a failover pair for tools (<c>hubdsl status --for NAME</c> reads it
    /// from the generated file): <c>failover.hubdsl.io/&lt;name&gt;</c>, whose value is
    /// <c>{"primary":..,"standby":..,"host":..,"trafficLabel":"key=value"}</c>.
    /// </summary>
    public const string DescriptionKeyPrefix = "failover.hubdsl.io/";

    /// <summary>The PrometheusRule, or null when the fleet declares no generatable failover.</summary>
    public static YamlMapping? Build(IReadOnlyList<ResolvedFailover> failovers, string? fleetId)
    {
        if (failovers.Count == 0) return null;
        var groups = new YamlSequence();
        foreach (var resolved in failovers) groups.Add(Group(resolved));
        var manifest = new YamlMapping()
            .Set("apiVersion", "monitoring.coreos.com/v1")
            .Set("kind", "PrometheusRule");
        var metadata = manifest.GetOrAddMapping("metadata")
            .Set("name", RuleName(fleetId))
            .Set("namespace", failovers[0].ApplicationSet.Namespace);
        metadata.GetOrAddMapping("labels").Set(ManifestLabels.ManagedByKey, ManifestLabels.ManagedByValue);
        var annotations = metadata.GetOrAddMapping("annotations");
        foreach (var resolved in failovers) annotations.Set(DescriptionKeyPrefix + resolved.Failover.Name, Description(resolved));
        manifest.GetOrAddMapping("spec").Set("groups", groups);
        return manifest;
    }

    // JSON by hand (Core targets netstandard2.0 without a JSON library); every value is validated DNS or label text, escaped anyway.
    private static string Description(ResolvedFailover resolved) =>
        "{\"primary\":" + JsonString(resolved.Primary.Name) + ",\"standby\":" + JsonString(resolved.Standby.Name)
        + ",\"host\":" + JsonString(resolved.Failover.Host) + ",\"trafficLabel\":" + JsonString(resolved.Failover.TrafficLabelKey + "=" + resolved.Failover.TrafficLabelValue) + "}";

    private static string JsonString(string value)
    {
        var json = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c == '"' || c == '\\') json.Append('\\').Append(c);
            else if (c < ' ') json.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else json.Append(c);
        }

        return json.Append('"').ToString();
    }

    /// <summary>The PrometheusRule's name: the fleet's, made a Kubernetes name.</summary>
    public static string RuleName(string? fleetId)
    {
        var name = new StringBuilder();
        foreach (var c in (fleetId ?? "hubdsl").ToLowerInvariant()) name.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' ? c : '-');
        var text = name.ToString().Trim('-', '.') + "-failover";
        return KubernetesNames.IsDnsSubdomain(text) ? text : "hubdsl-failover";
    }

    /// <summary>The group name of one failover's alerts.</summary>
    public static string GroupName(string failover) => "hubdsl-failover-" + failover;

    private static YamlMapping Group(ResolvedFailover resolved)
    {
        var failover = resolved.Failover;
        var rules = new YamlSequence();
        foreach (var (cluster, role, applications) in new[] { (resolved.Primary, "primary", resolved.PrimaryApplications), (resolved.Standby, "standby", resolved.StandbyApplications) })
        {
            var primary = role == "primary";
            rules.Add(Rule(ClusterUnreachable,
                "argocd_cluster_connection_status{server=" + PromQuote(cluster.Server) + "} < 1",
                failover, cluster.Name, role, primary ? "critical" : "warning",
                "Argo CD cannot reach the " + role + " cluster " + cluster.Name + " of " + failover.Host,
                primary
                    ? "Argo CD has not been able to connect to " + cluster.Server + " for " + failover.FailAfter + ". If " + failover.Host + " is down too, fail over to " + resolved.Standby.Name + "."
                    : "Argo CD has not been able to connect to the standby " + cluster.Server + " for " + failover.FailAfter + ": a failover to it would not work now."));
            foreach (var application in applications)
            {
                rules.Add(Rule(ApplicationNotHealthy,
                    "argocd_app_info{name=" + PromQuote(application) + ",health_status!=\"Healthy\"}",
                    failover, cluster.Name, role, primary ? "critical" : "warning",
                    "Application " + application + " on the " + role + " cluster " + cluster.Name + " is not Healthy",
                    "Argo CD reports " + application + " as {{ $labels.health_status }} for " + failover.FailAfter + "."));
                rules.Add(Rule(ApplicationNotSynced,
                    "argocd_app_info{name=" + PromQuote(application) + ",sync_status!=\"Synced\"}",
                    failover, cluster.Name, role, "warning",
                    "Application " + application + " on the " + role + " cluster " + cluster.Name + " is not Synced",
                    "Argo CD reports " + application + " as {{ $labels.sync_status }} for " + failover.FailAfter + "."));
            }
        }

        return new YamlMapping().Set("name", GroupName(failover.Name)).Set("rules", rules);
    }

    private static YamlMapping Rule(string alert, string expr, Model.FailoverModel failover, string cluster, string role, string severity, string summary, string description) =>
        new YamlMapping()
            .Set("alert", alert)
            .Set("expr", expr)
            .Set("for", failover.FailAfter)
            .Set("labels", new YamlMapping()
                .Set("severity", severity)
                .Set("failover", failover.Name)
                .Set("cluster", cluster)
                .Set("role", role))
            .Set("annotations", new YamlMapping()
                .Set("summary", summary)
                .Set("description", description)
                .Set("runbook_url", RunbookUrl(failover)));

    /// <summary>Where the alerts point on-call people: the runbook, under the declared base URL (else the repository path).</summary>
    public static string RunbookUrl(Model.FailoverModel failover) =>
        failover.RunbookBaseUrl.Length == 0 ? FleetManifests.RunbookFile(failover.Name) : failover.RunbookBaseUrl.TrimEnd('/') + "/" + FleetManifests.RunbookFile(failover.Name);

    // A PromQL string literal (double-quoted, Go escapes): a server URL or Application name cannot break out of it.
    private static string PromQuote(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': quoted.Append("\\\\"); break;
                case '"': quoted.Append("\\\""); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                default: quoted.Append(c); break;
            }
        }

        return quoted.Append('"').ToString();
    }
}
