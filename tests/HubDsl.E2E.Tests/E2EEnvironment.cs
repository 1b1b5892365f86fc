using System.Text.Json.Nodes;
using HubDsl.Cli;
using HubDsl.Cli.Runtime;
using Xunit;

namespace HubDsl.E2E.Tests;

/// <summary>A fact that runs only when HUBDSL_E2E_KUBECONFIG names a kubeconfig; otherwise skipped with how to run it.</summary>
public sealed class E2EFactAttribute : FactAttribute
{
    public const string HowToRun =
        "end-to-end test skipped: set HUBDSL_E2E_KUBECONFIG to a kubeconfig whose current context (or HUBDSL_E2E_HUB_CONTEXT) is an Argo CD hub "
        + "and whose other contexts (or HUBDSL_E2E_SPOKES=ctx1,ctx2) are spokes, e.g. kind clusters; see tests/HubDsl.E2E.Tests/README.md";

    public E2EFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HUBDSL_E2E_KUBECONFIG"))) Skip = HowToRun;
    }
}

/// <summary>What the environment names: the kubeconfig, the hub context, the spokes, the Argo CD namespace.</summary>
public sealed class E2EEnvironment
{
    private E2EEnvironment(string kubeconfig, string hub, IReadOnlyList<string> spokes, string ns)
    {
        KubeconfigPath = kubeconfig;
        HubContext = hub;
        Spokes = spokes;
        ArgoCdNamespace = ns;
    }

    public string KubeconfigPath { get; }

    public string HubContext { get; }

    public IReadOnlyList<string> Spokes { get; }

    public string ArgoCdNamespace { get; }

    public static E2EEnvironment Load()
    {
        var path = Environment.GetEnvironmentVariable("HUBDSL_E2E_KUBECONFIG")!;
        var kubeconfig = Kubeconfig.Load(path);
        var hub = Environment.GetEnvironmentVariable("HUBDSL_E2E_HUB_CONTEXT") is { Length: > 0 } h ? h : kubeconfig.CurrentContext ?? throw new InvalidOperationException("no hub context");
        var spokes = Environment.GetEnvironmentVariable("HUBDSL_E2E_SPOKES") is { Length: > 0 } s
            ? s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : kubeconfig.ContextNames.Where(c => c != hub).ToArray();
        if (spokes.Length == 0) throw new InvalidOperationException("HUBDSL_E2E_KUBECONFIG has no spoke context besides the hub '" + hub + "'");
        var ns = Environment.GetEnvironmentVariable("HUBDSL_E2E_ARGOCD_NAMESPACE") is { Length: > 0 } n ? n : "argocd";
        return new E2EEnvironment(path, hub, spokes, ns);
    }

    public string ServerOf(string context) => Kubeconfig.Load(KubeconfigPath).Resolve(context).Server.TrimEnd('/');

    /// <summary>Runs hubdsl through its entry point against the real hub.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var all = args.Concat(new[] { "--kubeconfig", KubeconfigPath, "--hub-context", HubContext, "--argocd-namespace", ArgoCdNamespace }).ToArray();
        var exit = await CliApplication.RunAsync(all, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public static JsonNode Json(string text) => JsonNode.Parse(text) ?? throw new InvalidOperationException("no JSON");
}
