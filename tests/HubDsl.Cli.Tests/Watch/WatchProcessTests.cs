using System.Threading;
using System.Threading.Tasks;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace HubDsl.Cli.Tests.Watch;

/// <summary>
/// The hubdsl process as a user runs it: it sees an editor's save through file-system events (a save in several
/// writes is compiled once, after the last), and Ctrl+C (SIGINT) stops it with exit code 0.
/// </summary>
[Collection(WatchCollection.Name)]
public sealed class WatchProcessTests
{
    [Fact]
    public async Task A_save_in_several_writes_is_compiled_once_and_Ctrl_C_exits_0()
    {
        if (OperatingSystem.IsWindows()) return; // SIGINT is sent with kill(1); Windows has no equivalent for another process.
        using var copy = FleetCopy.Create("process");
        var lines = new BlockingCollection<JsonObject>();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        // The tool's own output (its deps file resolves the MSBuild workspace's dependencies; the test folder's copy
        // of hubdsl.dll runs with the test project's).
        var tool = Path.Combine(FleetCopy.RepositoryRoot(), "src", "HubDsl.Cli", "bin", FleetCopy.Configuration, "net10.0", "hubdsl.dll");
        foreach (var arg in new[] { tool, "watch", copy.Root, "-o", "json", "--debounce", "0.3" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line) lines.Add(line.StartsWith('{') ? JsonNode.Parse(line)!.AsObject() : new JsonObject { ["unexpected"] = line });
        };
        process.BeginOutputReadLine();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            JsonObject Next(string what)
            {
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < TimeSpan.FromMinutes(5))
                {
                    // The warm-up's end ("ready") may come between the first pass and the save; it reports no pass.
                    if (lines.TryTake(out var line, TimeSpan.FromSeconds(1)) && (string?)line["event"] != "ready") return line;
                    if (process.HasExited && lines.Count == 0) Assert.Fail("watch exited with " + process.ExitCode + " before " + what + ": " + stderr.Result);
                }

                Assert.Fail("no report (" + what + ") within 5 minutes");
                return null!;
            }

            Assert.Equal("loaded", (string?)Next("the load")["event"]);
            Assert.Equal("written", (string?)Next("the first pass")["outcome"]);

            // An editor that truncates, then writes the file in two parts: the half-written file never compiles.
            var path = copy.Path("Agent.cs");
            var text = File.ReadAllText(path).Replace("Replicas = 3,", "Replicas = 5,", StringComparison.Ordinal);
            File.WriteAllText(path, string.Empty);
            File.WriteAllText(path, text[..(text.Length / 2)]);
            File.AppendAllText(path, text[(text.Length / 2)..]);

            var pass = Next("the save");
            Assert.Equal("written", (string?)pass["outcome"]);
            Assert.Equal(["Agent.cs"], pass["trigger"]!.AsArray().Select(t => (string)t!).ToArray());
            Assert.Contains("replicas: 5", copy.Read("helm/values-prod.yaml"), StringComparison.Ordinal);
            Assert.False(lines.TryTake(out var extra, TimeSpan.FromSeconds(2)) && (string?)extra["event"] != "ready", "a second report for one save: " + extra);

            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            Assert.True(process.WaitForExit(60_000), "watch did not stop within 60 s of SIGINT");
            Assert.True(process.ExitCode == 0, "exit code " + process.ExitCode + ": " + await stderr);
            Assert.Contains("watch stopped", await stderr, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
