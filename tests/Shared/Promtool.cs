using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace HubDsl.Tests.Shared;

/// <summary>
/// Prometheus' real promtool: HUBDSL_PROMTOOL, else .tools/promtool (unpacked from Debian's <c>prometheus</c> package by
/// .ci/install-tools.sh), else none. Linked into the test projects that use it.
/// </summary>
internal static class Promtool
{
    public static string? Path { get; } = Find();

    public const string MissingMessage = "promtool is not installed: run 'bash .ci/install-tools.sh' (CI does) to unpack it from Debian's prometheus package into .tools/";

    /// <summary>Runs promtool in <paramref name="workingDirectory"/>; its exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Path!) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "promtool did not finish in 120 s");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, "..", ".."));

    private static string? Find()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("HUBDSL_PROMTOOL"), System.IO.Path.Combine(RepositoryRoot(), ".tools", "promtool") };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c));
    }
}

/// <summary>A fact skipped, saying why and how to install it, when promtool is not installed.</summary>
public sealed class PromtoolFactAttribute : FactAttribute
{
    public PromtoolFactAttribute()
    {
        if (Promtool.Path is null) Skip = Promtool.MissingMessage;
    }
}
