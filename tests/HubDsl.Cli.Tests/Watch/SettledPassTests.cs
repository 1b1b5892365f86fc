using System.Threading;
using System.Threading.Tasks;
using System.Text.Json.Nodes;
using HubDsl.Cli.Watch;

namespace HubDsl.Cli.Tests.Watch;

/// <summary>
/// The loop as <c>hubdsl watch</c> runs it, in process, with real file events. A pass starts shortly after a save's
/// first event and runs while the debounce's quiet period passes; what it compiled is written and reported only if no
/// save changed it meanwhile. The quiet period here is long (2 s), so a second write lands well inside it even on a
/// loaded machine.
/// </summary>
[Collection(WatchCollection.Name)]
public sealed class SettledPassTests
{
    [Fact]
    public async Task A_pass_started_on_a_half_written_file_is_dropped_unreported_and_the_whole_save_is_reported_once()
    {
        using var copy = FleetCopy.Create("settled");
        await using var watch = RunningWatch.Start(copy);
        await watch.Until(() => watch.Passes().Count == 1, "the first pass");
        var started = watch.Loop.PassesStarted;
        var path = copy.Path("Agent.cs");
        var text = File.ReadAllText(path).Replace("Replicas = 3,", "Replicas = 5,", StringComparison.Ordinal);
        File.WriteAllText(path, text[..(text.Length / 2)]);
        await watch.Until(() => watch.Loop.PassesStarted > started, "a pass on the first part");
        File.WriteAllText(path, text);
        await watch.Until(() => watch.Passes().Count == 2, "the save's pass");
        await Task.Delay(TimeSpan.FromSeconds(3)); // A report for the first part would have come by now.

        var passes = watch.Passes();
        Assert.Equal(2, passes.Count);
        Assert.Equal("written", (string?)passes[1]["outcome"]);
        Assert.Equal(["Agent.cs"], Trigger(passes[1]));
        Assert.Equal(1, watch.Loop.PassesDropped);
        Assert.Contains("replicas: 5", copy.Read("helm/values-prod.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pass_after_a_dropped_one_reports_the_files_both_were_saved_for()
    {
        using var copy = FleetCopy.Create("settled-trigger");
        await using var watch = RunningWatch.Start(copy);
        await watch.Until(() => watch.Passes().Count == 1, "the first pass");
        var started = watch.Loop.PassesStarted;
        copy.Edit("Clusters.cs", "[\"env\"] = \"dr\", [\"deploy\"] = \"true\"", "[\"env\"] = \"dr\", [\"deploy\"] = \"true\", [\"tier\"] = \"standby\"");
        await watch.Until(() => watch.Loop.PassesStarted > started, "a pass on Clusters.cs");
        copy.Edit("Agent.cs", "Replicas = 3,", "Replicas = 6,");
        await watch.Until(() => watch.Passes().Count == 2, "the pass after both saves");

        var pass = watch.Passes()[1];
        Assert.Equal("written", (string?)pass["outcome"]);
        Assert.Equal(["Agent.cs", "Clusters.cs"], Trigger(pass).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(1, watch.Loop.PassesDropped);
        Assert.Contains("replicas: 6", copy.Read("helm/values-prod.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_reports_ready_after_a_first_pass_that_wrote_the_files()
    {
        // A fresh copy has no generated files: the first pass writes them and the project's record, whose file event
        // must not stop the warm-up.
        using var copy = FleetCopy.Create("settled-ready");
        await using var watch = RunningWatch.Start(copy);
        await watch.Until(() => watch.Passes().Count == 1, "the first pass");
        Assert.Equal("written", (string?)watch.Passes()[0]["outcome"]);
        await watch.Until(() => watch.Reports().Any(r => (string?)r["event"] == "ready"), "ready");
        Assert.Single(watch.Passes());
    }

    private static string[] Trigger(JsonObject report) => report["trigger"]!.AsArray().Select(t => (string)t!).ToArray();

    /// <summary>WatchLoop.RunAsync on a fleet copy, its JSON reports collected; stopped (and checked to exit 0) on dispose.</summary>
    private sealed class RunningWatch : IAsyncDisposable
    {
        private readonly StringWriter _output = new();
        private readonly TextWriter _synchronized;
        private readonly CancellationTokenSource _stop = new();
        private Task<int> _running = Task.FromResult(0);

        private RunningWatch()
        {
            _synchronized = TextWriter.Synchronized(_output);
        }

        public WatchLoop Loop { get; private set; } = null!;

        public static RunningWatch Start(FleetCopy copy)
        {
            var watch = new RunningWatch();
            watch.Loop = new WatchLoop(copy.ProjectFile, new ReportWriter(watch._synchronized, json: true), TimeSpan.FromSeconds(2));
            watch._running = Task.Run(() => watch.Loop.RunAsync(watch._stop.Token));
            return watch;
        }

        public List<JsonObject> Reports()
        {
            string text;
            lock (_synchronized) text = _output.ToString();
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        }

        public List<JsonObject> Passes() => Reports().Where(r => (string?)r["event"] == "pass").ToList();

        public async Task Until(Func<bool> condition, string what)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!condition())
            {
                if (_running.IsCompleted) Assert.Fail("watch stopped before " + what + ": " + (_running.Exception?.ToString() ?? "exit " + _running.Result));
                if (clock.Elapsed > TimeSpan.FromMinutes(3)) Assert.Fail("no " + what + " within 3 minutes");
                await Task.Delay(5);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            Assert.Equal(0, await _running);
            _stop.Dispose();
        }
    }
}
