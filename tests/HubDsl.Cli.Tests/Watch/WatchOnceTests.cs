using System.Threading;
using System.Threading.Tasks;
namespace HubDsl.Cli.Tests.Watch;

/// <summary>
/// <c>hubdsl watch --once</c> writes what <c>dotnet build</c> writes, byte for byte (the manifests, the record, nothing
/// else), and a pass whose compilation fails writes nothing and says why.
/// </summary>
[Collection(WatchCollection.Name)]
public sealed class WatchOnceTests
{
    [Fact]
    public async Task Once_writes_byte_for_byte_what_dotnet_build_writes()
    {
        using var watched = FleetCopy.Create("once");
        using var built = watched.Twin("once-build");

        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApplication.RunAsync(["watch", watched.ProjectFile, "--once"], output, error);
        Assert.True(exit == 0, "watch --once failed: " + output + error);
        built.Build();

        FleetCopy.AssertSameTree(built.Tree(), watched.Tree(), "watch --once against dotnet build");
        Assert.Contains("argocd/applicationsets/agent-multi-cluster.yaml", watched.Tree().Keys);
        Assert.Contains("watch: generated; ", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compilation_error_writes_nothing_and_names_the_error()
    {
        using var copy = FleetCopy.Create("error");
        var watch = new WatchHarness(copy);
        Assert.True(await watch.StartAsync());
        var before = copy.Tree();

        var saved = copy.Edit("Agent.cs", "Replicas = 3,", "Replicas = 4;");
        Assert.False(await watch.SavedAsync(saved));

        var report = watch.LastReport;
        Assert.Equal("not-written", (string?)report["outcome"]);
        Assert.Contains("compilation error", (string?)report["reason"], StringComparison.Ordinal);
        var diagnostics = report["diagnostics"]!.AsArray().Select(d => (string)d!["file"]! + ":" + (int)d["line"]! + ": " + (string)d["id"]!).ToList();
        Assert.Contains(diagnostics, d => d.StartsWith("Agent.cs:", StringComparison.Ordinal) && d.EndsWith(": CS1513", StringComparison.Ordinal));
        FleetCopy.AssertSameTree(before, copy.Tree(), "after a compilation error");

        // Fixed, the next save writes the edit.
        copy.Edit("Agent.cs", "Replicas = 4;", "Replicas = 4,");
        Assert.True(await watch.SavedAsync(saved));
        Assert.Contains("replicas: 4", copy.Read("helm/values-prod.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_HubDsl_error_fails_the_build_so_watch_writes_nothing_and_reports_it_as_file_line_id_message()
    {
        using var copy = FleetCopy.Create("hub-error");
        var watch = new WatchHarness(copy);
        Assert.True(await watch.StartAsync());
        var before = copy.Tree();

        var saved = copy.Edit("Agent.cs", "Limits = new() { Memory = \"1Gi\"", "Limits = new() { Memory = \"1gi\"");
        Assert.False(await watch.SavedAsync(saved));

        var report = watch.LastReport;
        Assert.Equal("not-written", (string?)report["outcome"]);
        var hub = report["diagnostics"]!.AsArray().Single(d => (string?)d!["id"] == "HUB010");
        var line = File.ReadAllLines(saved).Select((text, i) => (text, i)).First(l => l.text.Contains("\"1gi\"", StringComparison.Ordinal)).i + 1;
        Assert.Equal("Agent.cs", (string?)hub!["file"]);
        Assert.Equal(line, (int)hub["line"]!);
        Assert.Contains("did you mean '1Gi'", (string?)hub["message"], StringComparison.Ordinal);
        FleetCopy.AssertSameTree(before, copy.Tree(), "after a HUB010 error");
    }
}
