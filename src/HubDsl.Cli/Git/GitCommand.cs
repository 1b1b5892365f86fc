using System.Diagnostics;
using System.Text;

namespace HubDsl.Cli.Git;

/// <summary>
/// Runs the <c>git</c> program on a local repository, safely: never through a shell (arguments are passed as a
/// list, and no user text is ever an option: revisions are resolved to hex SHAs first, paths travel on
/// stdin), with an environment of its own (no system or user configuration, no pager, no prompts, no network,
/// no lazy fetch of missing objects), with the repository's own settings that run programs turned off
/// (<c>core.fsmonitor</c>, hooks), and bounded in time and output.
/// </summary>
internal static class GitCommand
{
    /// <summary>Time one git command may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Bytes of output one git command may print (a tree listing of 200,000 paths is about 30 MB).</summary>
    public const int MaxOutputBytes = 64 * 1024 * 1024;

    // Settings given on the command line win over the repository's own configuration.
    private static readonly string[] SafeSettings =
    {
        "core.fsmonitor=false", "core.hooksPath=/dev/null", "protocol.allow=never", "core.untrackedCache=false",
        "core.splitIndex=false", "credential.helper=", "core.sshCommand=false", "uploadpack.packObjectsHook=",
    };

    // A home folder that does not exist: git finds no user configuration there, and nothing is created.
    private static readonly string NoHome = Path.Combine(Path.GetTempPath(), "hubdsl-no-home-" + Guid.NewGuid().ToString("N"));

    /// <summary>A process ready to start: git with the safe settings, <paramref name="gitDirectory"/> and the arguments.</summary>
    public static ProcessStartInfo StartInfo(string gitDirectory, string? workTree, IEnumerable<string> arguments)
    {
        var location = new List<string> { "--git-dir=" + gitDirectory };
        if (workTree is not null) location.Add("--work-tree=" + workTree);
        return Create(workTree ?? gitDirectory, location.Concat(arguments));
    }

    /// <summary>
    /// A process ready to start in <paramref name="folder"/>: git with the safe settings finds the repository from
    /// there, as on the command line (a parent folder, a worktree's <c>.git</c> file), for commands about the
    /// repository itself (<c>rev-parse --show-toplevel</c>, <c>worktree add</c>). Never the caller's GIT_DIR.
    /// </summary>
    public static ProcessStartInfo StartInfoIn(string folder, IEnumerable<string> arguments) => Create(folder, arguments);

    private static ProcessStartInfo Create(string workingFolder, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingFolder,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        start.Environment["HOME"] = NoHome;
        start.Environment["XDG_CONFIG_HOME"] = NoHome;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_NO_LAZY_FETCH"] = "1";
        start.Environment["GIT_NO_REPLACE_OBJECTS"] = "1";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        start.Environment["GIT_ATTR_NOSYSTEM"] = "1";
        start.Environment["GIT_PAGER"] = "cat";
        start.Environment["PAGER"] = "cat";
        start.Environment["LC_ALL"] = "C";
        foreach (var setting in SafeSettings)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(setting);
        }

        start.ArgumentList.Add("--no-pager");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>Runs git to its end: exit code, standard output (bytes) and standard error.</summary>
    /// <exception cref="GitCommandException">git could not be started, took longer than <see cref="Timeout"/>, or printed more than <see cref="MaxOutputBytes"/>.</exception>
    public static (int Exit, byte[] Output, string Error) Run(string gitDirectory, string? workTree, params string[] arguments) =>
        Run(StartInfo(gitDirectory, workTree, arguments), arguments, Timeout);

    /// <summary>Runs git in <paramref name="folder"/> (<see cref="StartInfoIn"/>) to its end, within <paramref name="timeout"/>.</summary>
    /// <exception cref="GitCommandException">git could not be started, took longer than <paramref name="timeout"/>, or printed more than <see cref="MaxOutputBytes"/>.</exception>
    public static (int Exit, byte[] Output, string Error) RunIn(string folder, TimeSpan timeout, params string[] arguments) =>
        Run(StartInfoIn(folder, arguments), arguments, timeout);

    /// <summary>git's standard output as text, run in <paramref name="folder"/>; null when git is missing, fails or passes a limit (<paramref name="error"/> says why).</summary>
    public static string? TextIn(string folder, TimeSpan timeout, out string error, params string[] arguments)
    {
        try
        {
            var (exit, output, stderr) = RunIn(folder, timeout, arguments);
            error = stderr;
            return exit == 0 ? Encoding.UTF8.GetString(output) : null;
        }
        catch (GitCommandException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static (int Exit, byte[] Output, string Error) Run(ProcessStartInfo start, string[] arguments, TimeSpan timeout)
    {
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new GitCommandException("git could not be started");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new GitCommandException("the git program could not be run (" + e.Message + "); install git, which reading repositories needs");
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = new MemoryStream();
            var overflow = false;
            var stdout = Task.Run(() =>
            {
                var buffer = new byte[81920];
                int read;
                while ((read = process.StandardOutput.BaseStream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (output.Length + read > MaxOutputBytes)
                    {
                        overflow = true;
                        return;
                    }

                    output.Write(buffer, 0, read);
                }
            });
            var stderr = Task.Run(() => Bounded(process.StandardError, 64 * 1024));
            var finished = process.WaitForExit(timeout) && stdout.Wait(timeout);
            if (!finished || overflow)
            {
                Kill(process);
                throw new GitCommandException(
                    overflow
                        ? "git " + Describe(arguments) + " printed more than " + (MaxOutputBytes / (1024 * 1024)) + " MiB, HubDsl's limit for one git command"
                        : "git " + Describe(arguments) + " took longer than " + timeout.TotalSeconds + " s, HubDsl's limit for one git command",
                    isLimit: true);
            }

            process.WaitForExit();
            return (process.ExitCode, output.ToArray(), stderr.Result.Trim());
        }
    }

    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended by itself.
        }
    }

    public static string Describe(IEnumerable<string> arguments) => string.Join(" ", arguments.Take(3));

    private static string Bounded(StreamReader reader, int limit)
    {
        var text = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (text.Length < limit) text.Append(buffer, 0, Math.Min(read, limit - text.Length));
        }

        return text.ToString();
    }
}

/// <summary>git could not do what HubDsl asked (it failed, or went past a limit).</summary>
internal sealed class GitCommandException : Exception
{
    public GitCommandException(string message, bool isLimit = false)
        : base(message)
    {
        IsLimit = isLimit;
    }

    /// <summary>Whether a HubDsl limit (time, output) stopped it, rather than git failing.</summary>
    public bool IsLimit { get; }
}
