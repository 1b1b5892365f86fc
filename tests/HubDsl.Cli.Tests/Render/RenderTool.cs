using System.Diagnostics;

namespace HubDsl.Cli.Tests.Render;

/// <summary>Runs the built hubdsl in a folder with extra environment variables, as CI would.</summary>
internal static class RenderTool
{
    public static (int ExitCode, string Stdout, string Stderr) Run(string folder, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hubdsl.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var pair in environment ?? new Dictionary<string, string>()) start.Environment[pair.Key] = pair.Value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(180_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("hubdsl did not exit within 180 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
