using System.Collections.Generic;

namespace HubDsl.Core.Rendering.Git;

/// <summary>
/// What the Git generator asks of a repository (Argo CD's applicationset/services Repos, answered by its
/// repo-server): the directories of a revision, and the files one pattern selects. <see cref="GitRepoServer"/>
/// answers it from local repositories; a test can answer it directly, as Argo CD's own generator tests mock it.
/// </summary>
public interface IGitRepoService
{
    /// <summary>Every directory of the revision, relative to the root, in the order Go's filepath.WalkDir visits them.</summary>
    /// <exception cref="GitRepositoryException">The repository or revision cannot be read; the message is worded as Argo CD's services layer words it.</exception>
    IReadOnlyList<string> GetDirectories(string repoUrl, string revision);

    /// <summary>The files <paramref name="pattern"/> selects at the revision, by path, with their bytes.</summary>
    /// <exception cref="GitRepositoryException">The repository, revision or a file cannot be read; worded as Argo CD's services layer words it.</exception>
    IReadOnlyDictionary<string, byte[]> GetFiles(string repoUrl, string revision, string pattern);
}
