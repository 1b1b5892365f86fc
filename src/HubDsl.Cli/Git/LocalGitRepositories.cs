using HubDsl.Core.Rendering;
using HubDsl.Core.Rendering.Git;

namespace HubDsl.Cli.Git;

/// <summary>
/// <c>--repo URL=DIR</c> and <c>--repo-default DIR</c>: which local repository stands for a Git generator's
/// <c>repoURL</c>. URLs are compared as Argo CD compares them (<see cref="GitUrl.Same"/>); the first matching
/// <c>--repo</c> wins, then the default. A URL with no local copy is <see cref="RenderErrorReasons.OfflineUnsupported"/>.
/// </summary>
internal sealed class LocalGitRepositories : IGitRepositoryReader, IDisposable
{
    private readonly IReadOnlyList<(string Url, string Directory)> mappings;
    private readonly string? defaultDirectory;
    private readonly bool worktree;
    private readonly Dictionary<string, LocalGitRepository> open = new(StringComparer.Ordinal);

    /// <summary>Checks every folder now, so a wrong one is reported before anything renders.</summary>
    /// <exception cref="UserInputException">A folder is not a repository HubDsl can read.</exception>
    public LocalGitRepositories(IReadOnlyList<(string Url, string Directory)> mappings, string? defaultDirectory, bool worktree)
    {
        this.mappings = mappings;
        this.defaultDirectory = defaultDirectory;
        this.worktree = worktree;
        foreach (var (url, directory) in mappings) Check(directory, "--repo " + url + "=" + directory);
        if (defaultDirectory is not null) Check(defaultDirectory, "--repo-default");
    }

    public IGitRepository Open(string repoUrl)
    {
        string? directory = null;
        string option = "--repo-default";
        foreach (var (url, dir) in mappings)
        {
            if (GitUrl.Same(url, repoUrl))
            {
                directory = dir;
                option = "--repo " + url + "=" + dir;
                break;
            }
        }

        directory ??= defaultDirectory;
        if (directory is null) throw new GitRepositoryException(RenderErrorReasons.OfflineUnsupported, NoCopy(repoUrl));
        var key = directory + "\n" + repoUrl;
        if (!open.TryGetValue(key, out var repository))
        {
            try
            {
                repository = LocalGitRepository.Open(directory, option, worktree, repoUrl);
            }
            catch (UserInputException e)
            {
                // Checked when the options were read; it changed since (the renderer reports, it never throws).
                throw new GitRepositoryException(RenderErrorReasons.OfflineUnsupported, e.Message);
            }

            open[key] = repository;
        }

        return repository;
    }

    public void Dispose()
    {
        foreach (var repository in open.Values) repository.Dispose();
        open.Clear();
    }

    private void Check(string directory, string option)
    {
        var (_, workTree) = LocalGitRepository.Locate(directory, option);
        if (worktree && workTree is null) throw new UserInputException(option + ": '" + directory + "' is a bare repository, which has no working tree for --worktree to read; give a working clone, or leave --worktree out");
    }

    private string NoCopy(string repoUrl)
    {
        var message = "no local copy of the repository '" + repoUrl + "' was given: pass --repo " + repoUrl + "=DIR (a clone of it, or a bare repository) or --repo-default DIR";
        // Argo CD keeps a trailing slash (util/git/git.go NormalizeGitURL): say so when it is the only difference.
        foreach (var (url, _) in mappings)
        {
            if (GitUrl.Same(url.TrimEnd('/'), repoUrl.TrimEnd('/')))
            {
                return message + " (--repo " + url + " differs from it by a trailing '/', which Argo CD counts as a different repository URL)";
            }
        }

        return message;
    }
}
