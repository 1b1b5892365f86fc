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

    /// <summary>The command's deadline (--timeout), if any; <see cref="Retry"/> runs under it.</summary>
    public CommandDeadline? Deadline { get; init; }

    /// <summary>Retries of every API call.</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;
}

/// <summary>The Argo CD hub: its cluster Secrets, Applications and the objects <c>hubdsl apply</c> manages.</summary>
public sealed class HubClient : IDisposable
{
    /// <summary>Wraps a client for the hub.</summary>
    public HubClient(KubeObjectClient objects, string argoCdNamespace, Kubeconfig? kubeconfig = null)
    {
        Objects = objects;
        ArgoCdNamespace = argoCdNamespace;
        Kubeconfig = kubeconfig;
    }

    /// <summary>The API verbs.</summary>
    public KubeObjectClient Objects { get; }

    /// <summary>The namespace Argo CD runs in.</summary>
    public string ArgoCdNamespace { get; }

    /// <summary>The kubeconfig the hub came from (spoke contexts are looked up in it).</summary>
    public Kubeconfig? Kubeconfig { get; }

    /// <summary>Loads the kubeconfig and connects to the hub context.</summary>
    public static HubClient Connect(HubConnectionOptions options)
    {
        var kubeconfig = Kubeconfig.Load(options.KubeconfigPath);
        var context = kubeconfig.Resolve(options.HubContext);
        var configuration = kubeconfig.ClientConfiguration(context, options.InsecureSkipTlsVerify);
        return new HubClient(KubeObjectClient.Create(configuration, options.Retry), options.ArgoCdNamespace, kubeconfig);
    }

    /// <summary>Every readable cluster Secret in the Argo CD namespace, by name (as Argo CD, which skips the others).</summary>
    public async Task<IReadOnlyList<RegisteredCluster>> ListClustersAsync(CancellationToken cancellation) =>
        (await ReadClustersAsync(cancellation).ConfigureAwait(false)).Clusters;

    /// <summary>Every cluster Secret in the Argo CD namespace: the readable ones by name, and why each other one is not.</summary>
    public async Task<ClusterListing> ReadClustersAsync(CancellationToken cancellation)
    {
        var listed = await Objects.ListEachAsync(ResourceType.Secret, ArgoCdNamespace, ManifestLabels.SecretTypeKey + "=cluster", cancellation).ConfigureAwait(false);
        var clusters = new List<RegisteredCluster>();
        var problems = new List<HubObjectProblem>();
        foreach (var item in listed)
        {
            if (item.Object is null)
            {
                problems.Add(HubObjectProblem.Of(ResourceType.Secret, item, item.Problem!));
                continue;
            }

            string? problem;
            try
            {
                if (RegisteredCluster.FromSecret(item.Object, out problem) is { } cluster)
                {
                    clusters.Add(cluster);
                    continue;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
            {
                // Odd JSON (e.g. duplicate keys, which JsonObject refuses on first use) spoils this Secret only.
                problem = e.Message;
            }

            problems.Add(HubObjectProblem.Of(ResourceType.Secret, item, "not a readable cluster Secret: " + problem));
        }

        return new ClusterListing(
            clusters.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.SecretName, StringComparer.Ordinal).ToList(),
            problems);
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

    /// <summary>Every Application in the Argo CD namespace, each read on its own (see <see cref="KubeObjectClient.ListEachAsync"/>).</summary>
    public Task<IReadOnlyList<ListedObject>> ListApplicationsAsync(CancellationToken cancellation) =>
        Objects.ListEachAsync(ResourceType.Application, ArgoCdNamespace, null, cancellation);

    /// <inheritdoc />
    public void Dispose() => Objects.Dispose();
}

/// <summary>The hub's cluster Secrets: those Argo CD can read, and the others with the reason.</summary>
public sealed record ClusterListing(IReadOnlyList<RegisteredCluster> Clusters, IReadOnlyList<HubObjectProblem> Problems);

/// <summary>An object on the hub that could not be read, and why (the rest of a report goes on without it).</summary>
public sealed record HubObjectProblem(string Kind, string? Namespace, string Name, string Message)
{
    /// <summary>The problem of a listed item.</summary>
    public static HubObjectProblem Of(ResourceType type, ListedObject item, string message) =>
        new(type.Kind, item.Namespace, item.Name ?? "(unnamed)", Redactor.Scrub(message));

    /// <summary>"Kind ns/name: message".</summary>
    public override string ToString() => Kind + " " + (string.IsNullOrEmpty(Namespace) ? string.Empty : Namespace + "/") + Name + ": " + Message;
}
