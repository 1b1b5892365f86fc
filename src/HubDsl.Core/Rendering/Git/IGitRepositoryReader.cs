namespace HubDsl.Core.Rendering.Git;

/// <summary>
/// Finds the local repository that stands for a <c>repoURL</c>: what HubDsl reads instead of Argo CD's
/// repo-server clone. The CLI supplies one backed by the <c>git</c> command; tests can supply one in memory.
/// </summary>
public interface IGitRepositoryReader
{
    /// <summary>The repository for <paramref name="repoUrl"/>.</summary>
    /// <exception cref="GitRepositoryException">There is none (reason <see cref="RenderErrorReasons.OfflineUnsupported"/>), or it cannot be opened.</exception>
    IGitRepository Open(string repoUrl);
}
