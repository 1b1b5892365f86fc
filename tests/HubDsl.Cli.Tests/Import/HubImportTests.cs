using System.Threading.Tasks;
using HubDsl.Cli.Tests.Runtime;

namespace HubDsl.Cli.Tests.Import;

/// <summary>`hubdsl import --from-hub`: the cluster Secrets are read from a live hub (the Kubernetes API emulator) as `cluster list` reads them.</summary>
[Collection(ImportBuildCollection.Name)]
public sealed class HubImportTests
{
    [Fact]
    public async Task From_hub_reads_the_registered_clusters_without_credentials_and_round_trips()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging", "prod");
        foreach (var spoke in new[] { "staging", "prod" })
        {
            var add = await fleet.RunAsync("cluster", "add", spoke, "--label", "env=" + spoke, "--label", "deploy=true", "--yes");
            Assert.True(add.ExitCode == 0, add.ToString());
        }

        using var workspace = new ImportWorkspace().CopyFixture("scenario");
        File.Delete(Path.Combine(workspace.Root, "helm", "values-dr.yaml")); // the hub has no dr cluster

        var run = await fleet.RunAsync("import", "--from-hub", "--appset", Path.Combine(workspace.Root, "argocd"), "--values", Path.Combine(workspace.Root, "helm"),
            "-o", workspace.Output, "--hubdsl-local", ImportWorkspace.LocalProps);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("DIFFERS", run.Stdout);
        Assert.Contains("hub Secret argocd/" + fleet.SecretNameOf(fleet["staging"]), run.Stdout);
        var clusters = workspace.Written()["Clusters.cs"];
        Assert.Contains("new(\"staging\", \"" + fleet.ServerOf(fleet["staging"]) + "\")", clusters);
        Assert.Contains("new(\"prod\", \"" + fleet.ServerOf(fleet["prod"]) + "\")", clusters);
        Assert.Contains("[\"env\"] = \"prod\", [\"deploy\"] = \"true\"", clusters);
        foreach (var spoke in fleet.Spokes)
        {
            var token = fleet.SpokeToken(spoke)!;
            Assert.DoesNotContain(token, run.All);
            Assert.DoesNotContain(token, string.Concat(workspace.Written().Values));
        }
    }
}
