using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Terminal;
using HubDsl.Core.Manifests;
using HubDsl.KubeEmulator;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>What one hubdsl run printed.</summary>
public sealed record RunResult(int ExitCode, string Stdout, string Stderr)
{
    public string All => Stdout + Stderr;

    public override string ToString() => "exit " + ExitCode + "\n--- stdout\n" + Stdout + "\n--- stderr\n" + Stderr;
}

/// <summary>
/// A hub and spokes, each an <see cref="EmulatedCluster"/> on 127.0.0.1, and one kubeconfig with a context per
/// cluster (hub current). <see cref="RunAsync"/> runs hubdsl in-process with plain (redirected) output.
/// </summary>
public sealed class RuntimeFleet : IAsyncDisposable
{
    private readonly List<EmulatedCluster> _spokes = new();

    private RuntimeFleet(EmulatedCluster hub, string folder)
    {
        Hub = hub;
        Folder = folder;
    }

    public EmulatedCluster Hub { get; }

    public IReadOnlyList<EmulatedCluster> Spokes => _spokes;

    public string Folder { get; }

    public string Kubeconfig => Path.Combine(Folder, "kubeconfig");

    public EmulatedCluster this[string name] => _spokes.Single(s => s.Name == name);

    public static async Task<RuntimeFleet> StartAsync(params string[] spokeNames) => await StartAsync(spokeNames, null);

    public static async Task<RuntimeFleet> StartAsync(string[] spokeNames, Func<string, EmulatedClusterOptions>? options)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hubdsl-runtime-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var hub = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { Name = "hub" });
        var fleet = new RuntimeFleet(hub, folder);
        foreach (var name in spokeNames)
        {
            fleet._spokes.Add(await EmulatedCluster.StartAsync(options?.Invoke(name) ?? new EmulatedClusterOptions
            {
                Name = name,
                TokenControllerDelay = TimeSpan.FromMilliseconds(100),
                ExtraNamespaces = new[] { "team-a", "team-b" },
                InstallArgoCdCrds = false,
            }));
        }

        fleet.WriteKubeconfig();
        return fleet;
    }

    public void WriteKubeconfig(Action<KubeconfigBuilder>? extra = null)
    {
        var builder = new KubeconfigBuilder().AddContext("hub", Hub, @namespace: "argocd");
        foreach (var spoke in _spokes) builder.AddContext(spoke.Name, spoke);
        builder.UseContext("hub");
        extra?.Invoke(builder);
        builder.WriteTo(Kubeconfig);
    }

    /// <summary>Runs hubdsl with --kubeconfig added; standard input is not a terminal unless <paramref name="answers"/> is given.</summary>
    public Task<RunResult> RunAsync(params string[] args) => RunWithAsync(null, CancellationToken.None, args);

    public async Task<RunResult> RunWithAsync(Queue<string?>? answers, CancellationToken cancellation, params string[] args)
    {
        var withConfig = args.Concat(new[] { "--kubeconfig", Kubeconfig }).ToArray();
        return await Cli.RunAsync(withConfig, answers, cancellation);
    }

    public string ServerOf(EmulatedCluster cluster) => cluster.Server.ToString().TrimEnd('/');

    public string SecretNameOf(EmulatedCluster cluster) => ClusterSecretNames.ForServer(ServerOf(cluster))!;

    public JsonObject? HubSecret(EmulatedCluster spoke) => Hub.Resources.TryGet(ResourceCatalog.Secrets, "argocd", SecretNameOf(spoke));

    public string? SpokeToken(EmulatedCluster spoke)
    {
        var secret = spoke.Resources.TryGet(ResourceCatalog.Secrets, "kube-system", SpokeRbacManifest.TokenSecretName);
        var data = secret?["data"]?["token"]?.GetValue<string>();
        return data is null ? null : Encoding.UTF8.GetString(Convert.FromBase64String(data));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var spoke in _spokes) await spoke.DisposeAsync();
        await Hub.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Runs the tool in-process through CliApplication (same commands, option rules and error handling), on a plain console.</summary>
public static class Cli
{
    public static async Task<RunResult> RunAsync(string[] args, Queue<string?>? answers = null, CancellationToken cancellation = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var sync = TextWriter.Synchronized(output);
        var syncError = TextWriter.Synchronized(error);
        Func<string?>? readLine = answers is null ? null : () => answers.Count == 0 ? null : answers.Dequeue();
        var console = new RuntimeConsole(sync, syncError, false, false, readLine);
        var exit = await CliApplication.RunAsync(args, console, cancellation);
        return new RunResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Through the real entry point (the process console is not a terminal in tests).</summary>
    public static async Task<RunResult> RunAppAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, output, error);
        return new RunResult(exit, output.ToString(), error.ToString());
    }
}
