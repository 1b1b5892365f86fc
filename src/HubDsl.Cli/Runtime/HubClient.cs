using System.Text.Json.Nodes;
using HubDsl.Core.Manifests;

namespace HubDsl.Cli.Runtime;

/// <summary>Where the hub is and how to reach it: the common options of every runtime command.</summary>
public sealed record HubConnectionOptions
{
    /// <summary>--kubeconfig (null: KUBECONFIG, then ~/.kube/config).</summary>
    public string? KubeconfigPath { get; init; }

    /// <summary>--hub-context (null: the current context).</summary>
    public string? HubContext { get; init; }

    /// <summary>--argocd-namespace.</summary>
    public string ArgoCdNamespace { get; init; } = "argocd";

    /// <summary>--insecure-skip-tls-verify: the only way TLS verification is turned off.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>Retries of every API call.</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;
}

/// <summary>The Argo CD hub: its cluster Secrets, Applications and the objects <c>hubdsl apply</c> manages.</summary>
public sealed class HubClient : IDisposable
{
    /// <summary>Wraps a client for the hub.</summary>
    public HubClient(KubeObjectClient objects, string argoCdNamespace, Kubeconfig? kubeconfig = null, KubeContext? context = null)
    {
        Objects = objects;
        ArgoCdNamespace = argoCdNamespace;
        Kubeconfig = kubeconfig;
        Context = context;
    }

    /// <summary>The API verbs.</summary>
    public KubeObjectClient Objects { get; }

    /// <summary>The namespace Argo CD runs in.</summary>
    public string ArgoCdNamespace { get; }

    /// <summary>The kubeconfig the hub came from (spoke contexts are looked up in it).</summary>
    public Kubeconfig? Kubeconfig { get; }

    /// <summary>The hub's context.</summary>
    public KubeContext? Context { get; }

    /// <summary>Loads the kubeconfig and connects to the hub context.</summary>
    public static HubClient Connect(HubConnectionOptions options)
    {
        var kubeconfig = Kubeconfig.Load(options.KubeconfigPath);
        var context = kubeconfig.Resolve(options.HubContext);
        var configuration = kubeconfig.ClientConfiguration(context, options.InsecureSkipTlsVerify);
        return new HubClient(KubeObjectClient.Create(configuration, options.Retry), options.ArgoCdNamespace, kubeconfig, context);
    }

    /// <summary>Every cluster Secret in the Argo CD namespace, by name.</summary>
    public async Task<IReadOnlyList<RegisteredCluster>> ListClustersAsync(CancellationToken cancellation)
    {
        var secrets = await Objects.ListAsync(ResourceType.Secret, ArgoCdNamespace, ManifestLabels.SecretTypeKey + "=cluster", cancellation).ConfigureAwait(false);
        return secrets.Select(RegisteredCluster.FromSecret).OfType<RegisteredCluster>()
            .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.SecretName, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The cluster known as <paramref name="name"/>: its data.name, else its server URL, else its Secret name.
    /// Null when none matches; a user error when the name is ambiguous.
    /// </summary>
    public async Task<RegisteredCluster?> FindClusterAsync(string name, CancellationToken cancellation)
    {
        var clusters = await ListClustersAsync(cancellation).ConfigureAwait(false);
        var byName = clusters.Where(c => c.Name == name).ToList();
        if (byName.Count > 1) throw new UserInputException("cluster name '" + name + "' is used by " + byName.Count + " Secrets (" + string.Join(", ", byName.Select(c => c.SecretName)) + "); give the Secret name or the server URL instead");
        return byName.FirstOrDefault()
            ?? clusters.FirstOrDefault(c => c.Server.TrimEnd('/') == name.TrimEnd('/'))
            ?? clusters.FirstOrDefault(c => c.SecretName == name);
    }

    /// <summary>Every Application in the Argo CD namespace.</summary>
    public Task<IReadOnlyList<JsonObject>> ListApplicationsAsync(CancellationToken cancellation) =>
        Objects.ListAsync(ResourceType.Application, ArgoCdNamespace, null, cancellation);

    /// <inheritdoc />
    public void Dispose() => Objects.Dispose();
}
