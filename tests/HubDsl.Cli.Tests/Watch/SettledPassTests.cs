using System.Threading;
using System.Threading.Tasks;
using System.Text.Json.Nodes;
using HubDsl.Cli.Watch;

namespace HubDsl.Cli.Tests.Watch;

/// <summary>
/// A pass starts shortly after a save's first event and runs while the debounce's quiet period passes; what it
/// compiled is written and reported only if no save changed it meanwhile. Here a save comes in two parts, the second
/// only once a pass has started on the first (half a file, which does not compile).
/// </summary>
[Collection(WatchCollection.Name)]
public sealed class SettledPassTests
{
    [Fact]
    public async Task A_pass_started_on_a_half_written_file_is_dropped_unreported_and_the_whole_save_is_reported_once()
    {
        using var copy = FleetCopy.Create("settled");
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        // A long quiet period: the second part lands well inside it even on a loaded machine.
        var loop = new WatchLoop(copy.ProjectFile, new ReportWriter(synchronized, json: true), TimeSpan.FromSeconds(2));
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => loop.RunAsync(stop.Token));
        List<JsonObject> Passes()
        {
            string text;
            lock (synchronized) text = output.ToString();
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).Where(r => (string?)r["event"] == "pass").ToList();
        }

        await Until(() => Passes().Count == 1, "the first pass");
        var started = loop.PassesStarted;
        var path = copy.Path("Agent.cs");
        var text = File.ReadAllText(path).Replace("Replicas = 3,", "Replicas = 5,", StringComparison.Ordinal);
        File.WriteAllText(path, text[..(text.Length / 2)]);
        await Until(() => loop.PassesStarted > started, "a pass on the first part");
        File.WriteAllText(path, text);
        await Until(() => Passes().Count == 2, "the save's pass");
        await Task.Delay(TimeSpan.FromSeconds(3)); // A report for the first part would have come by now.

        stop.Cancel();
        Assert.Equal(0, await running);
        var passes = Passes();
        Assert.Equal(2, passes.Count);
        Assert.Equal("written", (string?)passes[1]["outcome"]);
        Assert.Equal(["Agent.cs"], passes[1]["trigger"]!.AsArray().Select(t => (string)t!).ToArray());
        Assert.Equal(1, loop.PassesDropped);
        Assert.Contains("replicas: 5", copy.Read("helm/values-prod.yaml"), StringComparison.Ordinal);
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(3)) Assert.Fail("no " + what + " within 3 minutes");
            await Task.Delay(5);
        }
    }
}
