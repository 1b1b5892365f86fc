using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace HubDsl.Tests.Shared;

/// <summary>
/// A small real git repository in a temporary folder, built with the git command (never through a shell), with
/// no user or system configuration. Deleted on Dispose. Linked into the test projects that read real repositories.
/// </summary>
internal sealed class TestGitRepository : IDisposable
{
    public TestGitRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "hubdsl-git-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Home = Path.Combine(Root + "-home");
        Directory.CreateDirectory(Home);
        Git("init", "-q", "-b", "main");
    }

    /// <summary>The work tree (or the bare repository's folder).</summary>
    public string Root { get; }

    private string Home { get; }

    /// <summary>Writes a file (folders created) in the work tree.</summary>
    public TestGitRepository Write(string path, string content)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    /// <summary>Adds everything and commits; returns the commit SHA.</summary>
    public string Commit(string message = "commit")
    {
        Git("add", "-A");
        Git("commit", "-q", "--allow-empty", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    /// <summary>Runs git in the work tree and returns its standard output; fails the test on a non-zero exit.</summary>
    public string Git(params string[] args)
    {
        var (exit, stdout, stderr) = TryGit(args);
        if (exit != 0) throw new InvalidOperationException("git " + string.Join(" ", args) + " failed (" + exit + "): " + stderr);
        return stdout;
    }

    /// <summary>Runs git in the work tree: exit code, standard output and error.</summary>
    public (int Exit, string Stdout, string Stderr) TryGit(params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Root,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        start.Environment["HOME"] = Home;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "test";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.com";
        start.Environment["GIT_AUTHOR_DATE"] = start.Environment["GIT_COMMITTER_DATE"] = "2024-01-01T00:00:00Z";
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("git " + string.Join(" ", args) + " did not finish within 60 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The paths <c>git ls-files --full-name -z -- pattern</c> lists, or null with git's error when it fails.</summary>
    public List<string>? LsFiles(string pattern, out string error)
    {
        var (exit, stdout, stderr) = TryGit("ls-files", "--full-name", "-z", "--", pattern);
        error = stderr.Trim();
        if (exit != 0) return null;
        var list = new List<string>(stdout.Split('\0'));
        list.RemoveAt(list.Count - 1);
        return list;
    }

    /// <summary>A bare clone of this repository (<c>git clone --bare</c>) beside it, deleted with it.</summary>
    public string CloneBare()
    {
        var bare = Root + "-bare.git";
        Git("clone", "-q", "--bare", Root, bare);
        return bare;
    }

    /// <summary>A working clone of this repository (<c>git clone</c>, remote "origin") beside it, deleted with it.</summary>
    public string Clone()
    {
        var clone = Root + "-clone";
        Git("clone", "-q", Root, clone);
        return clone;
    }

    public void Dispose()
    {
        foreach (var folder in new[] { Root, Home, Root + "-bare.git", Root + "-clone" })
        {
            try
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
