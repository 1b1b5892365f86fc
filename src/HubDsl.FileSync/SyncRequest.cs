using System.Collections.Generic;

namespace HubDsl.FileSync;

/// <summary>What one project's build wants under an output root.</summary>
/// <param name="OutputRoot">The folder generated paths are relative to.</param>
/// <param name="ProjectName">The project's name: its record is <c>.hubdsl/&lt;ProjectName&gt;.files</c>.</param>
/// <param name="ProjectFile">The project file's path; the record names it relative to the root, so two projects are told apart.</param>
/// <param name="Files">Every file the project generates.</param>
public sealed record SyncRequest(string OutputRoot, string ProjectName, string ProjectFile, IReadOnlyList<WantedFile> Files)
{
    /// <summary>Take over existing files the build did not write (HubDslAdoptExisting=true) instead of refusing to overwrite them.</summary>
    public bool AdoptExisting { get; init; }

    /// <summary>What earlier plans of a long-lived writer found in its files (<c>hubdsl watch</c>); null reads every file.</summary>
    public VerifiedFiles? Verified { get; init; }
}
