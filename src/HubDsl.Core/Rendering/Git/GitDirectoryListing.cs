using System.Collections.Generic;

namespace HubDsl.Core.Rendering.Git;

/// <summary>
/// The directories of a revision, plus the submodules whose content HubDsl does not read (Argo CD checks
/// submodules out, so directories inside them exist there and are missing here).
/// </summary>
public sealed class GitDirectoryListing : List<string>
{
    /// <summary>Creates a listing.</summary>
    public GitDirectoryListing(IEnumerable<string> directories, IReadOnlyList<string> submodules)
        : base(directories)
    {
        Submodules = submodules;
    }

    /// <summary>Submodule paths (listed as directories themselves; what is below them is unknown).</summary>
    public IReadOnlyList<string> Submodules { get; }
}
