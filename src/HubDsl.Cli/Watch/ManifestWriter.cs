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
        using var prepared = Prepare(project, manifests, verified, cancellation);
        return prepared.Commit();
    }

    /// <summary>Takes the output root's lock and plans the write; nothing changes on disk until <see cref="PreparedWrite.Commit"/>.</summary>
    public static PreparedWrite Prepare(LoadedProject project, IReadOnlyList<GeneratedManifest> manifests, VerifiedFiles? verified, CancellationToken cancellation)
    {
        var root = project.Settings.OutputRoot!;
        if (File.Exists(root)) return PreparedWrite.Refused(WriteResult.Refused([new SyncMessage(SyncCodes.IoFailure, null, "HubDslOutputPath '" + root + "' is a file, not a folder; set HubDslOutputPath to the folder the manifests go in (or 'none' to write none)")]));
        OutputLock? writer;
        try
        {
            writer = OutputLock.TryAcquire(root, LockTimeout, cancellation);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return PreparedWrite.Refused(WriteResult.Refused([new SyncMessage(SyncCodes.IoFailure, null, "could not create the lock file " + OutputLock.PathFor(root) + ": " + e.Message)]));
        }

        if (writer is null) return PreparedWrite.Refused(WriteResult.Refused([new SyncMessage(SyncCodes.IoFailure, null, "another writer (a dotnet build or another hubdsl watch) held " + root + " for " + LockTimeout.TotalSeconds + " s")]));
        try
        {
            var files = manifests.Select(m => WantedFile.Generated(m.Path, m.Content)).ToList();
            return PreparedWrite.Planned(writer, SyncPlanner.Plan(new SyncRequest(root, project.ProjectName, project.ProjectFile, files) { AdoptExisting = project.Settings.AdoptExisting, Verified = verified }));
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }
}
