using System.Diagnostics;
using HubDsl.Cli.Git;

namespace HubDsl.Cli.Render;

/// <summary>
/// The repository at a base revision, checked out as a temporary <c>git worktree</c> (detached, in the system's
/// temporary folder) and removed again on <see cref="Dispose"/>, also after a failure or Ctrl+C; if removal
/// fails, the error says what is left and how to remove it.
/// </summary>
internal sealed class BaseWorktree : IDisposable
{
    /// <summary>Time one git command of the render may take: checking out a large repository takes longer than a read.</summary>
    public static readonly TimeSpan GitTimeout = TimeSpan.FromMinutes(5);

    private readonly string _repository;

    private BaseWorktree(string repository, string folder, string commit)
    {
        _repository = repository;
        Folder = folder;
        Commit = commit;
    }

    /// <summary>The worktree's folder (the repository's top folder at the base).</summary>
    public string Folder { get; }

    /// <summary>The base commit.</summary>
    public string Commit { get; }

    /// <summary>A problem removing the worktree, or null.</summary>
    public string? LeftBehind { get; private set; }

    /// <summary>The top folder of the git repository holding <paramref name="folder"/>.</summary>
    public static string TopLevel(string folder)
    {
        var top = Git(folder, out var error, "rev-parse", "--show-toplevel");
        if (top is null) throw new UserInputException("--diff-base: '" + folder + "' is not inside a git repository (" + FirstLine(error) + ")");
        return Path.GetFullPath(top.Trim());
    }

    /// <summary>Checks out <paramref name="reference"/> of the repository at <paramref name="topLevel"/>.</summary>
    public static BaseWorktree Create(string topLevel, string reference)
    {
        var commit = Git(topLevel, out var error, "rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}")?.Trim();
        if (string.IsNullOrEmpty(commit)) throw new UserInputException("--diff-base: '" + reference + "' is not a commit in " + topLevel + (error.Length > 0 ? " (" + FirstLine(error) + ")" : string.Empty) + "; fetch it first (CI: actions/checkout with fetch-depth: 0)");
        var folder = Path.Combine(Path.GetTempPath(), "hubdsl-base-" + Guid.NewGuid().ToString("N")[..12]);
        if (Git(topLevel, out error, "worktree", "add", "--detach", "--quiet", folder, commit) is null)
        {
            if (Directory.Exists(folder)) Git(topLevel, out _, "worktree", "remove", "--force", folder);
            throw new UserInputException("--diff-base: git worktree add failed for " + reference + ": " + FirstLine(error));
        }

        return new BaseWorktree(topLevel, folder, commit);
    }

    /// <summary>Builds the project at the base (its path relative to the repository) with the same dotnet as this tool, so it writes its manifests.</summary>
    public void Build(string projectRelative, TimeSpan timeout)
    {
        var project = Path.Combine(Folder, projectRelative);
        if (!Directory.Exists(project)) return; // the project is new: the base has no fleet
        var start = new ProcessStartInfo(DotnetHost()) { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in new[] { "build", "-nologo", "-v:q", "-clp:ErrorsOnly" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new UserInputException("--diff-base: building the project at " + Commit[..Math.Min(12, Commit.Length)] + " took more than " + timeout.TotalSeconds + " s (--build-timeout)");
        }

        if (process.ExitCode != 0)
        {
            var lines = (output.Result + "\n" + error.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(3);
            throw new UserInputException("--diff-base: dotnet build of the project at " + Commit[..Math.Min(12, Commit.Length)] + " failed: " + string.Join(" ", lines).Replace(Folder, "<base>", StringComparison.Ordinal));
        }
    }

    // The dotnet that runs this tool (the SDK sets DOTNET_HOST_PATH for its tools), else the one on PATH.
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var process = Environment.ProcessPath;
        return process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet" ? process : "dotnet";
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Git(_repository, out var error, "worktree", "remove", "--force", Folder) is not null && !Directory.Exists(Folder)) return;
        try
        {
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
            Git(_repository, out _, "worktree", "prune");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LeftBehind = "the temporary worktree " + Folder + " could not be removed (" + FirstLine(error) + "; " + e.Message + "); remove it with: git worktree remove --force " + Folder;
        }
    }

    /// <summary>The commit checked out in <paramref name="folder"/>'s repository, or empty outside one.</summary>
    public static string Head(string folder) => Git(folder, out _, "rev-parse", "HEAD")?.Trim() ?? string.Empty;

    // The preview's runner: the repository's hooks, fsmonitor and the system and user configuration stay off
    // (`git worktree add` would otherwise run the post-checkout hook), and so does the caller's GIT_DIR.
    private static string? Git(string folder, out string error, params string[] args) => GitCommand.TextIn(folder, GitTimeout, out error, args);

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "no message";
}
