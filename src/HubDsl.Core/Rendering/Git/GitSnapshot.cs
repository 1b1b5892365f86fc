using System.Collections.Generic;

namespace HubDsl.Core.Rendering.Git;

/// <summary>What a path in a commit is: a file, a symbolic link (its content is the target), or a submodule.</summary>
public enum GitEntryKind
{
    /// <summary>A regular (or executable) file.</summary>
    File,

    /// <summary>A symbolic link; <see cref="GitSnapshot.Read"/> gives the link's target path.</summary>
    SymbolicLink,

    /// <summary>A submodule (a gitlink): a directory whose content is another repository.</summary>
    Submodule,
}

/// <summary>One tracked path of a commit.</summary>
public sealed class GitEntry
{
    /// <summary>Creates an entry.</summary>
    public GitEntry(string path, GitEntryKind kind, long size = 0)
    {
        Path = path;
        Kind = kind;
        Size = size;
    }

    /// <summary>The path from the repository root, '/'-separated, as git stores it.</summary>
    public string Path { get; }

    /// <summary>What the path is.</summary>
    public GitEntryKind Kind { get; }

    /// <summary>The size in bytes, when known (0 otherwise).</summary>
    public long Size { get; }
}

/// <summary>
/// The content of one commit (or of a working tree that stands for it): every tracked path, and the bytes of
/// a file or the target of a link. Directories are implied by the paths, as in a checkout (git stores no empty ones).
/// </summary>
public abstract class GitSnapshot
{
    /// <summary>The commit SHA the snapshot is of (for messages).</summary>
    public abstract string Commit { get; }

    /// <summary>Every tracked path: files, links and submodules.</summary>
    public abstract IReadOnlyList<GitEntry> Entries { get; }

    /// <summary>The bytes of a <see cref="GitEntryKind.File"/>, or the target of a <see cref="GitEntryKind.SymbolicLink"/>.</summary>
    /// <exception cref="GitRepositoryException">It cannot be read, or is larger than the reader's limits.</exception>
    public abstract byte[] Read(GitEntry entry);
}
