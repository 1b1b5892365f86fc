using System.Diagnostics;

namespace HubDsl.Cli.Watch;

/// <summary>Runs the dotnet CLI (restore, property evaluation) bounded to 5 minutes; cancelling kills it.</summary>
internal static class DotnetProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, IEnumerable<string> arguments, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new UserInputException("could not start 'dotnet'; is the .NET SDK on PATH?");
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            cancellation.ThrowIfCancellationRequested();
            throw new UserInputException("'dotnet " + string.Join(' ', start.ArgumentList) + "' did not finish in " + Limit.TotalMinutes + " minutes");
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>The first error line of MSBuild output (or its first line), for a one-line message.</summary>
    public static string FirstError(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? lines.FirstOrDefault() ?? "(no output)";
    }
}
