using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace HubDsl.Cli.Runtime;

/// <summary>
/// The API verbs on any <see cref="ResourceType"/> as JSON objects, over KubernetesClient (typed CoreV1 for the
/// core group, CustomObjects for the others), each call under a <see cref="RetryPolicy"/> (and its deadline).
/// A failure that leaves a call carries the server and what was asked of it (<see cref="KubeErrors.Request"/>),
/// so a message can name them.
/// </summary>
public sealed class KubeObjectClient : IDisposable
{
    /// <summary>
    /// How deep an API answer may nest before KubernetesClient refuses to read it. Go's encoding/json refuses
    /// input nested deeper than 10000 levels (scanner.go, maxNestingDepth), so no API server stores deeper
    /// objects; KubernetesClient's own default (System.Text.Json's 64) would refuse a whole list for one deep
    /// Application.
    /// </summary>
    public const int ApiAnswerMaxDepth = 10000;

    private readonly IKubernetes _api;
    private readonly bool _ownsApi;

    static KubeObjectClient()
    {
        try
        {
            KubernetesJson.AddJsonOptions(options =>
            {
                if (options.MaxDepth < ApiAnswerMaxDepth) options.MaxDepth = ApiAnswerMaxDepth;
            });
        }
        catch (InvalidOperationException)
        {
            // The options were already in use in this process (a host that used KubernetesClient first): deep
            // answers then fail as "could not be read", by name, instead of being read.
        }
    }

    /// <summary>Wraps a client (disposed with this object when <paramref name="ownsApi"/>).</summary>
    public KubeObjectClient(IKubernetes api, RetryPolicy retry, bool ownsApi = true)
    {
        _api = api;
        _ownsApi = ownsApi;
        Retry = retry;
    }

    /// <summary>Creates a client for a configuration.</summary>
    public static KubeObjectClient Create(KubernetesClientConfiguration configuration, RetryPolicy retry) => new(new Kubernetes(configuration), retry);

    /// <summary>The retry policy of every call.</summary>
    public RetryPolicy Retry { get; }

    /// <summary>The underlying KubernetesClient.</summary>
    public IKubernetes Api => _api;

    /// <summary>The API server's URL, for messages.</summary>
    public string Server => (_api as Kubernetes)?.BaseUri?.ToString().TrimEnd('/') ?? "the API server";

    /// <summary>The object, or null when it does not exist.</summary>
    public Task<JsonObject?> GetAsync(ResourceType type, string? ns, string name, CancellationToken cancellation) =>
        CallAsync<JsonObject?>(
            "get " + type.Describe(ns, name),
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

    /// <summary>
    /// Every object of the type in the namespace (or cluster) matching the label selector. An object that cannot
    /// be read (see <see cref="ListEachAsync"/>) fails the call, by name.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(ResourceType type, string? ns, string? labelSelector, CancellationToken cancellation)
    {
        var listed = await ListEachAsync(type, ns, labelSelector, cancellation).ConfigureAwait(false);
        if (listed.FirstOrDefault(o => o.Object is null) is { } odd)
        {
            throw new InvalidDataException(Server + ": " + odd.Describe(type) + ": " + odd.Problem);
        }

        return listed.Select(o => o.Object!).ToList();
    }

    /// <summary>
    /// Every object of the type matching the label selector, each read on its own: one that nests deeper than
    /// <see cref="Output.JsonLimits.MaxDepth"/> (or is not an object) comes back with a <see cref="ListedObject.Problem"/>
    /// instead of failing the whole list.
    /// </summary>
    public Task<IReadOnlyList<ListedObject>> ListEachAsync(ResourceType type, string? ns, string? labelSelector, CancellationToken cancellation) =>
        CallAsync<IReadOnlyList<ListedObject>>(
            "list " + type.Kind + " objects" + (type.Namespaced && ns is not null ? " in namespace " + ns : string.Empty) + (labelSelector is null ? string.Empty : " with labels " + labelSelector),
            async ct =>
            {
                object list = (type.Group, type.Kind) switch
                {
                    ("", "Secret") => await _api.CoreV1.ListNamespacedSecretAsync(ns, labelSelector: labelSelector, cancellationToken: ct).ConfigureAwait(false),
                    ("", "ServiceAccount") => await _api.CoreV1.ListNamespacedServiceAccountAsync(ns, labelSelector: labelSelector, cancellationToken: ct).ConfigureAwait(false),
                    ("", "Namespace") => await _api.CoreV1.ListNamespaceAsync(labelSelector: labelSelector, cancellationToken: ct).ConfigureAwait(false),
                    _ when type.Namespaced => await _api.CustomObjects.ListNamespacedCustomObjectAsync(type.Group, type.Version, ns, type.Plural, labelSelector: labelSelector, cancellationToken: ct).ConfigureAwait(false),
                    _ => await _api.CustomObjects.ListClusterCustomObjectAsync(type.Group, type.Version, type.Plural, labelSelector: labelSelector, cancellationToken: ct).ConfigureAwait(false),
                };
                using var document = ToDocument(list);
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                {
                    return Array.Empty<ListedObject>();
                }

                return items.EnumerateArray().Select(ListedObject.Read).ToList();
            },
            cancellation);

    /// <summary>POST; throws on conflict (409 AlreadyExists).</summary>
    public Task<JsonObject> CreateAsync(ResourceType type, string? ns, JsonObject body, string fieldManager, CancellationToken cancellation) =>
        CallAsync(
            "create " + type.Describe(ns, JsonYaml.Text(body, "metadata", "name") ?? string.Empty),
            async ct => (type.Group, type.Kind) switch
            {
                ("", "Secret") => ToJson(await _api.CoreV1.CreateNamespacedSecretAsync(Typed<V1Secret>(body), ns, fieldManager: fieldManager, cancellationToken: ct).ConfigureAwait(false)),
                ("", "ServiceAccount") => ToJson(await _api.CoreV1.CreateNamespacedServiceAccountAsync(Typed<V1ServiceAccount>(body), ns, fieldManager: fieldManager, cancellationToken: ct).ConfigureAwait(false)),
                ("", "Namespace") => ToJson(await _api.CoreV1.CreateNamespaceAsync(Typed<V1Namespace>(body), fieldManager: fieldManager, cancellationToken: ct).ConfigureAwait(false)),
                _ when type.Namespaced => ToJson(await _api.CustomObjects.CreateNamespacedCustomObjectAsync(body, type.Group, type.Version, ns, type.Plural, fieldManager: fieldManager, cancellationToken: ct).ConfigureAwait(false)),
                _ => ToJson(await _api.CustomObjects.CreateClusterCustomObjectAsync(body, type.Group, type.Version, type.Plural, fieldManager: fieldManager, cancellationToken: ct).ConfigureAwait(false)),
            },
            cancellation);

    /// <summary>PUT of a full object (its metadata.resourceVersion is the optimistic-concurrency precondition).</summary>
    public async Task<JsonObject> ReplaceOnceAsync(ResourceType type, string? ns, string name, JsonObject body, string fieldManager, CancellationToken ct)
    {
        try
        {
            return await ReplaceOnceCoreAsync(type, ns, name, body, fieldManager, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (KubeErrors.Annotate(e, Server, "replace " + type.Describe(ns, name)))
        {
            throw; // never reached
        }
    }

    private Task<JsonObject> ReplaceOnceCoreAsync(ResourceType type, string? ns, string name, JsonObject body, string fieldManager, CancellationToken ct) => (type.Group, type.Kind) switch
    {
        ("", "Secret") => Json(_api.CoreV1.ReplaceNamespacedSecretAsync(Typed<V1Secret>(body), name, ns, fieldManager: fieldManager, cancellationToken: ct)),
        ("", "ServiceAccount") => Json(_api.CoreV1.ReplaceNamespacedServiceAccountAsync(Typed<V1ServiceAccount>(body), name, ns, fieldManager: fieldManager, cancellationToken: ct)),
        ("", "Namespace") => Json(_api.CoreV1.ReplaceNamespaceAsync(Typed<V1Namespace>(body), name, fieldManager: fieldManager, cancellationToken: ct)),
        _ when type.Namespaced => Json(_api.CustomObjects.ReplaceNamespacedCustomObjectAsync(body, type.Group, type.Version, ns, type.Plural, name, fieldManager: fieldManager, cancellationToken: ct)),
        _ => Json(_api.CustomObjects.ReplaceClusterCustomObjectAsync(body, type.Group, type.Version, type.Plural, name, fieldManager: fieldManager, cancellationToken: ct)),
    };

    /// <summary>Server-side apply; <c>Created</c> is true when the apply created the object (HTTP 201).</summary>
    public Task<(JsonObject Object, bool Created)> ApplyAsync(ResourceType type, string? ns, string name, JsonObject configuration, string fieldManager, bool force, bool dryRun, CancellationToken cancellation) =>
        PatchAsync(type, ns, name, configuration, V1Patch.PatchType.ApplyPatch, fieldManager, force, dryRun, cancellation);

    /// <summary>JSON merge patch (RFC 7386), e.g. to merge labels.</summary>
    public async Task<JsonObject> MergePatchAsync(ResourceType type, string? ns, string name, JsonObject patch, string fieldManager, CancellationToken cancellation) =>
        (await PatchAsync(type, ns, name, patch, V1Patch.PatchType.MergePatch, fieldManager, force: null, dryRun: false, cancellation).ConfigureAwait(false)).Object;

    /// <summary>DELETE; false when the object was already gone.</summary>
    public Task<bool> DeleteAsync(ResourceType type, string? ns, string name, bool dryRun, CancellationToken cancellation) =>
        CallAsync(
            "delete " + type.Describe(ns, name),
            async ct =>
            {
                var dry = dryRun ? "All" : null;
                try
                {
                    switch (type.Group, type.Kind)
                    {
                        case ("", "Secret"):
                            await _api.CoreV1.DeleteNamespacedSecretAsync(name, ns, dryRun: dry, cancellationToken: ct).ConfigureAwait(false);
                            break;
                        case ("", "ServiceAccount"):
                            await _api.CoreV1.DeleteNamespacedServiceAccountAsync(name, ns, dryRun: dry, cancellationToken: ct).ConfigureAwait(false);
                            break;
                        case ("", "Namespace"):
                            await _api.CoreV1.DeleteNamespaceAsync(name, dryRun: dry, cancellationToken: ct).ConfigureAwait(false);
                            break;
                        default:
                            if (type.Namespaced) await _api.CustomObjects.DeleteNamespacedCustomObjectAsync(type.Group, type.Version, ns, type.Plural, name, dryRun: dry, cancellationToken: ct).ConfigureAwait(false);
                            else await _api.CustomObjects.DeleteClusterCustomObjectAsync(type.Group, type.Version, type.Plural, name, dryRun: dry, cancellationToken: ct).ConfigureAwait(false);
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
        try
        {
            var version = await _api.Version.GetCodeAsync(cancellation).ConfigureAwait(false);
            return version.GitVersion;
        }
        catch (Exception e) when (KubeErrors.Annotate(e, Server, "GET /version"))
        {
            throw; // never reached: Annotate only records where the failure happened
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsApi) _api.Dispose();
    }

    // The patch goes to KubernetesClient as a JsonObject, which it serialises with its own options (depth raised
    // above); as a string it would be re-validated by a JSON reader that stops at 64 levels.
    private Task<(JsonObject Object, bool Created)> PatchAsync(ResourceType type, string? ns, string name, JsonObject body, V1Patch.PatchType patchType, string fieldManager, bool? force, bool dryRun, CancellationToken cancellation) =>
        CallAsync(
            (patchType == V1Patch.PatchType.ApplyPatch ? "apply " : "patch ") + type.Describe(ns, name) + (dryRun ? " (dry run)" : string.Empty),
            async ct =>
            {
                var patch = new V1Patch(body, patchType);
                var dry = dryRun ? "All" : null;
                switch (type.Group, type.Kind)
                {
                    case ("", "Secret"):
                        using (var response = await _api.CoreV1.PatchNamespacedSecretWithHttpMessagesAsync(patch, name, ns, dryRun: dry, fieldManager: fieldManager, force: force, cancellationToken: ct).ConfigureAwait(false))
                        {
                            return (ToJson(response.Body), response.Response.StatusCode == HttpStatusCode.Created);
                        }

                    case ("", "ServiceAccount"):
                        using (var response = await _api.CoreV1.PatchNamespacedServiceAccountWithHttpMessagesAsync(patch, name, ns, dryRun: dry, fieldManager: fieldManager, force: force, cancellationToken: ct).ConfigureAwait(false))
                        {
                            return (ToJson(response.Body), response.Response.StatusCode == HttpStatusCode.Created);
                        }

                    case ("", "Namespace"):
                        using (var response = await _api.CoreV1.PatchNamespaceWithHttpMessagesAsync(patch, name, dryRun: dry, fieldManager: fieldManager, force: force, cancellationToken: ct).ConfigureAwait(false))
                        {
                            return (ToJson(response.Body), response.Response.StatusCode == HttpStatusCode.Created);
                        }

                    default:
                        if (type.Namespaced)
                        {
                            using var response = await _api.CustomObjects.PatchNamespacedCustomObjectWithHttpMessagesAsync(patch, type.Group, type.Version, ns, type.Plural, name, dryRun: dry, fieldManager: fieldManager, force: force, cancellationToken: ct).ConfigureAwait(false);
                            return (ToJson(response.Body), response.Response.StatusCode == HttpStatusCode.Created);
                        }
                        else
                        {
                            using var response = await _api.CustomObjects.PatchClusterCustomObjectWithHttpMessagesAsync(patch, type.Group, type.Version, type.Plural, name, dryRun: dry, fieldManager: fieldManager, force: force, cancellationToken: ct).ConfigureAwait(false);
                            return (ToJson(response.Body), response.Response.StatusCode == HttpStatusCode.Created);
                        }
                }
            },
            cancellation);

    private async Task<JsonObject> GetOnceAsync(ResourceType type, string? ns, string name, CancellationToken ct) => (type.Group, type.Kind) switch
    {
        ("", "Secret") => ToJson(await _api.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: ct).ConfigureAwait(false)),
        ("", "ServiceAccount") => ToJson(await _api.CoreV1.ReadNamespacedServiceAccountAsync(name, ns, cancellationToken: ct).ConfigureAwait(false)),
        ("", "Namespace") => ToJson(await _api.CoreV1.ReadNamespaceAsync(name, cancellationToken: ct).ConfigureAwait(false)),
        _ when type.Namespaced => ToJson(await _api.CustomObjects.GetNamespacedCustomObjectAsync(type.Group, type.Version, ns, type.Plural, name, cancellationToken: ct).ConfigureAwait(false)),
        _ => ToJson(await _api.CustomObjects.GetClusterCustomObjectAsync(type.Group, type.Version, type.Plural, name, cancellationToken: ct).ConfigureAwait(false)),
    };

    private static async Task<JsonObject> Json<T>(Task<T> call) => ToJson(await call.ConfigureAwait(false)!);

    private static T Typed<T>(JsonObject body) => KubernetesJson.Deserialize<T>(body.ToJsonString(Output.JsonLimits.Compact));

    /// <summary>
    /// Any KubernetesClient result (typed model or JsonElement) as a JSON object; one that nests deeper than
    /// <see cref="Output.JsonLimits.MaxDepth"/> is refused by name rather than read.
    /// </summary>
    internal static JsonObject ToJson(object? value)
    {
        if (value is null) return new JsonObject();
        if (value is JsonObject o) return o;
        using var document = ToDocument(value);
        var read = ListedObject.Read(document.RootElement);
        return read.Object ?? throw new InvalidDataException(read.Describe(null) + ": " + read.Problem);
    }

    // Runs one API call under the retry policy; a failure that leaves it records the server and the call.
    private async Task<T> CallAsync<T>(string activity, Func<CancellationToken, Task<T>> operation, CancellationToken cancellation)
    {
        try
        {
            return await Retry.ExecuteAsync(operation, cancellation, Server + " (" + activity + ")").ConfigureAwait(false);
        }
        catch (Exception e) when (KubeErrors.Annotate(e, Server, activity))
        {
            throw; // never reached: Annotate only records where the failure happened
        }
    }

    private static JsonDocument ToDocument(object value) =>
        value is JsonElement element
            ? JsonDocument.Parse(element.GetRawText(), new JsonDocumentOptions { MaxDepth = ApiAnswerMaxDepth })
            : JsonDocument.Parse(KubernetesJson.Serialize(value), new JsonDocumentOptions { MaxDepth = ApiAnswerMaxDepth });
}

/// <summary>One item of a list answer: the object, or why it could not be read (and what it is called).</summary>
public sealed record ListedObject(string? Kind, string? Namespace, string? Name, JsonObject? Object, string? Problem)
{
    /// <summary>Reads one item: a JSON object no deeper than <see cref="Output.JsonLimits.MaxDepth"/>.</summary>
    public static ListedObject Read(JsonElement item)
    {
        static string? Text(JsonElement parent, string field) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        var metadata = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("metadata", out var m) ? m : default;
        var (kind, ns, name) = (Text(item, "kind"), Text(metadata, "namespace"), Text(metadata, "name"));
        if (item.ValueKind != JsonValueKind.Object) return new ListedObject(kind, ns, name, null, "is not a JSON object but " + item.ValueKind.ToString().ToLowerInvariant());
        var depth = Output.JsonLimits.Depth(item);
        if (depth > Output.JsonLimits.MaxDepth)
        {
            return new ListedObject(kind, ns, name, null, "nests " + depth + " levels deep; hubdsl reads objects up to " + Output.JsonLimits.MaxDepth + " levels");
        }

        return new ListedObject(kind, ns, name, JsonNode.Parse(item.GetRawText(), documentOptions: Output.JsonLimits.Document) as JsonObject, null);
    }

    /// <summary>"Kind ns/name" for messages (the list's type when the item does not say its kind).</summary>
    public string Describe(ResourceType? type) =>
        (type?.Kind ?? Kind ?? "object") + " " + (string.IsNullOrEmpty(Namespace) ? string.Empty : Namespace + "/") + (Name ?? "(unnamed)");
}
