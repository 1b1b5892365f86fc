using System.Collections.Generic;

namespace HubDsl.FileSync;

/// <summary>
/// What a sync would do, decided before anything is touched. Paths are relative to <see cref="Root"/> with '/'
/// separators. When <see cref="Problems"/> is not empty, nothing may be written.
/// </summary>
public sealed class SyncPlan
{
    internal SyncPlan(OutputRoot root, string recordPath)
    {
        Root = root;
        RecordPath = recordPath;
    }

    /// <summary>The output root.</summary>
    public OutputRoot Root { get; }

    /// <summary>This project's record, relative to the root.</summary>
    public string RecordPath { get; }

    /// <summary>Every path the project generates, sorted.</summary>
    public List<string> Generated { get; } = new();

    /// <summary>Files to write (new, changed, or taken over).</summary>
    public List<PlannedWrite> Writes { get; } = new();

    /// <summary>Generated files already up to date.</summary>
    public List<string> Unchanged { get; } = new();

    /// <summary>Recorded files no longer generated that still have the recorded content: deleted.</summary>
    public List<string> Deletes { get; } = new();

    /// <summary>Recorded files no longer generated that changed since (or became links): left in place and forgotten.</summary>
    public List<string> StaleLeft { get; } = new();

    /// <summary>Reasons the sync must not happen; each names its file.</summary>
    public List<SyncMessage> Problems { get; } = new();

    /// <summary>Things the user should know that do not stop the sync.</summary>
    public List<SyncMessage> Warnings { get; } = new();

    /// <summary>The record after the sync, or null when the project generates nothing (the record is then removed).</summary>
    public string? RecordText { get; internal set; }

    /// <summary>Whether the record on disk already has <see cref="RecordText"/> (or is absent and none is needed).</summary>
    public bool RecordUpToDate { get; internal set; }

    /// <summary>Whether a record existed before.</summary>
    public bool RecordExists { get; internal set; }
}

/// <summary>One file to write, and why.</summary>
public sealed record PlannedWrite(string Path, string Content, WriteReason Reason);

/// <summary>Why a file is written.</summary>
public enum WriteReason
{
    /// <summary>It does not exist yet.</summary>
    New,
    /// <summary>The build wrote it before, and the declarations now generate other content.</summary>
    Changed,
    /// <summary>It existed without being in the record: written by an earlier HubDsl version for the same declaration, or adopted on request.</summary>
    Adopted,
}
