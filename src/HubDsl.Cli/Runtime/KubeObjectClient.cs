using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace HubDsl.Cli.Runtime;

/// <summary>
/// The API verbs on any <see cref="ResourceType"/> as JSON objects, over KubernetesClient (typed CoreV1 for the
/// core group, CustomObjects for the others), each call under a <see cref="RetryPolicy"/>.
/// </summary>
public sealed class KubeObjectClient : IDisposable
{
    private readonly IKubernetes api;
    private readonly bool ownsApi;

    /// <summary>Wraps a client (disposed with this object when <paramref name="ownsApi"/>).</summary>
    public KubeObjectClient(IKubernetes api, RetryPolicy retry, bool ownsApi = true)
    {
        this.api = api;
        this.ownsApi = ownsApi;
        Retry = retry;
    }

    /// <summary>Creates a client for a configuration.</summary>
    public static KubeObjectClient Create(KubernetesClientConfiguration configuration, RetryPolicy retry) => new(new Kubernetes(configuration), retry);

    /// <summary>The retry policy of every call.</summary>
    public RetryPolicy Retry { get; }

    /// <summary>The underlying KubernetesClient.</summary>
    public IKubernetes Api => api;

    /// <summary>The object, or null when it does not exist.</summary>
    public Task<JsonObject?> GetAsync(ResourceType type, string? ns, string name, CancellationToken cancellation) =>
        Retry.ExecuteAsync<JsonObject?>(
            async ct =>
            {
                try
                {
                    return await GetOnceAsync(type, ns, name, ct).ConfigureAwait(false);
                }
                catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
                {
                    return null;
                }
            },
            cancellation);

    /// <summary>Every object of the type in the namespace (or cluster) matching the label selector.</summary>
    public Task<IReadOnlyList<JsonObject>> ListAsync(ResourceType type, string? ns, string? labelSelector, CancellationToken cancellation) =>
        Retry.ExecuteAsync<IReadOnlyList<JsonObject>>(
            async ct =>
            {
                object list = (type.Group, type.Kind) switch
                {
                    ("", "Secret") => await api.CoreV1.ListNamespacedSecretAsync(ns, labelSelector: labelSelector, cancellationToken: ct).ConfigureAwait(false),
                    ("", "ServiceAccount") => await api.CoreV1.ListNamespacedServiceAccountAsync(ns, labelSelector: labelSelector, cancellationToken: ct).ConfigureAwait(false),
                    ("", "Namespace") => await api.CoreV1.ListNamespaceAsync(labelSelector: labelSelector, cancellationToken: ct).ConfigureAwait(false),
                    _ when type.Namespaced => await api.CustomObjects.ListNamespacedCustomObjectAsync(type.Group, type.Version, ns, type.Plural, labelSelector: labelSelector, cancellationToken: ct).ConfigureAwait(false),
                    _ => await api.CustomObjects.ListClusterCustomObjectAsync(type.Group, type.Version, type.Plural, labelSelector: labelSelector, cancellationToken: ct).ConfigureAwait(false),
                };
                var items = ToJson(list)["items"] as JsonArray ?? new JsonArray();
                return items.OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()).ToList();
            },
            cancellation);

    /// <summary>POST; throws on conflict (409 AlreadyExists).</summary>
    public Task<JsonObject> CreateAsync(ResourceType type, string? ns, JsonObject body, string fieldManager, CancellationToken cancellation) =>
        Retry.ExecuteAsync(
            async ct => (type.Group, type.Kind) switch
            {
                ("", "Secret") => ToJson(await api.CoreV1.CreateNamespacedSecretAsync(Typed<V1Secret>(body), ns, fieldManager: fieldManager, cancellationToken: ct).ConfigureAwait(false)),
                ("", "ServiceAccount") => ToJson(await api.CoreV1.CreateNamespacedServiceAccountAsync(Typed<V1ServiceAccount>(body), ns, fieldManager: fieldManager, cancellationToken: ct).ConfigureAwait(false)),
                ("", "Namespace") => ToJson(await api.CoreV1.CreateNamespaceAsync(Typed<V1Namespace>(body), fieldManager: fieldManager, cancellationToken: ct).ConfigureAwait(false)),
                _ when type.Namespaced => ToJson(await api.CustomObjects.CreateNamespacedCustomObjectAsync(body, type.Group, type.Version, ns, type.Plural, fieldManager: fieldManager, cancellationToken: ct).ConfigureAwait(false)),
                _ => ToJson(await api.CustomObjects.CreateClusterCustomObjectAsync(body, type.Group, type.Version, type.Plural, fieldManager: fieldManager, cancellationToken: ct).ConfigureAwait(false)),
            },
            cancellation);

    /// <summary>PUT of a full object (its metadata.resourceVersion is the optimistic-concurrency precondition).</summary>
    public Task<JsonObject> ReplaceOnceAsync(ResourceType type, string? ns, string name, JsonObject body, string fieldManager, CancellationToken ct) => (type.Group, type.Kind) switch
    {
        ("", "Secret") => Json(api.CoreV1.ReplaceNamespacedSecretAsync(Typed<V1Secret>(body), name, ns, fieldManager: fieldManager, cancellationToken: ct)),
        ("", "ServiceAccount") => Json(api.CoreV1.ReplaceNamespacedServiceAccountAsync(Typed<V1ServiceAccount>(body), name, ns, fieldManager: fieldManager, cancellationToken: ct)),
        ("", "Namespace") => Json(api.CoreV1.ReplaceNamespaceAsync(Typed<V1Namespace>(body), name, fieldManager: fieldManager, cancellationToken: ct)),
        _ when type.Namespaced => Json(api.CustomObjects.ReplaceNamespacedCustomObjectAsync(body, type.Group, type.Version, ns, type.Plural, name, fieldManager: fieldManager, cancellationToken: ct)),
        _ => Json(api.CustomObjects.ReplaceClusterCustomObjectAsync(body, type.Group, type.Version, type.Plural, name, fieldManager: fieldManager, cancellationToken: ct)),
    };

    /// <summary>Server-side apply; <c>Created</c> is true when the apply created the object (HTTP 201).</summary>
    public Task<(JsonObject Object, bool Created)> ApplyAsync(ResourceType type, string? ns, string name, JsonObject configuration, string fieldManager, bool force, bool dryRun, CancellationToken cancellation) =>
        PatchAsync(type, ns, name, configuration.ToJsonString(), V1Patch.PatchType.ApplyPatch, fieldManager, force, dryRun, cancellation);

    /// <summary>JSON merge patch (RFC 7386), e.g. to merge labels.</summary>
    public async Task<JsonObject> MergePatchAsync(ResourceType type, string? ns, string name, JsonObject patch, string fieldManager, CancellationToken cancellation) =>
        (await PatchAsync(type, ns, name, patch.ToJsonString(), V1Patch.PatchType.MergePatch, fieldManager, force: null, dryRun: false, cancellation).ConfigureAwait(false)).Object;

    /// <summary>DELETE; false when the object was already gone.</summary>
    public Task<bool> DeleteAsync(ResourceType type, string? ns, string name, bool dryRun, CancellationToken cancellation) =>
        Retry.ExecuteAsync(
            async ct =>
            {
                var dry = dryRun ? "All" : null;
                try
                {
                    switch (type.Group, type.Kind)
                    {
                        case ("", "Secret"):
                            await api.CoreV1.DeleteNamespacedSecretAsync(name, ns, dryRun: dry, cancellationToken: ct).ConfigureAwait(false);
                            break;
                        case ("", "ServiceAccount"):
                            await api.CoreV1.DeleteNamespacedServiceAccountAsync(name, ns, dryRun: dry, cancellationToken: ct).ConfigureAwait(false);
                            break;
                        case ("", "Namespace"):
                            await api.CoreV1.DeleteNamespaceAsync(name, dryRun: dry, cancellationToken: ct).ConfigureAwait(false);
                            break;
                        default:
                            if (type.Namespaced) await api.CustomObjects.DeleteNamespacedCustomObjectAsync(type.Group, type.Version, ns, type.Plural, name, dryRun: dry, cancellationToken: ct).ConfigureAwait(false);
                            else await api.CustomObjects.DeleteClusterCustomObjectAsync(type.Group, type.Version, type.Plural, name, dryRun: dry, cancellationToken: ct).ConfigureAwait(false);
                            break;
                    }

                    return true;
                }
                catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
                {
                    return false;
                }
            },
            cancellation);

    /// <summary>GET /version: the server's gitVersion.</summary>
    public async Task<string> VersionAsync(CancellationToken cancellation)
    {
        var version = await api.Version.GetCodeAsync(cancellation).ConfigureAwait(false);
        return version.GitVersion;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsApi) api.Dispose();
    }

    private Task<(JsonObject Object, bool Created)> PatchAsync(ResourceType type, string? ns, string name, string body, V1Patch.PatchType patchType, string fieldManager, bool? force, bool dryRun, CancellationToken cancellation) =>
        Retry.ExecuteAsync(
            async ct =>
            {
                var patch = new V1Patch(body, patchType);
                var dry = dryRun ? "All" : null;
                switch (type.Group, type.Kind)
                {
                    case ("", "Secret"):
                        using (var response = await api.CoreV1.PatchNamespacedSecretWithHttpMessagesAsync(patch, name, ns, dryRun: dry, fieldManager: fieldManager, force: force, cancellationToken: ct).ConfigureAwait(false))
                        {
                            return (ToJson(response.Body), response.Response.StatusCode == HttpStatusCode.Created);
                        }

                    case ("", "ServiceAccount"):
                        using (var response = await api.CoreV1.PatchNamespacedServiceAccountWithHttpMessagesAsync(patch, name, ns, dryRun: dry, fieldManager: fieldManager, force: force, cancellationToken: ct).ConfigureAwait(false))
                        {
                            return (ToJson(response.Body), response.Response.StatusCode == HttpStatusCode.Created);
                        }

                    case ("", "Namespace"):
                        using (var response = await api.CoreV1.PatchNamespaceWithHttpMessagesAsync(patch, name, dryRun: dry, fieldManager: fieldManager, force: force, cancellationToken: ct).ConfigureAwait(false))
                        {
                            return (ToJson(response.Body), response.Response.StatusCode == HttpStatusCode.Created);
                        }

                    default:
                        if (type.Namespaced)
                        {
                            using var response = await api.CustomObjects.PatchNamespacedCustomObjectWithHttpMessagesAsync(patch, type.Group, type.Version, ns, type.Plural, name, dryRun: dry, fieldManager: fieldManager, force: force, cancellationToken: ct).ConfigureAwait(false);
                            return (ToJson(response.Body), response.Response.StatusCode == HttpStatusCode.Created);
                        }
                        else
                        {
                            using var response = await api.CustomObjects.PatchClusterCustomObjectWithHttpMessagesAsync(patch, type.Group, type.Version, type.Plural, name, dryRun: dry, fieldManager: fieldManager, force: force, cancellationToken: ct).ConfigureAwait(false);
                            return (ToJson(response.Body), response.Response.StatusCode == HttpStatusCode.Created);
                        }
                }
            },
            cancellation);

    private async Task<JsonObject> GetOnceAsync(ResourceType type, string? ns, string name, CancellationToken ct) => (type.Group, type.Kind) switch
    {
        ("", "Secret") => ToJson(await api.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: ct).ConfigureAwait(false)),
        ("", "ServiceAccount") => ToJson(await api.CoreV1.ReadNamespacedServiceAccountAsync(name, ns, cancellationToken: ct).ConfigureAwait(false)),
        ("", "Namespace") => ToJson(await api.CoreV1.ReadNamespaceAsync(name, cancellationToken: ct).ConfigureAwait(false)),
        _ when type.Namespaced => ToJson(await api.CustomObjects.GetNamespacedCustomObjectAsync(type.Group, type.Version, ns, type.Plural, name, cancellationToken: ct).ConfigureAwait(false)),
        _ => ToJson(await api.CustomObjects.GetClusterCustomObjectAsync(type.Group, type.Version, type.Plural, name, cancellationToken: ct).ConfigureAwait(false)),
    };

    private static async Task<JsonObject> Json<T>(Task<T> call) => ToJson(await call.ConfigureAwait(false)!);

    private static T Typed<T>(JsonObject body) => KubernetesJson.Deserialize<T>(body.ToJsonString());

    /// <summary>Any KubernetesClient result (typed model or JsonElement) as a JSON object.</summary>
    internal static JsonObject ToJson(object? value) => value switch
    {
        null => new JsonObject(),
        JsonObject o => o,
        JsonElement element => JsonNode.Parse(element.GetRawText()) as JsonObject ?? new JsonObject(),
        _ => JsonNode.Parse(KubernetesJson.Serialize(value)) as JsonObject ?? new JsonObject(),
    };
}
