using System.Diagnostics;

namespace HubDsl.Cli.Render;

/// <summary>Runs git (found on PATH) for the render: the revision, the repository's top folder, temporary worktrees.</summary>
internal static class Git
{
    /// <summary>git's output, or null when git is missing or the command fails (<paramref name="error"/> says why).</summary>
    public static string? Run(string folder, out string error, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        // The repository's own settings that run programs stay off, as for the preview's reads (Git/GitCommand):
        // `git worktree add` would otherwise run its post-checkout hook.
        foreach (var setting in new[] { "core.hooksPath=/dev/null", "core.fsmonitor=false", "protocol.allow=never" })
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(setting);
        }

        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_PAGER"] = "cat";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            error = "git could not be run: " + e.Message;
            return null;
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(300_000))
            {
                process.Kill(entireProcessTree: true);
                error = "git " + string.Join(" ", args) + " did not finish within 300 s";
                return null;
            }

            error = stderr.Result.Trim();
            return process.ExitCode == 0 ? output.Result : null;
        }
    }

    /// <summary>The commit checked out in <paramref name="folder"/>'s repository, or empty outside one.</summary>
    public static string Head(string folder) => Run(folder, out _, "rev-parse", "HEAD")?.Trim() ?? string.Empty;
}
