using System;
using System.Collections.Generic;
using System.Globalization;

namespace HubDsl.Core.Rendering.Git;

/// <summary>
/// Answers the Git generator from local repositories as Argo CD's repo-server answers it from its checkout
/// (reposerver/repository/repository.go GetGitDirectories, GetGitFiles; util/git/client.go LsFiles): the
/// revision resolved like <c>ls-remote</c>, directories listed as filepath.WalkDir lists a checkout (hidden ones
/// skipped), files selected by a <c>git ls-files</c> pathspec (or a doublestar glob with the new globbing) and
/// read as <c>os.ReadFile</c> reads them (links followed, inside the repository only). Errors are worded as the
/// controller reports them (applicationset/services/repo_service.go).
/// </summary>
public sealed class GitRepoServer : IGitRepoService
{
    /// <summary>Stands for the repo-server's temporary checkout folder in messages that name a path in it.</summary>
    public const string CheckoutRoot = "/tmp/_argocd-repo";

    private const int MaxLinkHops = 40; // Linux's limit on symbolic links followed in one lookup (ELOOP).

    private readonly IGitRepositoryReader reader;
    private readonly GitRepoServerOptions options;
    private readonly Dictionary<string, Checkout> checkouts = new(StringComparer.Ordinal);
    private long bytesRead;

    /// <summary>Creates a server over <paramref name="reader"/>'s repositories.</summary>
    public GitRepoServer(IGitRepositoryReader reader, GitRepoServerOptions? options = null)
    {
        this.reader = reader ?? throw new ArgumentNullException(nameof(reader));
        this.options = options ?? new GitRepoServerOptions();
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> GetDirectories(string repoUrl, string revision)
    {
        const string prefix = "error retrieving Git Directories: ";
        var checkout = Open(repoUrl, revision, prefix, null);
        var directories = new HashSet<string>(StringComparer.Ordinal);
        var submodules = new List<string>();
        foreach (var entry in checkout.Snapshot.Entries)
        {
            var path = entry.Path;
            for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1)) directories.Add(path.Substring(0, slash));
            if (entry.Kind == GitEntryKind.Submodule)
            {
                directories.Add(path);
                if (options.IncludeHiddenDirectories || !IsHidden(path)) submodules.Add(path);
            }
        }

        var listed = new List<string>();
        foreach (var directory in directories)
        {
            // A hidden directory is skipped with everything below it (filepath.SkipDir).
            if (options.IncludeHiddenDirectories || !IsHidden(directory)) listed.Add(directory);
        }

        listed.Sort(GitPaths.WalkOrder);
        return new GitDirectoryListing(listed, submodules);
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, byte[]> GetFiles(string repoUrl, string revision, string pattern)
    {
        const string prefix = "error retrieving Git files: ";
        if (pattern.Length == 0) pattern = ".";
        var checkout = Open(repoUrl, revision, prefix, pattern);
        var internalError = prefix + "rpc error: code = Internal desc = ";
        var where = "repo " + repoUrl + " with revision " + checkout.Snapshot.Commit + " pattern " + pattern + ": ";

        List<(string Path, bool IsDirectory)> selected;
        if (options.NewGitFileGlobbing)
        {
            selected = DoublestarGlob.Select(pattern, checkout.Snapshot.Entries, out var badPattern, out var escapes);
            if (badPattern) throw new GitRepositoryException(RenderErrorReasons.ApplicationGenerationFromParamsError, internalError + "unable to list files. " + where + "syntax error in pattern");
            if (escapes)
            {
                throw new GitRepositoryException(RenderErrorReasons.OfflineUnsupported, "git file pattern '" + pattern + "' in " + repoUrl +
                    " starts above the repository ('..'): with the new globbing Argo CD globs the repo-server's own folders there, which HubDsl cannot know");
            }
        }
        else
        {
            var spec = GitPathspec.Parse(pattern, CheckoutRoot, out var error, out var unsupported);
            if (unsupported is not null) throw new GitRepositoryException(RenderErrorReasons.OfflineUnsupported, "git file pattern '" + pattern + "' in " + repoUrl + ": " + unsupported);
            if (spec is null)
            {
                throw new GitRepositoryException(RenderErrorReasons.ApplicationGenerationFromParamsError, internalError + "unable to list files. " + where +
                    "`git ls-files --full-name -z -- " + pattern + "` failed exit status 128: fatal: " + error);
            }

            selected = new List<(string, bool)>();
            foreach (var entry in checkout.Snapshot.Entries)
            {
                var isDirectory = entry.Kind == GitEntryKind.Submodule;
                // A lone exclude pathspec keeps everything it does not name (pathspec.c adds "." for it).
                if (spec.Matches(entry.Path, isDirectory) != spec.IsExclude) selected.Add((entry.Path, isDirectory));
            }
        }

        if (selected.Count > options.MaxFilesPerPattern)
        {
            throw new GitRepositoryException(RenderErrorReasons.RenderLimitExceeded, "git file pattern '" + pattern + "' selects " + selected.Count.ToString(CultureInfo.InvariantCulture) +
                " files in " + repoUrl + "; HubDsl reads at most " + options.MaxFilesPerPattern.ToString(CultureInfo.InvariantCulture) + " per pattern (GitRepoServerOptions.MaxFilesPerPattern). Narrow the pattern.");
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (path, isDirectory) in selected)
        {
            if (isDirectory) throw ReadError(internalError, where, "read " + CheckoutRoot + "/" + path + ": is a directory");
            files[path] = ReadFile(checkout, path, internalError, where, repoUrl);
        }

        return files;
    }

    private static bool IsHidden(string path)
    {
        foreach (var segment in path.Split('/'))
        {
            if (segment.StartsWith(".", StringComparison.Ordinal)) return true;
        }

        return false;
    }

    private static GitRepositoryException ReadError(string internalError, string where, string detail) =>
        new(RenderErrorReasons.ApplicationGenerationFromParamsError, internalError + "unable to read files. " + where + detail);

    // The repository at the revision, once per repository URL and revision for this server's lifetime.
    private Checkout Open(string repoUrl, string revision, string prefix, string? pattern)
    {
        var key = repoUrl + "\n" + revision;
        if (checkouts.TryGetValue(key, out var cached)) return cached;
        var repository = reader.Open(repoUrl);
        var commit = GitRevisionResolver.Resolve(revision, repository.Refs, out var error);
        if (commit is null)
        {
            // The repo-server reports the resolved revision, which is "" when resolving failed.
            throw new GitRepositoryException(RenderErrorReasons.ApplicationGenerationFromParamsError, prefix + "rpc error: code = Internal desc = unable to resolve git revision : " + error +
                " (HubDsl resolved it in " + repository.Location + "; if the remote has it, fetch it there)");
        }

        var full = repository.FindCommit(commit);
        if (full is null)
        {
            throw new GitRepositoryException(RenderErrorReasons.ApplicationGenerationFromParamsError, prefix + "rpc error: code = Internal desc = unable to checkout git repo " + repoUrl +
                " with revision " + commit + (pattern is null ? string.Empty : " pattern " + pattern) + ": no commit " + commit + " in " + repository.Location + " (if the remote has it, fetch it there)");
        }

        var checkout = new Checkout(repository.ReadCommit(full));
        checkouts[key] = checkout;
        return checkout;
    }

    // os.ReadFile on the checkout: links are followed (relative to their folder), but never out of the repository.
    private byte[] ReadFile(Checkout checkout, string path, string internalError, string where, string repoUrl)
    {
        var resolved = path;
        for (var hops = 0; ; hops++)
        {
            if (hops > MaxLinkHops) throw ReadError(internalError, where, "open " + CheckoutRoot + "/" + path + ": too many levels of symbolic links");
            var step = checkout.Lookup(resolved, out var entry);
            switch (step)
            {
                case Checkout.Found.Missing:
                    throw ReadError(internalError, where, "open " + CheckoutRoot + "/" + path + ": no such file or directory");
                case Checkout.Found.Directory:
                    throw ReadError(internalError, where, "read " + CheckoutRoot + "/" + path + ": is a directory");
                case Checkout.Found.Entry when entry!.Kind == GitEntryKind.File:
                    var bytes = checkout.Snapshot.Read(entry);
                    bytesRead += bytes.Length;
                    if (bytesRead > options.MaxBytes)
                    {
                        throw new GitRepositoryException(RenderErrorReasons.RenderLimitExceeded, "the Git generators read more than " + options.MaxBytes.ToString(CultureInfo.InvariantCulture) +
                            " bytes of files (at " + path + " in " + repoUrl + "), HubDsl's limit (GitRepoServerOptions.MaxBytes). Narrow the file patterns.");
                    }

                    return bytes;
                case Checkout.Found.Entry when entry!.Kind == GitEntryKind.Submodule:
                    throw ReadError(internalError, where, "read " + CheckoutRoot + "/" + path + ": is a directory");
            }

            // A link (the entry itself, or a folder on the way to it): continue at its target.
            var target = System.Text.Encoding.UTF8.GetString(checkout.Snapshot.Read(entry!));
            var linkFolder = entry!.Path.LastIndexOf('/') is var slash && slash >= 0 ? entry.Path.Substring(0, slash + 1) : string.Empty;
            var remainder = resolved.Length > entry.Path.Length ? resolved.Substring(entry.Path.Length) : string.Empty;
            var next = target.StartsWith("/", StringComparison.Ordinal) ? null : GitPathspec.Normalize(linkFolder + target + remainder);
            if (next is null)
            {
                throw new GitRepositoryException(RenderErrorReasons.OfflineUnsupported, "the file " + path + " in " + repoUrl + " is a symbolic link to '" + target +
                    "', outside the repository: Argo CD's repo-server would read its own file system there, and HubDsl never reads outside the repository");
            }

            resolved = next.TrimEnd('/');
        }
    }

    private sealed class Checkout
    {
        private readonly Dictionary<string, GitEntry> entries = new(StringComparer.Ordinal);
        private readonly HashSet<string> directories = new(StringComparer.Ordinal);

        public Checkout(GitSnapshot snapshot)
        {
            Snapshot = snapshot;
            foreach (var entry in snapshot.Entries)
            {
                entries[entry.Path] = entry;
                for (var slash = entry.Path.IndexOf('/'); slash >= 0; slash = entry.Path.IndexOf('/', slash + 1)) directories.Add(entry.Path.Substring(0, slash));
            }
        }

        public enum Found
        {
            Missing,
            Directory,
            Entry,
        }

        public GitSnapshot Snapshot { get; }

        /// <summary>What a path is; a link on the way to it (a linked folder) is returned as the entry to follow.</summary>
        public Found Lookup(string path, out GitEntry? entry)
        {
            entry = null;
            if (path.Length == 0) return Found.Directory;
            for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
            {
                if (entries.TryGetValue(path.Substring(0, slash), out var onTheWay))
                {
                    if (onTheWay.Kind != GitEntryKind.SymbolicLink) return Found.Missing;
                    entry = onTheWay;
                    return Found.Entry;
                }
            }

            if (entries.TryGetValue(path, out entry)) return Found.Entry;
            return directories.Contains(path) ? Found.Directory : Found.Missing;
        }
    }
}
