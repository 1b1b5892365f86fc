using HubDsl.Core.Declarations;
using HubDsl.Core.Model;

namespace HubDsl.Core.Binding;

/// <summary>
/// Binds a <c>Failover</c> member as written. What can be wrong with its text (host name, duration, unknown
/// cluster) is judged by <see cref="Manifests.FailoverRules"/> against the fleet, reported as HUB031 at the exact
/// place, and keeps the failover's files from being generated; only a value that is not text at all is an error here.
/// </summary>
internal static class FailoverBinder
{
    public static FailoverModel? Bind(BindingContext context, DslMember member)
    {
        if (member.Value is not DslObject failover)
        {
            context.Error(member.Origin, "expected new Failover(\"name\", Clusters.Primary, Clusters.Standby) { Host = \"app.example.com\" }.");
            return null;
        }

        var name = failover.Find("Name")?.Value;
        var primary = failover.Find("Primary")?.Value;
        var standby = failover.Find("Standby")?.Value;
        var host = failover.Find("Host")?.Value;
        var healthPath = failover.Find("HealthPath")?.Value;
        var failAfter = failover.Find("FailAfter")?.Value;
        var traffic = failover.Find("TrafficLabel")?.Value;
        var region = failover.Find("RegionLabel")?.Value;
        var runbook = failover.Find("RunbookBaseUrl")?.Value;
        var primaryEndpoint = failover.Find("PrimaryEndpoint")?.Value;
        var standbyEndpoint = failover.Find("StandbyEndpoint")?.Value;
        var primaryCheck = failover.Find("PrimaryHealthCheckId")?.Value;
        var standbyCheck = failover.Find("StandbyHealthCheckId")?.Value;
        var (trafficKey, trafficValue) = TrafficLabel(context, traffic);
        return new FailoverModel(
            member.Name,
            DslReader.String(context, name, "Failover name") ?? string.Empty,
            ClusterName(context, primary, "Failover primary"),
            ClusterName(context, standby, "Failover standby"),
            DslReader.String(context, host, "Failover.Host") ?? string.Empty,
            DslReader.String(context, healthPath, "Failover.HealthPath") ?? "/healthz",
            DslReader.String(context, failAfter, "Failover.FailAfter") ?? "5m",
            trafficKey,
            trafficValue,
            DslReader.String(context, region, "Failover.RegionLabel") ?? "topology.kubernetes.io/region")
        {
            RunbookBaseUrl = DslReader.String(context, runbook, "Failover.RunbookBaseUrl") ?? string.Empty,
            RunbookBaseUrlOrigin = runbook?.Origin ?? member.Origin,
            PrimaryEndpoint = DslReader.String(context, primaryEndpoint, "Failover.PrimaryEndpoint") ?? string.Empty,
            StandbyEndpoint = DslReader.String(context, standbyEndpoint, "Failover.StandbyEndpoint") ?? string.Empty,
            PrimaryHealthCheckId = DslReader.String(context, primaryCheck, "Failover.PrimaryHealthCheckId") ?? string.Empty,
            StandbyHealthCheckId = DslReader.String(context, standbyCheck, "Failover.StandbyHealthCheckId") ?? string.Empty,
            PrimaryEndpointOrigin = primaryEndpoint?.Origin ?? member.Origin,
            StandbyEndpointOrigin = standbyEndpoint?.Origin ?? member.Origin,
            PrimaryHealthCheckIdOrigin = primaryCheck?.Origin ?? member.Origin,
            StandbyHealthCheckIdOrigin = standbyCheck?.Origin ?? member.Origin,
            Origin = member.Origin,
            NameOrigin = name?.Origin ?? member.Origin,
            PrimaryOrigin = primary?.Origin ?? member.Origin,
            StandbyOrigin = standby?.Origin ?? member.Origin,
            HostOrigin = host?.Origin ?? member.Origin,
            HealthPathOrigin = healthPath?.Origin ?? member.Origin,
            FailAfterOrigin = failAfter?.Origin ?? member.Origin,
            TrafficLabelOrigin = traffic?.Origin ?? member.Origin,
        };
    }

    // A Cluster object (Clusters.Prod, or one created in place) is known by its Argo CD name.
    private static string ClusterName(BindingContext context, DslValue? value, string what)
    {
        if (value is DslObject { TypeName: DslNames.Cluster } cluster) return DslReader.String(context, cluster.Find("Name")?.Value, what + " name") ?? string.Empty;
        if (value is null or DslScalar { Kind: Yaml.ScalarKind.Null }) return string.Empty;
        context.Error(value.Origin, what + " must be a declared cluster, e.g. Clusters.Prod.");
        return string.Empty;
    }

    private static (string Key, string Value) TrafficLabel(BindingContext context, DslValue? value)
    {
        if (value is null or DslScalar { Kind: Yaml.ScalarKind.Null }) return ("traffic", "active");
        if (value is DslTuple { Items.Count: 2 } tuple)
        {
            return (DslReader.String(context, tuple.Items[0], "The traffic label key") ?? string.Empty, DslReader.String(context, tuple.Items[1], "The traffic label value") ?? string.Empty);
        }

        if (value is DslObject pair && (pair.Find("Item1") ?? pair.Find("Key")) is { } first && (pair.Find("Item2") ?? pair.Find("Value")) is { } second)
        {
            return (DslReader.String(context, first.Value, "The traffic label key") ?? string.Empty, DslReader.String(context, second.Value, "The traffic label value") ?? string.Empty);
        }

        context.Error(value.Origin, "Failover.TrafficLabel must be a (key, value) pair such as (\"traffic\", \"active\").");
        return (string.Empty, string.Empty);
    }
}
