using System.Text.Json.Nodes;

namespace HubDsl.Cli.Runtime.Failover;

/// <summary>
/// One failover pair's state, for <c>hubdsl status --for NAME</c>: each cluster's connection and Applications, and
/// which of them carries the traffic label. Healthy when both clusters are Connected with every Application Synced and
/// Healthy, and exactly one of them carries the label.
/// </summary>
public sealed record FailoverPairStatus(DeclaredFailover Failover, FailoverSide Primary, FailoverSide Standby)
{
    /// <summary>The clusters that carry the traffic label now.</summary>
    public IReadOnlyList<string> TrafficOn => new[] { Primary, Standby }.Where(s => s.CarriesTraffic).Select(s => s.Name).ToList();

    /// <summary>Both sides ready, and the traffic on exactly one.</summary>
    public bool IsHealthy => Primary.IsReady && Standby.IsReady && TrafficOn.Count == 1;

    /// <summary>The pair from a fleet report; a side whose cluster the hub does not have is reported as missing.</summary>
    public static FailoverPairStatus From(FleetStatusReport report, DeclaredFailover failover) =>
        new(failover, Side(report, failover, failover.Primary), Side(report, failover, failover.Standby));

    private static FailoverSide Side(FleetStatusReport report, DeclaredFailover failover, string name)
    {
        var health = report.Clusters.FirstOrDefault(c => c.Cluster.Name == name);
        var server = health?.Cluster.Server.TrimEnd('/');
        var apps = report.Applications.Where(a => a.Cluster == name || (server is not null && a.Server.TrimEnd('/') == server)).ToList();
        var traffic = health is not null && health.Cluster.Info.Labels.TryGetValue(failover.TrafficLabelKey, out var value) && value == failover.TrafficLabelValue;
        return new FailoverSide(name, health, apps, traffic);
    }

    /// <summary><c>{"failover": {...}, "primary": {...}, "standby": {...}}</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["failover"] = new JsonObject
        {
            ["name"] = Failover.Name,
            ["host"] = Failover.Host,
            ["trafficLabel"] = Failover.TrafficLabelKey + "=" + Failover.TrafficLabelValue,
            ["trafficOn"] = new JsonArray(TrafficOn.Select(n => (JsonNode?)n).ToArray()),
            ["healthy"] = IsHealthy,
        },
        ["primary"] = Primary.ToJson(),
        ["standby"] = Standby.ToJson(),
    };
}

/// <summary>One cluster of a failover pair: its connection (null when the hub has no such cluster) and Applications.</summary>
public sealed record FailoverSide(string Name, ClusterHealth? Connection, IReadOnlyList<ApplicationStatus> Applications, bool CarriesTraffic)
{
    /// <summary>Connected, with Applications, all Synced and Healthy.</summary>
    public bool IsReady => Connection is { Reachable: true } && Applications.Count > 0 && Applications.All(a => a.IsHealthy);

    /// <summary>The side as JSON.</summary>
    public JsonObject ToJson() => new()
    {
        ["cluster"] = Name,
        ["registered"] = Connection is not null,
        ["connection"] = Connection?.Status ?? "NotRegistered",
        ["carriesTraffic"] = CarriesTraffic,
        ["ready"] = IsReady,
        ["applications"] = new JsonArray(Applications.Select(a => (JsonNode)new JsonObject
        {
            ["name"] = a.Name,
            ["syncStatus"] = a.Sync,
            ["healthStatus"] = a.Health,
        }).ToArray()),
    };

    /// <summary>One line for the table output.</summary>
    public string Line(string role) =>
        role + " '" + Name + "': " + (Connection is null ? "not registered on the hub" : Connection.Reachable ? "Connected" : "not Connected")
        + "; " + Applications.Count(a => a.IsHealthy) + " of " + Applications.Count + " Application(s) Synced and Healthy"
        + (CarriesTraffic ? "; carries the traffic label" : string.Empty);
}
