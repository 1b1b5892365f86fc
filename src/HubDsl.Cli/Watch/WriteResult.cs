using HubDsl.FileSync;

namespace HubDsl.Cli.Watch;

/// <summary>What a write did: the files written and deleted (paths under the root), or why nothing was written.</summary>
internal sealed record WriteResult(bool Succeeded, IReadOnlyList<string> Written, IReadOnlyList<string> Deleted, IReadOnlyList<SyncMessage> Problems, IReadOnlyList<SyncMessage> Warnings)
{
    public static WriteResult Refused(IReadOnlyList<SyncMessage> problems, IReadOnlyList<SyncMessage>? warnings = null) => new(false, [], [], problems, warnings ?? []);
}
