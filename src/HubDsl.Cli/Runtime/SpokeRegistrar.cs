using System.Text;
using System.Text.Json.Nodes;
using HubDsl.Core.Manifests;
using HubDsl.Core.Model;

namespace HubDsl.Cli.Runtime;

/// <summary>What happened to one object.</summary>
public enum ObjectOutcome
{
    /// <summary>It did not exist and was created.</summary>
    Created,

    /// <summary>It existed and was overwritten with the wanted content.</summary>
    Updated,

    /// <summary>It existed as wanted (or, for a ServiceAccount or token Secret, is reused as it is).</summary>
    Unchanged,

    /// <summary>It was deleted.</summary>
    Deleted,

    /// <summary>It was not there.</summary>
    NotFound,

    /// <summary>The operation failed.</summary>
    Failed,
}

/// <summary>One object and what happened to it.</summary>
public sealed record ObjectResult(string Object, ObjectOutcome Outcome, string? Message = null);

/// <summary>What <c>cluster add</c> registers.</summary>
public sealed record ClusterRegistrationRequest
{
    /// <summary>The spoke's kubeconfig context (server, CA, TLS settings; its credentials create the RBAC).</summary>
    public required KubeContext Spoke { get; init; }

    /// <summary>data.name (default: the context name).</summary>
    public string? Name { get; init; }

    /// <summary>--label.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>--annotation.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>--project.</summary>
    public string? Project { get; init; }

    /// <summary>--shard: the application controller shard.</summary>
    public int? Shard { get; init; }

    /// <summary>--cluster-resources (meaningful only with namespaces).</summary>
    public bool ClusterResources { get; init; }

    /// <summary>What to grant on the spoke; its namespaces become data.namespaces.</summary>
    public SpokeRbac Rbac { get; init; } = SpokeRbac.ArgoCdDefault();

    /// <summary>--upsert: overwrite a different existing cluster Secret.</summary>
    public bool Upsert { get; init; }

    /// <summary>How long to wait for the token controller.</summary>
    public TimeSpan TokenTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often to look at the token Secret.</summary>
    public TimeSpan TokenPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>--insecure-skip-tls-verify: talk to the spoke without verification and store insecure: true.</summary>
    public bool InsecureSkipTlsVerify { get; init; }
}

/// <summary>The outcome of a registration.</summary>
public sealed record ClusterRegistrationResult(string Name, string Server, string SecretName, IReadOnlyList<ObjectResult> SpokeObjects, ObjectOutcome HubSecret);

/// <summary>How far a registration got: what it did, and what it was doing when it stopped.</summary>
public sealed class RegistrationProgress
{
    private readonly List<ObjectResult> done = new();
    private readonly List<SpokeObject> created = new();

    /// <summary>Every object handled, in order.</summary>
    public IReadOnlyList<ObjectResult> Done => done;

    /// <summary>The spoke objects this run created, in order.</summary>
    public IReadOnlyList<SpokeObject> CreatedOnSpoke => created;

    /// <summary>A spoke object that did not exist and whose create request was under way (it may exist now).</summary>
    public SpokeObject? PendingCreate { get; internal set; }

    /// <summary>The step under way, in words.</summary>
    public string? Step { get; internal set; }

    /// <summary>Whether the hub had no cluster Secret for the server when this run began.</summary>
    public bool HubSecretWasAbsent { get; internal set; }

    /// <summary>Whether the hub Secret's write was under way (it may or may not have been written).</summary>
    public bool HubSecretPending { get; internal set; }

    /// <summary>The hub Secret's name.</summary>
    public string? HubSecretName { get; internal set; }

    internal void Add(ObjectResult result, SpokeObject? item = null)
    {
        done.Add(result);
        if (item is not null && result.Outcome == ObjectOutcome.Created) created.Add(item);
        PendingCreate = null;
    }
}

/// <summary>A registration that stopped part-way; <see cref="Created"/> lists what it had created (a re-run reuses it).</summary>
public sealed class ClusterRegistrationException : Exception
{
    /// <summary>Creates the exception from the run's progress.</summary>
    public ClusterRegistrationException(string message, RegistrationProgress progress, bool userError, bool cancelled = false)
        : base(message)
    {
        Progress = progress;
        IsUserError = userError;
        IsCancelled = cancelled;
    }

    /// <summary>How far the run got.</summary>
    public RegistrationProgress Progress { get; }

    /// <summary>Every object handled before the failure.</summary>
    public IReadOnlyList<ObjectResult> Done => Progress.Done;

    /// <summary>Objects this run created before failing.</summary>
    public IReadOnlyList<string> Created => Done.Where(d => d.Outcome == ObjectOutcome.Created).Select(d => d.Object).ToList();

    /// <summary>Whether the cause is the user's input (an existing Secret without --upsert) rather than a failure.</summary>
    public bool IsUserError { get; }

    /// <summary>Whether the run was cancelled (Ctrl+C).</summary>
    public bool IsCancelled { get; }
}

/// <summary>
/// <c>argocd cluster add</c> done with KubernetesClient: the ServiceAccount, RBAC and long-lived token Secret on the
/// spoke, a bounded wait for the token controller, then the hub cluster Secret named and shaped as Argo CD's own.
/// Every step is idempotent, so a failed run can be repeated.
/// </summary>
public sealed class SpokeRegistrar
{
    /// <summary>The field manager of the hub Secret (distinct from apply's fleet managers, which never own config).</summary>
    public const string FieldManager = "hubdsl-cluster";

    private readonly HubClient hub;
    private readonly KubeObjectClient spoke;

    /// <summary>Creates a registrar for one hub and one spoke client.</summary>
    public SpokeRegistrar(HubClient hub, KubeObjectClient spoke)
    {
        this.hub = hub;
        this.spoke = spoke;
    }

    /// <summary>Registers the spoke. Throws <see cref="ClusterRegistrationException"/> with the work done so far.</summary>
    public async Task<ClusterRegistrationResult> RegisterAsync(ClusterRegistrationRequest request, Action<string>? step, CancellationToken cancellation)
    {
        var server = request.Spoke.Server.TrimEnd('/');
        var secretName = ClusterSecretNames.ForServer(server) ?? throw new UserInputException("context '" + request.Spoke.Name + "' has server '" + server + "', which is not an absolute URL");
        var name = request.Name ?? request.Spoke.Name;
        var progress = new RegistrationProgress { HubSecretName = secretName };
        var secretRef = ResourceType.Secret.Describe(hub.ArgoCdNamespace, secretName) + " (hub)";
        void Step(string what)
        {
            progress.Step = what;
            step?.Invoke(what);
        }

        try
        {
            // 1. Fail before touching the spoke if the hub already has a different cluster for this server.
            Step("checking the hub for " + secretName);
            var existing = await hub.Objects.GetAsync(ResourceType.Secret, hub.ArgoCdNamespace, secretName, cancellation).ConfigureAwait(false);
            Redactor.RememberSecret(existing);
            progress.HubSecretWasAbsent = existing is null;
            if (existing is not null && !request.Upsert && !SameExceptToken(existing, Desired(request, name, server, secretName, default)))
            {
                throw new ClusterRegistrationException(
                    "the hub already has cluster Secret " + hub.ArgoCdNamespace + "/" + secretName + " for " + server + " (name '" + Decoded(existing, "name") + "'"
                    + (Decoded(existing, "config") is null ? ", no credentials" : string.Empty) + ") and it differs; re-run with --upsert to overwrite it",
                    progress,
                    userError: true);
            }

            // Argo CD keys clusters by server: a second Secret for the same server (e.g. from the Helm chart) would make two.
            var sameServer = (await hub.ListClustersAsync(cancellation).ConfigureAwait(false))
                .FirstOrDefault(c => c.Server.TrimEnd('/') == server && c.SecretName != secretName);
            if (sameServer is not null)
            {
                throw new ClusterRegistrationException(
                    "the hub already registers " + server + " as cluster '" + sameServer.Name + "' in Secret " + hub.ArgoCdNamespace + "/" + sameServer.SecretName
                    + "; remove it first (hubdsl cluster rm " + sameServer.SecretName + ")",
                    progress,
                    userError: true);
            }

            // 2. ServiceAccount: created if absent, reused as it is otherwise.
            var account = request.Rbac.ServiceAccount;
            Step("ServiceAccount " + account.Namespace + "/" + account.Name);
            progress.Add(await CreateOrReuseAsync(account, progress, cancellation).ConfigureAwait(false), account);

            // 3. Namespaces the Roles live in (least privilege with CreateNamespace=true): created if absent, reused
            // as they are; then roles and bindings: created, or overwritten when different.
            foreach (var ns in request.Rbac.NamespaceObjects)
            {
                // Reported, but never rolled back: a namespace may hold more than this registration put there.
                Step(ns.ToString());
                progress.Add(await CreateOrReuseAsync(ns, progress, cancellation).ConfigureAwait(false));
            }

            foreach (var rbac in request.Rbac.RbacObjects)
            {
                Step(rbac.ToString());
                progress.Add(await CreateOrOverwriteAsync(rbac, progress, cancellation).ConfigureAwait(false), rbac);
            }

            // 4. The long-lived token Secret, then the bounded wait for the token controller.
            var tokenSecret = request.Rbac.TokenSecret;
            Step("Secret " + tokenSecret.Namespace + "/" + tokenSecret.Name);
            progress.Add(await CreateOrReuseAsync(tokenSecret, progress, cancellation).ConfigureAwait(false), tokenSecret);
            Step("waiting for the token controller to fill " + tokenSecret.Namespace + "/" + tokenSecret.Name);
            var token = await WaitForTokenAsync(tokenSecret, request.TokenTimeout, request.TokenPollInterval, cancellation).ConfigureAwait(false);

            // 5. The hub Secret.
            Step("cluster Secret " + hub.ArgoCdNamespace + "/" + secretName + " on the hub");
            var desired = Desired(request, name, server, secretName, token);
            ObjectOutcome hubOutcome;
            existing = await hub.Objects.GetAsync(ResourceType.Secret, hub.ArgoCdNamespace, secretName, cancellation).ConfigureAwait(false);
            if (existing is not null && SameData(existing, desired) && ContainsMetadata(existing, desired))
            {
                hubOutcome = ObjectOutcome.Unchanged;
            }
            else if (existing is not null && !request.Upsert)
            {
                throw new ClusterRegistrationException(
                    "the hub's cluster Secret " + hub.ArgoCdNamespace + "/" + secretName + " holds other credentials; re-run with --upsert to replace them",
                    progress,
                    userError: true);
            }
            else
            {
                progress.HubSecretPending = true;
                var (applied, created) = await hub.Objects.ApplyAsync(ResourceType.Secret, hub.ArgoCdNamespace, secretName, desired, FieldManager, force: true, dryRun: false, cancellation).ConfigureAwait(false);
                hubOutcome = created ? ObjectOutcome.Created : ObjectOutcome.Updated;
                progress.HubSecretPending = false;
                await DropStaleKeysAsync(applied, desired, secretName, cancellation).ConfigureAwait(false);
            }

            progress.Add(new ObjectResult(secretRef, hubOutcome));
            progress.Step = null;
            return new ClusterRegistrationResult(name, server, secretName, progress.Done, hubOutcome);
        }
        catch (ClusterRegistrationException)
        {
            throw;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Ctrl+C: the caller says what was created and how to remove it (or removes it).
            throw new ClusterRegistrationException("cancelled" + (progress.Step is null ? string.Empty : " during: " + progress.Step), progress, userError: false, cancelled: true);
        }
        catch (Exception e)
        {
            if (e is UserInputException) throw;
            throw new ClusterRegistrationException(KubeErrors.DescribeWithRequest(e), progress, userError: false);
        }
    }

    /// <summary>
    /// Removes what a cancelled or failed run created, newest first: the spoke objects it created (and one whose
    /// create was under way, if it exists now), and the hub Secret when the hub had none before and its write was
    /// under way. Objects that existed before the run are never touched.
    /// </summary>
    public async Task<IReadOnlyList<ObjectResult>> RollbackAsync(RegistrationProgress progress, CancellationToken cancellation)
    {
        var results = new List<ObjectResult>();
        if (progress.HubSecretPending && progress.HubSecretWasAbsent && progress.HubSecretName is { } secretName)
        {
            results.Add(await DeleteAsync(hub.Objects, ResourceType.Secret, hub.ArgoCdNamespace, secretName, ResourceType.Secret.Describe(hub.ArgoCdNamespace, secretName) + " (hub)", cancellation).ConfigureAwait(false));
        }

        var created = progress.CreatedOnSpoke.ToList();
        if (progress.PendingCreate is { } pending) created.Add(pending);
        foreach (var item in Enumerable.Reverse(created))
        {
            results.Add(await DeleteAsync(spoke, item.Type, item.Namespace, item.Name, item.ToString(), cancellation).ConfigureAwait(false));
        }

        return results;
    }

    private static async Task<ObjectResult> DeleteAsync(KubeObjectClient client, ResourceType type, string? ns, string name, string description, CancellationToken cancellation)
    {
        try
        {
            var deleted = await client.DeleteAsync(type, ns, name, dryRun: false, cancellation).ConfigureAwait(false);
            return new ObjectResult(description, deleted ? ObjectOutcome.Deleted : ObjectOutcome.NotFound);
        }
        catch (Exception e)
        {
            return new ObjectResult(description, ObjectOutcome.Failed, e is OperationCanceledException ? "timed out" : KubeErrors.Describe(e));
        }
    }

    /// <summary>
    /// Removes what <see cref="RegisterAsync"/> created on the spoke: bindings, roles, the token Secret and the
    /// ServiceAccount, each reported (a missing object is fine).
    /// </summary>
    public static async Task<IReadOnlyList<ObjectResult>> RemoveSpokeObjectsAsync(KubeObjectClient spoke, SpokeRbac rbac, CancellationToken cancellation)
    {
        var results = new List<ObjectResult>();
        var order = rbac.RbacObjects.Where(o => o.Type == ResourceType.ClusterRoleBinding || o.Type == ResourceType.RoleBinding)
            .Concat(rbac.RbacObjects.Where(o => o.Type != ResourceType.ClusterRoleBinding && o.Type != ResourceType.RoleBinding))
            .Append(rbac.TokenSecret)
            .Append(rbac.ServiceAccount);
        foreach (var item in order)
        {
            try
            {
                var deleted = await spoke.DeleteAsync(item.Type, item.Namespace, item.Name, dryRun: false, cancellation).ConfigureAwait(false);
                results.Add(new ObjectResult(item.ToString(), deleted ? ObjectOutcome.Deleted : ObjectOutcome.NotFound));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
            {
                results.Add(new ObjectResult(item.ToString(), ObjectOutcome.Failed, KubeErrors.Describe(e)));
            }
        }

        return results;
    }

    /// <summary>The hub Secret as Argo CD's API writes it (token null: everything but the credentials).</summary>
    public JsonObject Desired(ClusterRegistrationRequest request, string name, string server, string secretName, Secret token)
    {
        var spokeContext = request.Spoke;
        var useCertificate = spokeContext.HasClientCertificate;
        var credentials = new ClusterCredentials
        {
            // As argocd cluster add: the token only when the kubeconfig has no client certificate and key.
            BearerToken = useCertificate ? default : token,
            CertPem = useCertificate ? spokeContext.ClientCertificatePem : null,
            KeyPem = useCertificate ? spokeContext.ClientKeyPem : default,
            CaPem = spokeContext.CertificateAuthorityPem,
            ServerName = spokeContext.TlsServerName,
            Insecure = request.InsecureSkipTlsVerify,
        };
        var cluster = new ClusterModel(name, name, server,
            request.Labels.Select(l => new StringPair(l.Key, l.Value)).ToEquatableArray(),
            request.Annotations.Select(a => new StringPair(a.Key, a.Value)).ToEquatableArray(),
            request.Project, request.Rbac.Namespaces.ToEquatableArray(), request.ClusterResources || request.Rbac.ClusterResources, request.InsecureSkipTlsVerify);
        return (JsonObject)Output.JsonConvert.From(ClusterSecretManifest.BuildRegistered(cluster, hub.ArgoCdNamespace, credentials.ToConfigJson(), request.Shard))!;
    }

    // An upsert replaces the cluster as Argo CD's does: cluster keys someone else wrote (e.g. namespaces from an
    // earlier argocd cluster add) go, unless hubdsl apply declares them (the project owns those).
    private async Task DropStaleKeysAsync(JsonObject applied, JsonObject desired, string secretName, CancellationToken cancellation)
    {
        var wanted = JsonYaml.Map(desired, "data");
        var ownedByApply = (applied["metadata"]?["managedFields"] as JsonArray ?? new JsonArray())
            .OfType<JsonObject>()
            .Where(m => JsonYaml.Text(m, "manager") is { } manager && (FleetOwnership.FleetOfManager(manager) is not null || manager == FleetOwnership.LegacyFieldManager))
            .SelectMany(m => (m["fieldsV1"]?["f:data"] as JsonObject)?.Select(p => p.Key.StartsWith("f:", StringComparison.Ordinal) ? p.Key.Substring(2) : p.Key) ?? Enumerable.Empty<string>())
            .ToHashSet(StringComparer.Ordinal);
        var stale = JsonYaml.Map(applied, "data").Keys
            .Where(k => k is "namespaces" or "clusterResources" or "project" or "shard" && !wanted.ContainsKey(k) && !ownedByApply.Contains(k))
            .ToList();
        if (stale.Count == 0) return;
        var nulls = new JsonObject();
        foreach (var key in stale) nulls[key] = null;
        await hub.Objects.MergePatchAsync(ResourceType.Secret, hub.ArgoCdNamespace, secretName, new JsonObject { ["data"] = nulls }, FieldManager, cancellation).ConfigureAwait(false);
    }

    private async Task<ObjectResult> CreateOrReuseAsync(SpokeObject item, RegistrationProgress progress, CancellationToken cancellation)
    {
        if (await spoke.GetAsync(item.Type, item.Namespace, item.Name, cancellation).ConfigureAwait(false) is not null)
        {
            return new ObjectResult(item.ToString(), ObjectOutcome.Unchanged);
        }

        progress.PendingCreate = item;
        try
        {
            await spoke.CreateAsync(item.Type, item.Namespace, item.Manifest, FieldManager, cancellation).ConfigureAwait(false);
            return new ObjectResult(item.ToString(), ObjectOutcome.Created);
        }
        catch (k8s.Autorest.HttpOperationException e) when ((int)e.Response.StatusCode == 409 && KubeErrors.Reason(e) == "AlreadyExists")
        {
            return new ObjectResult(item.ToString(), ObjectOutcome.Unchanged); // created concurrently: reuse it
        }
    }

    private Task<ObjectResult> CreateOrOverwriteAsync(SpokeObject item, RegistrationProgress progress, CancellationToken cancellation) =>
        spoke.Retry.ExecuteAsync(
            async ct =>
            {
                var live = await spoke.GetAsync(item.Type, item.Namespace, item.Name, ct).ConfigureAwait(false);
                if (live is null)
                {
                    progress.PendingCreate = item;
                    try
                    {
                        await spoke.CreateAsync(item.Type, item.Namespace, item.Manifest, FieldManager, ct).ConfigureAwait(false);
                        return new ObjectResult(item.ToString(), ObjectOutcome.Created);
                    }
                    catch (k8s.Autorest.HttpOperationException e) when ((int)e.Response.StatusCode == 409 && KubeErrors.Reason(e) == "AlreadyExists")
                    {
                        // Created concurrently: overwrite it below.
                    }

                    live = await spoke.GetAsync(item.Type, item.Namespace, item.Name, ct).ConfigureAwait(false)
                        ?? throw new InvalidOperationException(item + " was deleted while being created");
                }

                var wanted = (JsonObject)live.DeepClone();
                foreach (var field in item.Manifest.Where(p => p.Key is not ("apiVersion" or "kind" or "metadata")))
                {
                    wanted[field.Key] = field.Value?.DeepClone();
                }

                if (JsonNode.DeepEquals(wanted, live)) return new ObjectResult(item.ToString(), ObjectOutcome.Unchanged);
                await spoke.ReplaceOnceAsync(item.Type, item.Namespace, item.Name, wanted, FieldManager, ct).ConfigureAwait(false);
                return new ObjectResult(item.ToString(), ObjectOutcome.Updated);
            },
            cancellation);

    private async Task<Secret> WaitForTokenAsync(SpokeObject tokenSecret, TimeSpan timeout, TimeSpan interval, CancellationToken cancellation)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var secret = await spoke.GetAsync(tokenSecret.Type, tokenSecret.Namespace, tokenSecret.Name, cancellation).ConfigureAwait(false);
            if (secret is null) throw new InvalidOperationException("Secret " + tokenSecret.Namespace + "/" + tokenSecret.Name + " disappeared while waiting for its token");
            if (JsonYaml.Text(secret, "data", "token") is { Length: > 0 } encoded)
            {
                return new Secret(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new TimeoutException("timed out after " + timeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " s waiting for the token controller to fill Secret " + tokenSecret.Namespace + "/" + tokenSecret.Name + " (is the spoke's kube-controller-manager running?)");
            }

            await Task.Delay(interval, cancellation).ConfigureAwait(false);
        }
    }

    private static bool SameExceptToken(JsonObject existing, JsonObject desired)
    {
        if (!ContainsMetadata(existing, desired)) return false;
        var have = JsonYaml.Map(existing, "data");
        var want = JsonYaml.Map(desired, "data");
        if (!have.Keys.OrderBy(k => k, StringComparer.Ordinal).SequenceEqual(want.Keys.OrderBy(k => k, StringComparer.Ordinal))) return false;
        foreach (var key in want.Keys.Where(k => k != "config"))
        {
            if (have[key] != want[key]) return false;
        }

        return ConfigWithoutToken(have["config"]) == ConfigWithoutToken(want["config"]);
    }

    private static string? ConfigWithoutToken(string base64)
    {
        try
        {
            var config = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64))) as JsonObject;
            config?.Remove("bearerToken");
            return config?.ToJsonString();
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static bool SameData(JsonObject existing, JsonObject desired)
    {
        var have = JsonYaml.Map(existing, "data");
        var want = JsonYaml.Map(desired, "data");
        return have.Count == want.Count && want.All(p => have.TryGetValue(p.Key, out var v) && v == p.Value);
    }

    private static bool ContainsMetadata(JsonObject existing, JsonObject desired)
    {
        foreach (var part in new[] { "labels", "annotations" })
        {
            var have = JsonYaml.Map(existing, "metadata", part);
            if (JsonYaml.Map(desired, "metadata", part).Any(p => !have.TryGetValue(p.Key, out var v) || v != p.Value)) return false;
        }

        return true;
    }

    private static string? Decoded(JsonObject secret, string key) =>
        JsonYaml.Text(secret, "data", key) is { } value ? Encoding.UTF8.GetString(Convert.FromBase64String(value)) : null;
}
