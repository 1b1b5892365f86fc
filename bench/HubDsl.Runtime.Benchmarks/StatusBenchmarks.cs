using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using HubDsl.Cli;
using HubDsl.Cli.Runtime;
using HubDsl.Core.Manifests;
using HubDsl.KubeEmulator;

namespace HubDsl.Runtime.Benchmarks;

/// <summary>
/// <c>hubdsl status</c> over N spokes, each an emulated Kubernetes API on loopback that answers every request after
/// 50 ms: the health fan-out alone (<see cref="ProbeAll"/>; probing one after another would take at least N × 50 ms),
/// and the whole command (<see cref="StatusCommand"/>: the hub's cluster Secrets and Applications read, every spoke
/// probed, the JSON report written).
/// </summary>
public class StatusBenchmarks
{
    public static readonly TimeSpan SpokeLatency = TimeSpan.FromMilliseconds(50);

    private readonly List<EmulatedCluster> _spokes = new();
    private List<RegisteredCluster> _clusters = null!;
    private HealthProber _prober = null!;
    private EmulatedCluster _hub = null!;
    private string _folder = null!;
    private string[] _statusArguments = null!;

    [Params(10, 100)]
    public int Spokes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hub = EmulatedCluster.StartAsync(new EmulatedClusterOptions { Name = "hub" }).GetAwaiter().GetResult();
        _clusters = new List<RegisteredCluster>();
        for (var i = 0; i < Spokes; i++)
        {
            var spoke = EmulatedCluster.StartAsync(new EmulatedClusterOptions { Name = "spoke" + i, InstallArgoCdCrds = false, ExtraNamespaces = Array.Empty<string>() }).GetAwaiter().GetResult();
            spoke.Faults.Latency = SpokeLatency;
            _spokes.Add(spoke);
            var secret = ClusterSecret(spoke);
            _clusters.Add(RegisteredCluster.FromSecret(secret) ?? throw new InvalidOperationException("unreadable cluster Secret"));
            _hub.Seed(secret);
        }

        _prober = new HealthProber(TimeSpan.FromSeconds(10), insecureSkipTlsVerify: false);
        var health = _prober.ProbeAllAsync(_clusters, null, default).GetAwaiter().GetResult();
        if (health.Count(h => h.Reachable) != Spokes) throw new InvalidOperationException("not every emulated spoke answered");

        _folder = Path.Combine(Path.GetTempPath(), "hubdsl-status-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var kubeconfig = new KubeconfigBuilder().AddContext("hub", _hub, @namespace: "argocd").UseContext("hub").WriteTo(Path.Combine(_folder, "kubeconfig"));
        _statusArguments = new[] { "status", "-o", "json", "--kubeconfig", kubeconfig };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApplication.RunAsync(_statusArguments, output, error).GetAwaiter().GetResult();
        var reported = (JsonNode.Parse(output.ToString())?["clusters"] as JsonArray)?.Count;
        if (exit != 0 || reported != Spokes) throw new InvalidOperationException("hubdsl status exited " + exit + " reporting " + reported + " clusters: " + error);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var spoke in _spokes) spoke.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _hub.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public async Task<int> ProbeAll() => (await _prober.ProbeAllAsync(_clusters, null, default)).Count;

    [Benchmark]
    public Task<int> StatusCommand() => CliApplication.RunAsync(_statusArguments, TextWriter.Null, TextWriter.Null);

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
