using HubDsl.FileSync;

namespace HubDsl.Cli.Watch;

/// <summary>
/// Writes a pass's manifests exactly as the build task does, through the one file sync (HubDsl.FileSync): the
/// same plan (the project's record, ownership, links, other projects' claims), applied all or none, under the
/// output root's <see cref="OutputLock"/> so a <c>dotnet build</c> writing the same root waits for it (and it for
/// the build).
/// </summary>
internal static class ManifestWriter
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Writes the manifests; <paramref name="verified"/> carries what earlier passes found in the files, so unchanged ones are not read again.</summary>
    public static WriteResult Write(LoadedProject project, IReadOnlyList<GeneratedManifest> manifests, VerifiedFiles? verified, CancellationToken cancellation)
    {
        var root = project.Settings.OutputRoot!;
        if (File.Exists(root)) return WriteResult.Refused([new SyncMessage(SyncCodes.IoFailure, null, "HubDslOutputPath '" + root + "' is a file, not a folder; set HubDslOutputPath to the folder the manifests go in (or 'none' to write none)")]);
        OutputLock? writer;
        try
        {
            writer = OutputLock.TryAcquire(root, LockTimeout, cancellation);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return WriteResult.Refused([new SyncMessage(SyncCodes.IoFailure, null, "could not create the lock file " + OutputLock.PathFor(root) + ": " + e.Message)]);
        }

        if (writer is null) return WriteResult.Refused([new SyncMessage(SyncCodes.IoFailure, null, "another writer (a dotnet build or another hubdsl watch) held " + root + " for " + LockTimeout.TotalSeconds + " s")]);
        using (writer)
        {
            var files = manifests.Select(m => WantedFile.Generated(m.Path, m.Content)).ToList();
            var plan = SyncPlanner.Plan(new SyncRequest(root, project.ProjectName, project.ProjectFile, files) { AdoptExisting = project.Settings.AdoptExisting, Verified = verified });
            if (plan.Problems.Count > 0) return WriteResult.Refused(plan.Problems, plan.Warnings);
            var outcome = SyncApplier.Apply(plan);
            var warnings = plan.Warnings.Concat(outcome.Warnings).ToList();
            if (!outcome.Succeeded) return WriteResult.Refused([new SyncMessage(SyncCodes.IoFailure, null, outcome.Failure ?? "the sync failed")], warnings);
            return new WriteResult(true, outcome.Written.Select(w => w.Path).ToList(), outcome.Deleted.Where(d => d != plan.RecordPath).ToList(), [], warnings);
        }
    }
}
