using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HubDsl.Core.Rendering;
using HubDsl.Core.Rendering.Git;

namespace HubDsl.Cli.Git;

/// <summary>
/// A local clone (its top folder, holding <c>.git</c>) or a bare repository, read with git at a commit
/// (<c>ls-tree</c>, <c>cat-file --batch</c>), or, with <c>--worktree</c>, its working tree as it is. A working
/// clone whose remote has the generator's repoURL stands for that remote as of the last fetch: its
/// remote-tracking branches are the branches and its remote HEAD is HEAD, as <c>git ls-remote</c> would say.
/// </summary>
internal sealed class LocalGitRepository : IGitRepository, IDisposable
{
    /// <summary>Paths one commit may hold.</summary>
    public const int MaxEntries = 200_000;

    /// <summary>Bytes HubDsl reads from one file.</summary>
    public const long MaxFileBytes = 32L * 1024 * 1024;

    private static readonly Regex Hex = new("^[0-9a-fA-F]{4,40}$", RegexOptions.CultureInvariant);

    private readonly string gitDirectory;
    private readonly string? workTree;
    private readonly bool readWorktree;
    private readonly string repoUrl;
    private IReadOnlyList<GitRef>? refs;
    private CatFileBatch? batch;

    private LocalGitRepository(string location, string gitDirectory, string? workTree, bool readWorktree, string repoUrl)
    {
        Location = location;
        this.gitDirectory = gitDirectory;
        this.workTree = workTree;
        this.readWorktree = readWorktree;
        this.repoUrl = repoUrl;
    }

    public string Location { get; }

    public IReadOnlyList<GitRef> Refs => refs ??= ReadRefs();

    /// <summary>Opens <paramref name="directory"/>; a folder that is not a clone's top or a bare repository is bad input.</summary>
    /// <exception cref="UserInputException">It is not a repository HubDsl can read.</exception>
    public static LocalGitRepository Open(string directory, string option, bool readWorktree, string repoUrl)
    {
        var (gitDirectory, workTree) = Locate(directory, option);
        if (readWorktree && workTree is null) throw new UserInputException(option + ": '" + directory + "' is a bare repository, which has no working tree for --worktree to read; give a working clone, or leave --worktree out");
        var location = (workTree is null ? "the bare repository " : "the clone ") + directory + (readWorktree ? " (its working tree, --worktree)" : string.Empty);
        return new LocalGitRepository(location, gitDirectory, workTree, readWorktree, repoUrl);
    }

    /// <summary>The git folder and the work tree (null for a bare repository) of a folder given with <paramref name="option"/>.</summary>
    /// <exception cref="UserInputException">It is not a repository HubDsl can read.</exception>
    public static (string GitDirectory, string? WorkTree) Locate(string directory, string option)
    {
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full)) throw new UserInputException(option + ": '" + directory + "' " + (File.Exists(full) ? "is a file, not a repository folder" : "does not exist"));
        string gitDirectory;
        string? workTree = null;
        var dotGit = Path.Combine(full, ".git");
        if (Directory.Exists(dotGit))
        {
            gitDirectory = dotGit;
            workTree = full;
        }
        else if (File.Exists(dotGit))
        {
            // A linked worktree or a submodule: ".git" is a file naming the git folder.
            var text = File.ReadAllText(dotGit).Trim();
            if (!text.StartsWith("gitdir:", StringComparison.Ordinal)) throw new UserInputException(option + ": '" + dotGit + "' is not a git folder or a 'gitdir:' file");
            gitDirectory = Path.GetFullPath(text.Substring(7).Trim(), full);
            workTree = full;
        }
        else if (File.Exists(Path.Combine(full, "HEAD")) && Directory.Exists(Path.Combine(full, "objects")) && Directory.Exists(Path.Combine(full, "refs")))
        {
            gitDirectory = full;
        }
        else
        {
            throw new UserInputException(option + ": '" + directory + "' is not a git repository: give the top folder of a clone (the one holding .git) or a bare repository");
        }

        var (exit, _, error) = RunChecked(gitDirectory, null, option, "rev-parse", "--is-bare-repository");
        if (exit != 0) throw new UserInputException(option + ": git cannot read '" + directory + "': " + FirstLine(error));
        return (gitDirectory, workTree);
    }

    public string? FindCommit(string hexPrefix)
    {
        if (!Hex.IsMatch(hexPrefix)) return null;
        var (exit, output, _) = Run("rev-parse", "-q", "--verify", "--end-of-options", hexPrefix + "^{commit}");
        return exit == 0 ? Encoding.UTF8.GetString(output).Trim() : null;
    }

    public GitSnapshot ReadCommit(string commit)
    {
        if (!Hex.IsMatch(commit)) throw new GitRepositoryException(RenderErrorReasons.OfflineUnsupported, "'" + commit + "' is not a commit SHA");
        return readWorktree ? ReadWorktree(commit) : ReadTree(commit);
    }

    public void Dispose() => batch?.Dispose();

    private GitSnapshot ReadTree(string commit)
    {
        var (exit, output, error) = Run("ls-tree", "-r", "-z", "-l", "--full-tree", commit);
        if (exit != 0) throw Failure("git ls-tree of " + commit + " failed: " + FirstLine(error));
        var entries = new List<GitEntry>();
        var objects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in Split(output))
        {
            // <mode> SP <type> SP <object> SP+ <size> TAB <path>
            var tab = record.IndexOf('\t');
            if (tab < 0) continue;
            var fields = record.Substring(0, tab).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var path = record.Substring(tab + 1);
            if (fields.Length < 4) continue;
            var kind = fields[0] switch
            {
                "120000" => GitEntryKind.SymbolicLink,
                "160000" => GitEntryKind.Submodule,
                _ => GitEntryKind.File,
            };
            long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var size);
            entries.Add(new GitEntry(path, kind, size));
            objects[path] = fields[2];
            if (entries.Count > MaxEntries) throw TooMany(commit);
        }

        return new Snapshot(commit, entries, entry => ReadBlob(objects[entry.Path], entry));
    }

    private GitSnapshot ReadWorktree(string commit)
    {
        var entries = new Dictionary<string, GitEntry>(StringComparer.Ordinal);
        var root = workTree!;
        var (exit, output, error) = Run("ls-files", "-z", "--stage");
        if (exit != 0) throw Failure("git ls-files in " + root + " failed: " + FirstLine(error));
        foreach (var record in Split(output))
        {
            // <mode> SP <object> SP <stage> TAB <path>
            var tab = record.IndexOf('\t');
            if (tab < 0) continue;
            var path = record.Substring(tab + 1);
            if (record.StartsWith("160000 ", StringComparison.Ordinal)) entries[path] = new GitEntry(path, GitEntryKind.Submodule);
            else if (OnDisk(root, path) is { } entry) entries[path] = entry;
            if (entries.Count > MaxEntries) throw TooMany("the working tree");
        }

        (exit, output, error) = Run("ls-files", "-z", "--others", "--exclude-standard");
        if (exit != 0) throw Failure("git ls-files in " + root + " failed: " + FirstLine(error));
        foreach (var path in Split(output))
        {
            // An untracked nested repository is listed as a folder.
            if (path.EndsWith("/", StringComparison.Ordinal)) entries[path.TrimEnd('/')] = new GitEntry(path.TrimEnd('/'), GitEntryKind.Submodule);
            else if (OnDisk(root, path) is { } entry) entries[path] = entry;
            if (entries.Count > MaxEntries) throw TooMany("the working tree");
        }

        return new Snapshot(commit, entries.Values.ToList(), entry => ReadWorktreeFile(root, entry, Location));
    }

    // What a path is on disk, without following links; null when it is gone (deleted in the working tree).
    private static GitEntry? OnDisk(string root, string path)
    {
        var info = new FileInfo(Path.Combine(root, path));
        if (info.LinkTarget is not null) return new GitEntry(path, GitEntryKind.SymbolicLink);
        if (Directory.Exists(info.FullName)) return new GitEntry(path, GitEntryKind.Submodule);
        return info.Exists ? new GitEntry(path, GitEntryKind.File, info.Length) : null;
    }

    private static byte[] ReadWorktreeFile(string root, GitEntry entry, string location)
    {
        var full = Path.Combine(root, entry.Path);
        if (entry.Kind == GitEntryKind.SymbolicLink) return Encoding.UTF8.GetBytes(new FileInfo(full).LinkTarget ?? string.Empty);

        // Never through a linked folder: every folder between the root and the file must be a real one.
        var folder = Path.GetDirectoryName(full);
        while (folder is not null && folder.Length > root.Length)
        {
            if (new DirectoryInfo(folder).LinkTarget is not null)
            {
                throw new GitRepositoryException(RenderErrorReasons.OfflineUnsupported, "the working tree path " + entry.Path + " goes through the symbolic link " + folder + "; HubDsl does not follow links in the working tree");
            }

            folder = Path.GetDirectoryName(folder);
        }

        var info = new FileInfo(full);
        if (info.LinkTarget is not null || !info.Exists) throw new GitRepositoryException(RenderErrorReasons.OfflineUnsupported, "the working tree file " + entry.Path + " changed while HubDsl read it (" + location + ")");
        if (info.Length > MaxFileBytes) throw TooLarge(entry.Path, info.Length);
        try
        {
            return File.ReadAllBytes(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GitRepositoryException(RenderErrorReasons.OfflineUnsupported, "cannot read the working tree file " + entry.Path + " (" + location + "): " + e.Message);
        }
    }

    private byte[] ReadBlob(string objectId, GitEntry entry)
    {
        if (entry.Size > MaxFileBytes) throw TooLarge(entry.Path, entry.Size);
        try
        {
            batch ??= new CatFileBatch(gitDirectory);
            return batch.Read(objectId, MaxFileBytes);
        }
        catch (GitCommandException e)
        {
            batch?.Dispose();
            batch = null;
            throw new GitRepositoryException(e.IsLimit ? RenderErrorReasons.RenderLimitExceeded : RenderErrorReasons.OfflineUnsupported, "reading " + entry.Path + " from " + Location + ": " + e.Message);
        }
    }

    // The refs git ls-remote would advertise for the generator's repoURL.
    private List<GitRef> ReadRefs()
    {
        var (exit, output, error) = Run("for-each-ref", "--format=%(objectname) %(objecttype) %(*objectname) %(*objecttype) %(refname)", "refs/heads", "refs/tags", "refs/remotes");
        if (exit != 0) throw Failure("git for-each-ref failed: " + FirstLine(error));
        var all = new List<(string Name, string Commit)>();
        foreach (var line in Encoding.UTF8.GetString(output).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            if (fields.Length != 5) continue;
            // An annotated tag stands for the commit it points to; refs to trees or blobs are no revisions.
            var commit = fields[1] == "commit" ? fields[0] : fields[1] == "tag" && fields[3] == "commit" ? fields[2] : null;
            if (commit is not null) all.Add((fields[4], commit));
        }

        var remote = MatchingRemote(all);
        var result = new List<GitRef>();
        if (remote is not null)
        {
            var prefix = "refs/remotes/" + remote + "/";
            foreach (var (name, commit) in all)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal) && name != prefix + "HEAD") result.Add(new GitRef("refs/heads/" + name.Substring(prefix.Length), commit));
                else if (name.StartsWith("refs/tags/", StringComparison.Ordinal)) result.Add(new GitRef(name, commit));
            }

            var remoteHead = SymbolicTarget(prefix + "HEAD");
            if (remoteHead is not null && remoteHead.StartsWith(prefix, StringComparison.Ordinal)) result.Insert(0, GitRef.Symbolic("HEAD", "refs/heads/" + remoteHead.Substring(prefix.Length)));
            else AddLocalHead(result);
        }
        else
        {
            foreach (var (name, commit) in all)
            {
                if (!name.StartsWith("refs/remotes/", StringComparison.Ordinal)) result.Add(new GitRef(name, commit));
            }

            AddLocalHead(result);
        }

        return result;
    }

    private void AddLocalHead(List<GitRef> result)
    {
        var target = SymbolicTarget("HEAD");
        if (target is not null && result.Any(r => r.Name == target))
        {
            result.Insert(0, GitRef.Symbolic("HEAD", target));
            return;
        }

        var (exit, output, _) = Run("rev-parse", "-q", "--verify", "HEAD^{commit}");
        if (exit == 0) result.Insert(0, new GitRef("HEAD", Encoding.UTF8.GetString(output).Trim()));
    }

    private string? SymbolicTarget(string name)
    {
        var (exit, output, _) = Run("symbolic-ref", "-q", "--end-of-options", name);
        return exit == 0 ? Encoding.UTF8.GetString(output).Trim() : null;
    }

    // A remote of a working clone whose URL is the generator's repoURL and that has remote-tracking branches.
    private string? MatchingRemote(List<(string Name, string Commit)> all)
    {
        if (workTree is null) return null;
        var (exit, output, _) = Run("config", "--get-regexp", "^remote\\..*\\.url$");
        if (exit != 0) return null;
        var remotes = new List<string>();
        foreach (var line in Encoding.UTF8.GetString(output).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ');
            if (space < 0) continue;
            var key = line.Substring(0, space);
            var name = key.Substring("remote.".Length, key.Length - "remote.".Length - ".url".Length);
            if (GitUrl.Same(line.Substring(space + 1), repoUrl) && all.Any(r => r.Name.StartsWith("refs/remotes/" + name + "/", StringComparison.Ordinal))) remotes.Add(name);
        }

        return remotes.Contains("origin") ? "origin" : remotes.OrderBy(r => r, StringComparer.Ordinal).FirstOrDefault();
    }

    private (int Exit, byte[] Output, string Error) Run(params string[] arguments)
    {
        try
        {
            return GitCommand.Run(gitDirectory, readWorktree ? workTree : null, arguments);
        }
        catch (GitCommandException e)
        {
            throw new GitRepositoryException(e.IsLimit ? RenderErrorReasons.RenderLimitExceeded : RenderErrorReasons.OfflineUnsupported, "reading " + Location + ": " + e.Message);
        }
    }

    private static (int Exit, byte[] Output, string Error) RunChecked(string gitDirectory, string? workTree, string option, params string[] arguments)
    {
        try
        {
            return GitCommand.Run(gitDirectory, workTree, arguments);
        }
        catch (GitCommandException e)
        {
            throw new UserInputException(option + ": " + e.Message);
        }
    }

    private static IEnumerable<string> Split(byte[] output)
    {
        foreach (var record in Encoding.UTF8.GetString(output).Split('\0'))
        {
            if (record.Length > 0) yield return record;
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private GitRepositoryException Failure(string message) => new(RenderErrorReasons.OfflineUnsupported, message + " (" + Location + ")");

    private GitRepositoryException TooMany(string what) =>
        new(RenderErrorReasons.RenderLimitExceeded, what + " in " + Location + " holds more than " + MaxEntries.ToString("N0", CultureInfo.InvariantCulture) + " paths, HubDsl's limit (LocalGitRepository.MaxEntries)");

    private static GitRepositoryException TooLarge(string path, long size) =>
        new(RenderErrorReasons.RenderLimitExceeded, "the file " + path + " is " + size.ToString("N0", CultureInfo.InvariantCulture) + " bytes; HubDsl reads files of at most " + MaxFileBytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes");

    private sealed class Snapshot : GitSnapshot
    {
        private readonly Func<GitEntry, byte[]> read;

        public Snapshot(string commit, IReadOnlyList<GitEntry> entries, Func<GitEntry, byte[]> read)
        {
            Commit = commit;
            Entries = entries;
            this.read = read;
        }

        public override string Commit { get; }

        public override IReadOnlyList<GitEntry> Entries { get; }

        public override byte[] Read(GitEntry entry) => read(entry);
    }
}
