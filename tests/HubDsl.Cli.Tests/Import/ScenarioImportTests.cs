using System.Threading.Tasks;
using HubDsl.Cli.Tests.Runtime;

namespace HubDsl.Cli.Tests.Import;

/// <summary>
/// The scenario's hand-written fleet (its complete ApplicationSet, the hub's cluster Secrets as `argocd cluster add`
/// writes them with the lesson's labels, and the chart in helm/ with its values*.yaml) imports into C# that builds the
/// same manifests. helm/ holds a Chart.yaml, so the values record is typed from the chart ([ChartValues]).
/// </summary>
[Collection(ImportBuildCollection.Name)]
public sealed class ScenarioImportTests
{
    // The service-account token in the fixture Secrets' config: it must never reach the C#, the output or a message.
    private const string TokenSignature = "c2NlbmFyaW8tdG9rZW4tZG8tbm90LWxlYWs";

    [Fact]
    public async Task Scenario_fleet_imports_round_trips_and_a_second_run_writes_the_same_bytes()
    {
        using var workspace = new ImportWorkspace().CopyFixture("scenario");

        var run = await workspace.ImportAsync("--appset", "@argocd", "--clusters", "@hub", "--values", "@helm");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("hubdsl: import complete", run.Stdout);
        Assert.DoesNotContain("left out", run.Stdout);
        Assert.DoesNotContain("DIFFERS", run.Stdout);
        foreach (var file in new[] { "agent-multi-cluster-appset.yaml", "staging.yaml", "prod.yaml", "dr.yaml", "values-staging.yaml", "values-prod.yaml", "values-dr.yaml" })
        {
            Assert.Contains(run.Stdout.Split('\n'), line => line.TrimStart().StartsWith("same ", StringComparison.Ordinal) && line.Contains("/" + file));
        }

        var written = workspace.Written();
        Assert.Equal(new[] { "AgentMultiCluster.cs", "AgentMultiClusterValues.cs", "Clusters.cs", "FleetProject.csproj", "helm/Chart.yaml", "helm/values.yaml" }, written.Keys.OrderBy(f => f, StringComparer.Ordinal));
        var appSet = written["AgentMultiCluster.cs"];
        Assert.Contains("[ApplicationSet(\"agent-multi-cluster\", PreserveResourcesOnDeletion = true)]", appSet);
        Assert.Contains("ClusterSelector.WithLabels((\"deploy\", \"true\"))", appSet);
        Assert.Contains("new($\"agent-{Param.Name}\")", appSet);
        Assert.Contains("Destination = new(Param.Server, \"agent\")", appSet);
        Assert.Contains("ValueFiles = [\"values.yaml\", $\"values-{Param.Label(\"env\")}.yaml\"]", appSet);
        Assert.Contains("[\"environment\"] = Param.Label(\"env\")", appSet);
        Assert.Contains("Retry = new(Limit: 5, Backoff: new(Duration: \"5s\", Factor: 2, MaxDuration: \"3m\"))", appSet);
        // values.yaml is the chart's own: Defaults is the chart's (no [Values]: the ApplicationSet lists no fleet defaults
        // file, and HubDsl never writes the chart's values.yaml). Staging repeats them; Prod and DR show only what differs.
        Assert.Contains("    public static readonly AgentMultiClusterValues Defaults = new();", appSet);
        Assert.DoesNotContain("[Values]\n", appSet);
        Assert.Contains("public static readonly AgentMultiClusterValues Staging = Defaults;", appSet);
        Assert.Contains("public static readonly AgentMultiClusterValues Prod = Defaults with", appSet);
        Assert.Contains("Replicas = 3,", appSet);
        // Nested maps are the generated nested records, from the chart's defaults: only what differs is spelled out.
        Assert.Contains("Resources = new() { Requests = new() { Memory = \"512Mi\", Cpu = \"500m\" }, Limits = new() { Memory = \"1Gi\", Cpu = \"1000m\" } },", appSet);
        Assert.Contains("SecurityContext = new() { RunAsNonRoot = true },", appSet);
        // The generator writes the record's properties from the chart (copied into the project at the source path).
        var values = written["AgentMultiClusterValues.cs"];
        Assert.Contains("[ChartValues(\"helm\")]\npublic sealed partial record AgentMultiClusterValues : HelmValues;", values);
        Assert.Equal(File.ReadAllText(Path.Combine(workspace.Root, "helm", "values.yaml")), written["helm/values.yaml"]);
        Assert.Contains("public static readonly Cluster Staging = new(\"staging\", \"https://staging-api.example.com\")", written["Clusters.cs"]);
        Assert.Contains("Labels = { [\"env\"] = \"staging\", [\"deploy\"] = \"true\" }", written["Clusters.cs"]);
        foreach (var text in written.Values.Append(run.All)) Assert.DoesNotContain(TokenSignature, text);
        Assert.DoesNotContain("bearerToken", string.Concat(written.Values));

        // The same input again: refused without --force (nothing touched), and with it the very same bytes.
        var stamp = File.GetLastWriteTimeUtc(Path.Combine(workspace.Output, "Clusters.cs"));
        var refused = await workspace.ImportAsync("--appset", "@argocd", "--clusters", "@hub", "--values", "@helm");
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("already exist", refused.Stderr);
        Assert.Contains("Use --force", refused.Stderr);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Path.Combine(workspace.Output, "Clusters.cs")));

        var again = await workspace.ImportAsync("--appset", "@argocd", "--clusters", "@hub", "--values", "@helm", "--force");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(written, workspace.Written());
    }
}
