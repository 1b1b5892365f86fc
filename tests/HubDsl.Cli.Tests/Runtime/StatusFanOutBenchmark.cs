using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;
using HubDsl.Cli.Runtime;
using HubDsl.Core.Manifests;
using HubDsl.KubeEmulator;
using Xunit.Abstractions;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>A fact that runs only when HUBDSL_BENCH=1 (a measurement, not a timed assertion).</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("HUBDSL_BENCH") != "1") Skip = "opt-in measurement: run with HUBDSL_BENCH=1 dotnet test tests/HubDsl.Cli.Tests --filter StatusFanOutBenchmark";
    }
}

/// <summary>
/// `hubdsl status` over 100 spokes that each answer in 50 ms: prints the wall time of the probe fan-out and of the
/// whole command (issue 5, point 6). Sequential probing would take at least 100 × 50 ms = 5 s.
/// </summary>
public sealed class StatusFanOutBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public async Task Status_over_100_spokes_at_50_ms_each()
    {
        const int count = 100;
        await using var fleet = await RuntimeFleet.StartAsync();
        var spokes = new List<EmulatedCluster>();
        try
        {
            var starting = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                var spoke = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { Name = "spoke" + i, InstallArgoCdCrds = false, ExtraNamespaces = Array.Empty<string>() });
                spoke.Faults.Latency = TimeSpan.FromMilliseconds(50);
                spokes.Add(spoke);
                var server = spoke.Server.ToString().TrimEnd('/');
                var config = new ClusterCredentials { BearerToken = new RedactedCredential(spoke.AdminToken), CaPem = spoke.CaCertificatePem }.ToConfigJson();
                fleet.Hub.Seed(new JsonObject
                {
                    ["apiVersion"] = "v1",
                    ["kind"] = "Secret",
                    ["metadata"] = new JsonObject { ["name"] = ClusterSecretNames.ForServer(server), ["namespace"] = "argocd", ["labels"] = new JsonObject { ["argocd.argoproj.io/secret-type"] = "cluster" } },
                    ["stringData"] = new JsonObject { ["name"] = "spoke" + i, ["server"] = server, ["config"] = config },
                });
            }

            output.WriteLine($"started {count} emulated spokes in {starting.ElapsedMilliseconds} ms");

            using var hub = HubClient.Connect(new HubConnectionOptions { KubeconfigPath = fleet.Kubeconfig });
            var clusters = await hub.ListClustersAsync(default);
            var prober = new HealthProber(TimeSpan.FromSeconds(5), insecureSkipTlsVerify: false);
            for (var round = 1; round <= 3; round++)
            {
                var clock = Stopwatch.StartNew();
                var health = await prober.ProbeAllAsync(clusters, null, default);
                clock.Stop();
                output.WriteLine($"round {round}: probed {health.Count} spokes ({health.Count(h => h.Reachable)} Successful) in {clock.ElapsedMilliseconds} ms; slowest single probe {health.Max(h => h.Elapsed.TotalMilliseconds):0} ms");
            }

            var command = Stopwatch.StartNew();
            var run = await fleet.RunAsync("status", "-o", "json");
            command.Stop();
            output.WriteLine($"hubdsl status -o json (100 spokes, exit {run.ExitCode}): {command.ElapsedMilliseconds} ms");
            Assert.Equal(count, JsonNode.Parse(run.Stdout)!["clusters"]!.AsArray().Count);
        }
        finally
        {
            foreach (var spoke in spokes) await spoke.DisposeAsync();
        }
    }
}
