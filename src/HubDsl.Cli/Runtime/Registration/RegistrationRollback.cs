namespace HubDsl.Cli.Runtime.Registration;

/// <summary>
/// Removes what a cancelled or failed registration created, newest first: the spoke objects it created (and one
/// whose create was under way, if it exists now), and the hub Secret when the hub had none before and its write was
/// under way. Objects that existed before the run are never touched.
/// </summary>
public sealed class RegistrationRollback
{
    private readonly HubClient _hub;
    private readonly KubeObjectClient _spoke;

    /// <summary>Creates a rollback for one hub and one spoke.</summary>
    public RegistrationRollback(HubClient hub, KubeObjectClient spoke)
    {
        _hub = hub;
        _spoke = spoke;
    }

    /// <summary>Undoes the run recorded in <paramref name="progress"/>; each object is reported, a failure included.</summary>
    public async Task<IReadOnlyList<ObjectResult>> UndoAsync(RegistrationProgress progress, CancellationToken cancellation)
    {
        var results = new List<ObjectResult>();
        if (progress.HubSecretPending && progress.HubSecretWasAbsent && progress.HubSecretName is { } secretName)
        {
            results.Add(await DeleteAsync(_hub.Objects, ResourceType.Secret, _hub.ArgoCdNamespace, secretName, ResourceType.Secret.Describe(_hub.ArgoCdNamespace, secretName) + " (hub)", cancellation).ConfigureAwait(false));
        }

        var created = progress.CreatedOnSpoke.ToList();
        if (progress.PendingCreate is { } pending) created.Add(pending);
        foreach (var item in Enumerable.Reverse(created))
        {
            results.Add(await DeleteAsync(_spoke, item.Type, item.Namespace, item.Name, item.ToString(), cancellation).ConfigureAwait(false));
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
}
