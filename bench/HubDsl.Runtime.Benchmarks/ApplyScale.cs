using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using HubDsl.Cli.Runtime;
using HubDsl.Core.Manifests;
using HubDsl.KubeEmulator;

namespace HubDsl.Runtime.Benchmarks;

/// <summary>
/// <c>hubdsl apply</c> at fleet scale: the synthetic fleet's hub objects (N cluster Secrets labelled env, region
/// and deploy, three ApplicationSets, one AppProject) applied to an emulated hub that answers every request after
/// 5 ms, onto an empty hub (everything created) and again with nothing changed (everything unchanged). Side by side:
/// the sequential baseline (what apply did before: a read and an apply per object, one object at a time),
/// <see cref="ManifestApplier.ApplyAsync"/> one at a time (one request per object), and at its default concurrency.
/// A harness rather than BenchmarkDotNet: the baseline at 10,000 clusters takes minutes per run; each cell is one
/// run on a fresh hub, after a warm-up run at 100 clusters. Run: <c>dotnet run -c Release -- apply-scale [N...]</c>.
/// </summary>
public static class ApplyScale
{
    public static readonly TimeSpan HubLatency = TimeSpan.FromMilliseconds(5);

    private const string Fleet = "synthetic";

    private static readonly string[] Environments = { "dev", "staging", "prod", "dr" };

    /// <summary>Runs the sizes given (default 100, 1,000, 10,000) and prints a Markdown table.</summary>
    public static async Task<int> RunAsync(string[] sizes)
    {
        var ns = sizes.Length == 0 ? new[] { 100, 1000, 10000 } : sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var modes = new (string Name, int? Concurrency)[] { ("sequential baseline (read + apply per object)", null), ("one request per object, --concurrency 1", 1), ("one request per object, --concurrency " + ManifestApplier.DefaultConcurrency + " (default)", ManifestApplier.DefaultConcurrency) };
        await MeasureAsync(100, modes[2]); // warm-up: JIT, TLS, connection pool
        Console.WriteLine("| clusters | objects | mode | apply to an empty hub | requests | again, nothing changed | requests |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var n in ns)
        {
            foreach (var mode in modes)
            {
                var (created, createdRequests, unchanged, unchangedRequests) = await MeasureAsync(n, mode);
                Console.WriteLine("| " + n.ToString("N0", CultureInfo.InvariantCulture) + " | " + (n + 4).ToString("N0", CultureInfo.InvariantCulture) + " | " + mode.Name + " | " + Seconds(created) + " | " + createdRequests.ToString("N0", CultureInfo.InvariantCulture) + " | " + Seconds(unchanged) + " | " + unchangedRequests.ToString("N0", CultureInfo.InvariantCulture) + " |");
            }
        }

        return 0;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString(t.TotalSeconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " s";

    private static async Task<(TimeSpan Created, int CreatedRequests, TimeSpan Unchanged, int UnchangedRequests)> MeasureAsync(int clusters, (string Name, int? Concurrency) mode)
    {
        await using var hub = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { Name = "hub" });
        var folder = Path.Combine(Path.GetTempPath(), "hubdsl-apply-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var kubeconfig = new KubeconfigBuilder().AddContext("hub", hub, @namespace: "argocd").UseContext("hub").WriteTo(Path.Combine(folder, "kubeconfig"));
            using var client = HubClient.Connect(new HubConnectionOptions { KubeconfigPath = kubeconfig });
            var applier = new ManifestApplier(client, Fleet);
            var objects = Objects(clusters);
            hub.Faults.Latency = HubLatency;

            var firstRequests = hub.Requests.Entries.Count;
            var clock = Stopwatch.StartNew();
            Check(await ApplyAsync(applier, client, objects, mode.Concurrency), objects.Count, ApplyOutcome.Created);
            var created = clock.Elapsed;
            var secondRequests = hub.Requests.Entries.Count;
            clock.Restart();
            Check(await ApplyAsync(applier, client, objects, mode.Concurrency), objects.Count, ApplyOutcome.Unchanged);
            var unchanged = clock.Elapsed;
            return (created, secondRequests - firstRequests, unchanged, hub.Requests.Entries.Count - secondRequests);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Check(IReadOnlyList<ApplyResult> results, int count, ApplyOutcome expected)
    {
        if (results.Count != count || results.Any(r => r.Outcome != expected))
        {
            var odd = results.FirstOrDefault(r => r.Outcome != expected);
            throw new InvalidOperationException("expected " + count + " objects " + expected + ", got " + results.Count + (odd is null ? string.Empty : "; " + odd.Object + " " + odd.Outcome + ": " + odd.Message));
        }
    }

    private static async Task<IReadOnlyList<ApplyResult>> ApplyAsync(ManifestApplier applier, HubClient client, IReadOnlyList<DesiredObject> objects, int? concurrency)
    {
        if (concurrency is { } n) return await applier.ApplyAsync(objects, dryRun: false, progress: null, CancellationToken.None, n);

        // The requests apply sent before one request per object: a read, then the apply, one object after another.
        var results = new List<ApplyResult>();
        foreach (var o in objects)
        {
            var live = await client.Objects.GetAsync(o.Type, o.Namespace, o.Name, CancellationToken.None);
            var (_, created) = await client.Objects.ApplyAsync(o.Type, o.Namespace, o.Name, o.Configuration, applier.FieldManager, force: false, dryRun: false, CancellationToken.None);
            results.Add(new ApplyResult(o.Type, o.Namespace, o.Name, live is null || created ? ApplyOutcome.Created : ApplyOutcome.Unchanged));
        }

        return results;
    }

    // The synthetic fleet's hub objects, in the order ProjectManifests.Load gives them.
    private static IReadOnlyList<DesiredObject> Objects(int clusters)
    {
        JsonObject Labels(params (string Key, string Value)[] extra)
        {
            var labels = new JsonObject { [ManifestLabels.ManagedByKey] = ManifestLabels.ManagedByValue, [FleetIdentity.LabelKey(Fleet)] = ManifestLabels.FleetValue };
            foreach (var (key, value) in extra) labels[key] = value;
            return labels;
        }

        var objects = new List<DesiredObject>
        {
            new(ResourceType.AppProject, "argocd", "agents", new JsonObject
            {
                ["apiVersion"] = "argoproj.io/v1alpha1",
                ["kind"] = "AppProject",
                ["metadata"] = new JsonObject { ["name"] = "agents", ["namespace"] = "argocd", ["labels"] = Labels() },
                ["spec"] = new JsonObject { ["sourceRepos"] = new JsonArray("https://github.com/example/*"), ["destinations"] = new JsonArray(new JsonObject { ["server"] = "*", ["namespace"] = "agents-*" }) },
            }, "agents.yaml"),
        };
        var secrets = new List<DesiredObject>();
        for (var i = 0; i < clusters; i++)
        {
            var server = "https://cluster-" + i.ToString(CultureInfo.InvariantCulture) + ".example.com";
            var name = ClusterSecretNames.ForServer(server)!;
            secrets.Add(new DesiredObject(ResourceType.Secret, "argocd", name, new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Secret",
                ["metadata"] = new JsonObject
                {
                    ["name"] = name,
                    ["namespace"] = "argocd",
                    ["labels"] = Labels(("argocd.argoproj.io/secret-type", "cluster"), ("env", Environments[i % 4]), ("region", "region-" + (i % 7).ToString(CultureInfo.InvariantCulture)), ("deploy", "true")),
                },
                ["data"] = new JsonObject { ["name"] = Base64("cluster-" + i.ToString(CultureInfo.InvariantCulture)), ["server"] = Base64(server) },
            }, "cluster-" + i + ".yaml"));
        }

        objects.AddRange(secrets.OrderBy(s => s.Name, StringComparer.Ordinal));
        foreach (var app in new[] { "agent", "gateway", "worker" })
        {
            objects.Add(new DesiredObject(ResourceType.ApplicationSet, "argocd", app, new JsonObject
            {
                ["apiVersion"] = "argoproj.io/v1alpha1",
                ["kind"] = "ApplicationSet",
                ["metadata"] = new JsonObject { ["name"] = app, ["namespace"] = "argocd", ["labels"] = Labels() },
                ["spec"] = new JsonObject
                {
                    ["generators"] = new JsonArray(new JsonObject { ["clusters"] = new JsonObject { ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["deploy"] = "true" } } } }),
                    ["template"] = new JsonObject
                    {
                        ["metadata"] = new JsonObject { ["name"] = app + "-{{name}}" },
                        ["spec"] = new JsonObject
                        {
                            ["project"] = "agents",
                            ["destination"] = new JsonObject { ["server"] = "{{server}}", ["namespace"] = "agents-" + app },
                            ["source"] = new JsonObject { ["repoURL"] = "https://github.com/example/" + app, ["path"] = "helm/", ["targetRevision"] = "main" },
                        },
                    },
                },
            }, app + ".yaml"));
        }

        return objects;
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
