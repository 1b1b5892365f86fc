using System.Threading.Tasks;

namespace HubDsl.Cli.Tests.Import;

/// <summary>
/// A values folder that is the chart itself (it holds a Chart.yaml) imports to a <c>[ChartValues]</c> record: the
/// generator writes the properties from the chart's values.yaml, the fleet's defaults and environments are written
/// against the generated names (a dashed key included), the chart's own values.yaml is never written by the build, and
/// the project builds the same manifests and values as the input.
/// </summary>
[Collection(ImportBuildCollection.Name)]
public sealed class ChartTypedImportTests
{
    [Fact]
    public async Task A_chart_folder_imports_to_a_ChartValues_record_and_round_trips()
    {
        using var workspace = new ImportWorkspace().CopyFixture("chart");

        var run = await workspace.ImportAsync("--appset", "@appsets", "--clusters", "@hub", "--values", "@charts/agent");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("values records typed from their chart ([ChartValues]): AgentValues (charts/agent)", run.Stdout);
        Assert.DoesNotContain("left out", run.Stdout);
        Assert.DoesNotContain("DIFFERS", run.Stdout);
        var lines = run.Stdout.Split('\n');
        Assert.Contains(lines, l => l.TrimStart().StartsWith("same ", StringComparison.Ordinal) && l.Contains("/values-fleet.yaml (merged over values.yaml, as Helm does)"));
        foreach (var file in new[] { "values-prod.yaml", "values-staging.yaml" })
        {
            Assert.Contains(lines, l => l.TrimStart().StartsWith("same ", StringComparison.Ordinal) && l.Contains("/" + file + " (merged over values.yaml and values-fleet.yaml"));
        }

        // The record declares no property: the generator writes them from the chart.
        var written = workspace.Written();
        var record = written["AgentValues.cs"];
        Assert.Contains("[ChartValues(\"charts/agent\")]\npublic sealed partial record AgentValues : HelmValues;", record);
        Assert.DoesNotContain("{ get; init; }", record);

        // Defaults are the fleet defaults file over the chart's; each environment only what differs, by Core's names.
        var appSet = written["Agent.cs"];
        Assert.Contains("ValueFiles = [\"values-fleet.yaml\", $\"values-{Param.Label(\"env\")}.yaml\"]", appSet);
        Assert.Contains("[Values]\n    public static readonly AgentValues Defaults = new()\n    {\n        Image = new() { Tag = \"1.2.0\" },\n    };", appSet);
        Assert.Contains("ReplicaCount = 3,", appSet);
        Assert.Contains("LogLevel = \"warn\",", appSet);
        Assert.Contains("RedisHa = new() { Enabled = true },", appSet);
        Assert.Contains("PodAnnotations = new Dictionary<string, object?> { [\"prometheus.io/scrape\"] = \"true\" },", appSet);
        Assert.Contains("LogLevel = \"debug\",", appSet);

        // The generator reads the chart in the project at the source path: the import puts the files it types from
        // there (the project is written away from the chart), never the environments' files, which the build writes.
        Assert.Equal(File.ReadAllText(Path.Combine(workspace.Root, "charts", "agent", "values.yaml")), written["charts/agent/values.yaml"]);
        Assert.True(written.ContainsKey("charts/agent/Chart.yaml"));
        Assert.False(written.ContainsKey("charts/agent/values-prod.yaml"));
    }

    [Fact]
    public async Task A_project_written_where_the_chart_is_leaves_the_chart_alone_and_builds_from_it()
    {
        using var workspace = new ImportWorkspace().CopyFixture("chart");
        // The fleet's repository is the project folder: the chart is at the source path inside it.
        Directory.CreateDirectory(Path.Combine(workspace.Output, "charts"));
        Directory.Move(Path.Combine(workspace.Root, "charts", "agent"), Path.Combine(workspace.Output, "charts", "agent"));
        var chartValues = Path.Combine(workspace.Output, "charts", "agent", "values.yaml");
        var before = File.ReadAllText(chartValues);
        var stamp = File.GetLastWriteTimeUtc(chartValues);

        var run = await workspace.ImportAsync("--appset", "@appsets", "--clusters", "@hub", "--values", "@fleet/charts/agent");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("[ChartValues]): AgentValues (charts/agent)", run.Stdout);
        Assert.DoesNotContain("DIFFERS", run.Stdout);
        Assert.DoesNotContain("charts/agent/", run.Stdout.Split('\n').First(l => l.StartsWith("hubdsl: wrote", StringComparison.Ordinal)));
        Assert.Equal(before, File.ReadAllText(chartValues));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(chartValues));
    }
}
