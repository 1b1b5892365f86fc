using System.Collections.Generic;

namespace HubDsl.Core.Rendering.Git;

/// <summary>One repository, read at a revision: its refs (as the remote would advertise them) and commits.</summary>
public interface IGitRepository
{
    /// <summary>Where it is read from, for messages ("the bare repository /srv/apps.git").</summary>
    string Location { get; }

    /// <summary>The refs <c>git ls-remote</c> would list: <c>HEAD</c> (usually symbolic) first, then by name.</summary>
    /// <exception cref="GitRepositoryException">The refs cannot be read.</exception>
    IReadOnlyList<GitRef> Refs { get; }

    /// <summary>The full SHA of the commit a full or abbreviated hex SHA names, or null when there is no such (unique) commit.</summary>
    /// <exception cref="GitRepositoryException">The repository cannot be read.</exception>
    string? FindCommit(string hexPrefix);

    /// <summary>The tracked files of a commit, as a checkout of it would hold them.</summary>
    /// <exception cref="GitRepositoryException">The commit cannot be read, or is larger than the reader's limits.</exception>
    GitSnapshot ReadCommit(string commit);
}
