namespace HubDsl.Core.Rendering.Git;

/// <summary>How <see cref="GitRepoServer"/> imitates Argo CD's repo-server and ApplicationSet controller settings, and its limits.</summary>
public sealed class GitRepoServerOptions
{
    /// <summary>
    /// The controller's <c>--enable-new-git-file-globbing</c> (default false): file patterns are doublestar globs
    /// over the checkout instead of <c>git ls-files</c> pathspecs.
    /// </summary>
    public bool NewGitFileGlobbing { get; set; }

    /// <summary>The repo-server's <c>--include-hidden-directories</c> (default false): list directories whose name starts with '.'.</summary>
    public bool IncludeHiddenDirectories { get; set; }

    /// <summary>Files one pattern may select (Argo CD has no limit; 10,000 Applications is HubDsl's limit anyway).</summary>
    public int MaxFilesPerPattern { get; set; } = 10_000;

    /// <summary>Bytes of file content one render may read from all repositories together.</summary>
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;
}
