using System.Text.Json.Nodes;
using HubDsl.Core.Rendering;

namespace HubDsl.Cli.Runtime;

/// <summary>One Argo CD Application as <c>status</c> reports it.</summary>
public sealed record ApplicationStatus(string Name, string Namespace, string Project, string Cluster, string Server, string Sync, string Health)
{
    /// <summary>Synced and Healthy.</summary>
    public bool IsHealthy => Sync == "Synced" && Health == "Healthy";
}

/// <summary>
/// Every cluster's connection and every Application's sync and health: the input of DNS failover. Objects on the
/// hub that could not be read are <see cref="Problems"/>; the rest of the report stands without them.
/// </summary>
public sealed record FleetStatusReport(IReadOnlyList<ClusterHealth> Clusters, IReadOnlyList<ApplicationStatus> Applications, IReadOnlyList<HubObjectProblem> Problems)
{
    /// <summary>A report with nothing unreadable.</summary>
    public FleetStatusReport(IReadOnlyList<ClusterHealth> clusters, IReadOnlyList<ApplicationStatus> applications)
        : this(clusters, applications, Array.Empty<HubObjectProblem>())
    {
    }

    /// <summary>Every cluster reachable, every Application Synced and Healthy, every object readable.</summary>
    public bool IsHealthy => Clusters.All(c => c.Reachable) && Applications.All(a => a.IsHealthy) && Problems.Count == 0;

    /// <summary><c>{"clusters": [...], "applications": [...], "problems": [...]}</c>, without credentials.</summary>
    public JsonObject ToJson() => new()
    {
        ["clusters"] = new JsonArray(Clusters.Select(c => (JsonNode)ClusterJson(c)).ToArray()),
        ["applications"] = new JsonArray(Applications.Select(a => (JsonNode)new JsonObject
        {
            ["name"] = a.Name,
            ["namespace"] = a.Namespace,
            ["project"] = a.Project,
            ["cluster"] = a.Cluster,
            ["server"] = a.Server,
            ["syncStatus"] = a.Sync,
            ["healthStatus"] = a.Health,
        }).ToArray()),
        ["problems"] = new JsonArray(Problems.Select(p => (JsonNode)new JsonObject
        {
            ["kind"] = p.Kind,
            ["namespace"] = p.Namespace,
            ["name"] = p.Name,
            ["message"] = p.Message,
        }).ToArray()),
    };

    /// <summary>A cluster and its connection as JSON (name, server, secret, labels, annotations, namespaces, project, shard, connection).</summary>
    public static JsonObject ClusterJson(ClusterHealth health)
    {
        var cluster = health.Cluster;
        return new JsonObject
        {
            ["name"] = cluster.Name,
            ["server"] = cluster.Server,
            ["secretName"] = cluster.SecretName,
            ["labels"] = new JsonObject(cluster.DisplayLabels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))),
            ["annotations"] = new JsonObject(cluster.DisplayAnnotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)Redactor.Scrub(a.Value)))),
            ["namespaces"] = new JsonArray(cluster.Info.Namespaces.Select(n => (JsonNode?)n).ToArray()),
            ["project"] = cluster.Info.Project,
            ["shard"] = cluster.Info.Shard,
            ["connection"] = new JsonObject
            {
                ["status"] = health.Status,
                ["message"] = health.Message is null ? null : Redactor.Scrub(health.Message),
                ["serverVersion"] = health.ServerVersion,
                ["durationMs"] = (long)health.Elapsed.TotalMilliseconds,
            },
        };
    }
}

/// <summary>Collects a <see cref="FleetStatusReport"/>: the cluster Secrets probed concurrently, and the hub's Applications.</summary>
public static class FleetStatus
{
    /// <summary>Probes every cluster and reads every Application; an unreadable object is reported, not fatal.</summary>
    public static async Task<FleetStatusReport> CollectAsync(HubClient hub, HealthProber prober, IProgress<int>? progress, CancellationToken cancellation)
    {
        var listing = await hub.ReadClustersAsync(cancellation).ConfigureAwait(false);
        var clusters = listing.Clusters;
        var applicationsTask = ApplicationsAsync(hub, clusters, cancellation);
        var health = await prober.ProbeAllAsync(clusters, progress, cancellation).ConfigureAwait(false);
        var (apps, appProblems) = await applicationsTask.ConfigureAwait(false);
        return new FleetStatusReport(health, apps, listing.Problems.Concat(appProblems).ToList());
    }

    /// <summary>Every Application on the hub with its sync and health, by name, and the ones that could not be read.</summary>
    public static async Task<(IReadOnlyList<ApplicationStatus> Applications, IReadOnlyList<HubObjectProblem> Problems)> ApplicationsAsync(HubClient hub, IReadOnlyList<RegisteredCluster> clusters, CancellationToken cancellation)
    {
        var applicationsTask = hub.ListApplicationsAsync(cancellation);
        IReadOnlyList<ListedObject> applications;
        try
        {
            applications = await applicationsTask.ConfigureAwait(false);
        }
        catch (Exception e) when (KubeErrors.IsNotFound(e))
        {
            throw new InvalidOperationException(hub.Objects.Server + " does not serve argoproj.io/v1alpha1 Applications: is Argo CD installed in it?");
        }

        var names = clusters.GroupBy(c => c.Server.TrimEnd('/')).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        names.TryAdd(ClusterInfo.InClusterServer, ClusterInfo.InClusterName);
        var problems = new List<HubObjectProblem>();
        var apps = new List<ApplicationStatus>();
        foreach (var item in applications)
        {
            var problem = item.Problem;
            if (item.Object is { } app)
            {
                try
                {
                    apps.Add(Read(app, hub, clusters, names));
                    continue;
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
                {
                    // Odd JSON (e.g. duplicate keys, which JsonObject refuses on first use) spoils this Application only.
                    problem = "cannot be read: " + e.Message;
                }
            }

            problems.Add(HubObjectProblem.Of(ResourceType.Application, item, problem!));
            apps.Add(new ApplicationStatus(item.Name ?? "(unnamed)", item.Namespace ?? hub.ArgoCdNamespace, string.Empty, string.Empty, string.Empty, "Unknown", "Unknown"));
        }

        return (apps.OrderBy(a => a.Name, StringComparer.Ordinal).ToList(), problems);
    }

    private static ApplicationStatus Read(JsonObject app, HubClient hub, IReadOnlyList<RegisteredCluster> clusters, IReadOnlyDictionary<string, string> names)
    {
        var server = JsonYaml.Text(app, "spec", "destination", "server") ?? string.Empty;
        var cluster = JsonYaml.Text(app, "spec", "destination", "name") ?? (names.TryGetValue(server.TrimEnd('/'), out var n) ? n : server);
        if (server.Length == 0) server = clusters.FirstOrDefault(c => c.Name == cluster)?.Server ?? (cluster == ClusterInfo.InClusterName ? ClusterInfo.InClusterServer : string.Empty);
        return new ApplicationStatus(
            JsonYaml.Text(app, "metadata", "name") ?? string.Empty,
            JsonYaml.Text(app, "metadata", "namespace") ?? hub.ArgoCdNamespace,
            JsonYaml.Text(app, "spec", "project") is { Length: > 0 } project ? project : "default",
            cluster,
            server,
            JsonYaml.Text(app, "status", "sync", "status") ?? "Unknown",
            JsonYaml.Text(app, "status", "health", "status") ?? "Unknown");
    }
}
