using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using HubDsl.Cli.Runtime;
using HubDsl.Core.Manifests;
using HubDsl.KubeEmulator;

namespace HubDsl.Runtime.Benchmarks;

/// <summary>
/// The health fan-out behind <c>hubdsl status</c>: N spokes, each an emulated Kubernetes API on loopback that
/// answers every request after 50 ms. Probing one after another would take at least N × 50 ms.
/// </summary>
public class StatusBenchmarks
{
    public static readonly TimeSpan SpokeLatency = TimeSpan.FromMilliseconds(50);

    private readonly List<EmulatedCluster> _spokes = new();
    private List<RegisteredCluster> _clusters = null!;
    private HealthProber _prober = null!;

    [Params(10, 100)]
    public int Spokes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _clusters = new List<RegisteredCluster>();
        for (var i = 0; i < Spokes; i++)
        {
            var spoke = EmulatedCluster.StartAsync(new EmulatedClusterOptions { Name = "spoke" + i, InstallArgoCdCrds = false, ExtraNamespaces = Array.Empty<string>() }).GetAwaiter().GetResult();
            spoke.Faults.Latency = SpokeLatency;
            _spokes.Add(spoke);
            _clusters.Add(RegisteredCluster.FromSecret(ClusterSecret(spoke)) ?? throw new InvalidOperationException("unreadable cluster Secret"));
        }

        _prober = new HealthProber(TimeSpan.FromSeconds(10), insecureSkipTlsVerify: false);
        var health = _prober.ProbeAllAsync(_clusters, null, default).GetAwaiter().GetResult();
        if (health.Count(h => h.Reachable) != Spokes) throw new InvalidOperationException("not every emulated spoke answered");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var spoke in _spokes) spoke.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task<int> ProbeAll() => (await _prober.ProbeAllAsync(_clusters, null, default)).Count;

    // The Secret `hubdsl cluster add` would have stored on the hub for this spoke.
    private static JsonObject ClusterSecret(EmulatedCluster spoke)
    {
        var server = spoke.Server.ToString().TrimEnd('/');
        var config = new ClusterCredentials { BearerToken = new RedactedCredential(spoke.AdminToken), CaPem = spoke.CaCertificatePem }.ToConfigJson();
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = ClusterSecretNames.ForServer(server), ["namespace"] = "argocd", ["labels"] = new JsonObject { ["argocd.argoproj.io/secret-type"] = "cluster" } },
            ["data"] = new JsonObject
            {
                ["name"] = Base64(spoke.Name),
                ["server"] = Base64(server),
                ["config"] = Base64(config),
            },
        };
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
