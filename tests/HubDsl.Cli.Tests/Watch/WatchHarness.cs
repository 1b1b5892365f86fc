using System.Threading;
using System.Threading.Tasks;
using System.Text.Json.Nodes;
using HubDsl.Cli.Watch;

namespace HubDsl.Cli.Tests.Watch;

/// <summary>hubdsl watch's loop run in the test process on a fleet copy, its reports read back as JSON lines.</summary>
internal sealed class WatchHarness
{
    private readonly StringWriter _output = new();

    public WatchHarness(FleetCopy copy)
    {
        Loop = new WatchLoop(copy.ProjectFile, new ReportWriter(_output, json: true), TimeSpan.FromMilliseconds(50));
    }

    public WatchLoop Loop { get; }

    public List<JsonObject> Reports => _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    public JsonObject LastReport => Reports[^1];

    public Task<bool> StartAsync() => Loop.StartAsync(CancellationToken.None);

    /// <summary>What the debounced loop does with a batch of saved files.</summary>
    public Task<bool?> SavedAsync(params string[] paths) => Loop.HandleAsync(paths, CancellationToken.None);
}
