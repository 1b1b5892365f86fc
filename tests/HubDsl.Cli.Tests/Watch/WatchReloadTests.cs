using System.Threading;
using System.Threading.Tasks;
namespace HubDsl.Cli.Tests.Watch;

/// <summary>
/// What the warm session cannot take in place reloads the project from MSBuild, and the report says so: an edited
/// project file (here a compiler-visible property, HubDslFleet), an added source, a removed one.
/// </summary>
[Collection(WatchCollection.Name)]
public sealed class WatchReloadTests
{
    [Fact]
    public async Task An_edited_project_file_an_added_and_a_removed_source_reload_the_project()
    {
        using var copy = FleetCopy.Create("reload");
        var watch = new WatchHarness(copy);
        Assert.True(await watch.StartAsync());
        Assert.DoesNotContain("fleet.hubdsl.io/blue-fleet", copy.Read("argocd/clusters/prod.yaml"), StringComparison.Ordinal);

        var project = copy.Edit("AgentFleet.csproj", "<OutputType>Library</OutputType>", "<OutputType>Library</OutputType>\n    <HubDslFleet>blue-fleet</HubDslFleet>");
        Assert.True(await watch.SavedAsync(project));
        var reports = watch.Reports;
        Assert.Contains(reports, r => (string?)r["event"] == "reloaded" && r["trigger"]!.AsArray().Any(t => (string?)t == "AgentFleet.csproj changed"));
        Assert.Contains("fleet.hubdsl.io/blue-fleet", copy.Read("argocd/clusters/prod.yaml"), StringComparison.Ordinal);

        var added = copy.Path("More.cs");
        File.WriteAllText(added, """
            using HubDsl;
            namespace AgentFleet;
            public static partial class Clusters
            {
                public static readonly Cluster Dr2 = new("dr2", "https://dr2-api.example.com") { Labels = { ["env"] = "dr", ["deploy"] = "true" } };
            }
            """);
        Assert.True(await watch.SavedAsync(added));
        Assert.Equal("More.cs added", (string?)watch.Reports.Last(r => (string?)r["event"] == "reloaded")["trigger"]![0]);
        Assert.True(File.Exists(copy.Path("argocd/clusters/dr2.yaml")));
        var change = watch.LastReport["applications"]!.AsArray().Single();
        Assert.Equal(("agent-dr2", "dr2", "added"), ((string?)change!["application"], (string?)change["cluster"], (string?)change["change"]));

        File.Delete(added);
        Assert.True(await watch.SavedAsync(added));
        Assert.Equal("More.cs removed", (string?)watch.Reports.Last(r => (string?)r["event"] == "reloaded")["trigger"]![0]);
        Assert.False(File.Exists(copy.Path("argocd/clusters/dr2.yaml")));
        Assert.Contains("argocd/clusters/dr2.yaml", watch.LastReport["deleted"]!.AsArray().Select(d => (string?)d));
    }
}
