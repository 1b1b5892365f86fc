using System.Text.Json.Nodes;

namespace HubDsl.Cli.Runtime.Registration;

/// <summary>
/// Puts a <see cref="SpokeRbac"/> on a spoke and takes it off again. The ServiceAccount, its token Secret and the
/// Namespaces are created when absent and reused as they are; roles and bindings are created, or overwritten when
/// different. Each create is recorded in the run's <see cref="RegistrationProgress"/> before it is sent, so a
/// rollback knows what may exist.
/// </summary>
public sealed class SpokeRbacInstaller
{
    private readonly KubeObjectClient _spoke;

    /// <summary>Creates an installer for one spoke.</summary>
    public SpokeRbacInstaller(KubeObjectClient spoke) => _spoke = spoke;

    /// <summary>The ServiceAccount, the Namespaces, the roles and bindings, then the token Secret, in that order.</summary>
    public async Task InstallAsync(SpokeRbac rbac, RegistrationProgress progress, CancellationToken cancellation)
    {
        var account = rbac.ServiceAccount;
        progress.Begin("ServiceAccount " + account.Namespace + "/" + account.Name);
        progress.Add(await CreateOrReuseAsync(account, progress, cancellation).ConfigureAwait(false), account);

        // Namespaces the Roles live in (least privilege with CreateNamespace=true); then roles and bindings.
        foreach (var ns in rbac.NamespaceObjects)
        {
            // Reported, but never rolled back: a namespace may hold more than this registration put there.
            progress.Begin(ns.ToString());
            progress.Add(await CreateOrReuseAsync(ns, progress, cancellation).ConfigureAwait(false));
        }

        foreach (var item in rbac.RbacObjects)
        {
            progress.Begin(item.ToString());
            progress.Add(await CreateOrOverwriteAsync(item, progress, cancellation).ConfigureAwait(false), item);
        }

        var tokenSecret = rbac.TokenSecret;
        progress.Begin("Secret " + tokenSecret.Namespace + "/" + tokenSecret.Name);
        progress.Add(await CreateOrReuseAsync(tokenSecret, progress, cancellation).ConfigureAwait(false), tokenSecret);
    }

    /// <summary>
    /// Removes what <see cref="InstallAsync"/> created: bindings, roles, the token Secret and the ServiceAccount, each
    /// reported (a missing object is fine). Namespaces stay: they hold the fleet's workloads.
    /// </summary>
    public async Task<IReadOnlyList<ObjectResult>> RemoveAsync(SpokeRbac rbac, CancellationToken cancellation)
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
                var deleted = await _spoke.DeleteAsync(item.Type, item.Namespace, item.Name, dryRun: false, cancellation).ConfigureAwait(false);
                results.Add(new ObjectResult(item.ToString(), deleted ? ObjectOutcome.Deleted : ObjectOutcome.NotFound));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
            {
                results.Add(new ObjectResult(item.ToString(), ObjectOutcome.Failed, KubeErrors.Describe(e)));
            }
        }

        return results;
    }

    /// <summary>Creates the object when absent; an existing one (or one created concurrently) is reused as it is.</summary>
    public async Task<ObjectResult> CreateOrReuseAsync(SpokeObject item, RegistrationProgress progress, CancellationToken cancellation)
    {
        if (await _spoke.GetAsync(item.Type, item.Namespace, item.Name, cancellation).ConfigureAwait(false) is not null)
        {
            return new ObjectResult(item.ToString(), ObjectOutcome.Unchanged);
        }

        progress.PendingCreate = item;
        try
        {
            await _spoke.CreateAsync(item.Type, item.Namespace, item.Manifest, ClusterFieldManager.Name, cancellation).ConfigureAwait(false);
            return new ObjectResult(item.ToString(), ObjectOutcome.Created);
        }
        catch (k8s.Autorest.HttpOperationException e) when (IsAlreadyExists(e))
        {
            return new ObjectResult(item.ToString(), ObjectOutcome.Unchanged); // created concurrently: reuse it
        }
    }

    /// <summary>Creates the object when absent, or overwrites everything but its metadata when it differs.</summary>
    public Task<ObjectResult> CreateOrOverwriteAsync(SpokeObject item, RegistrationProgress progress, CancellationToken cancellation) =>
        _spoke.Retry.ExecuteAsync(
            async ct =>
            {
                var live = await _spoke.GetAsync(item.Type, item.Namespace, item.Name, ct).ConfigureAwait(false);
                if (live is null)
                {
                    progress.PendingCreate = item;
                    try
                    {
                        await _spoke.CreateAsync(item.Type, item.Namespace, item.Manifest, ClusterFieldManager.Name, ct).ConfigureAwait(false);
                        return new ObjectResult(item.ToString(), ObjectOutcome.Created);
                    }
                    catch (k8s.Autorest.HttpOperationException e) when (IsAlreadyExists(e))
                    {
                        // Created concurrently: overwrite it below.
                    }

                    live = await _spoke.GetAsync(item.Type, item.Namespace, item.Name, ct).ConfigureAwait(false)
                        ?? throw new InvalidOperationException(item + " was deleted while being created");
                }

                var wanted = (JsonObject)live.DeepClone();
                foreach (var field in item.Manifest.Where(p => p.Key is not ("apiVersion" or "kind" or "metadata")))
                {
                    wanted[field.Key] = field.Value?.DeepClone();
                }

                if (JsonNode.DeepEquals(wanted, live)) return new ObjectResult(item.ToString(), ObjectOutcome.Unchanged);
                await _spoke.ReplaceOnceAsync(item.Type, item.Namespace, item.Name, wanted, ClusterFieldManager.Name, ct).ConfigureAwait(false);
                return new ObjectResult(item.ToString(), ObjectOutcome.Updated);
            },
            cancellation);

    private static bool IsAlreadyExists(k8s.Autorest.HttpOperationException e) => (int)e.Response.StatusCode == 409 && KubeErrors.Reason(e) == "AlreadyExists";
}
