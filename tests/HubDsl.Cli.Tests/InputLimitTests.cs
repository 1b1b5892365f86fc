using System.Threading.Tasks;
using HubDsl.Cli.Tests.Runtime;
using HubDsl.Core.Manifests;

namespace HubDsl.Cli.Tests;

/// <summary>
/// Inputs that would exhaust memory or hang, through the built tool: an alias bomb is bad input (exit 2, one
/// clear line naming the file, the position and the limit), a template that would run for hours is a render
/// error in preview's errors (exit 1). Never a stack trace. No timing assertion: each run must simply end
/// (ToolRunner kills a run after 60 s and fails the test).
/// </summary>
public sealed class InputLimitTests
{
    [Fact]
    public void Preview_refuses_an_alias_bomb_as_bad_input()
    {
        var (exit, stdout, stderr) = ToolRunner.Run("preview", "--appset", ToolRunner.Fixture("alias-bomb.yaml"));

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("alias-bomb.yaml' is not valid YAML (line 15, column 35): document contains excessive aliasing", stderr);
        Assert.Contains("go-yaml (kubectl, Helm, Argo CD) allows", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Preview_reads_no_more_of_an_endless_file_than_the_reader_accepts()
    {
        Assert.True(File.Exists("/dev/zero"), "the test needs /dev/zero (Linux, as CI)");
        var (exit, stdout, stderr) = ToolRunner.Run("preview", "--appset", "/dev/zero");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("'/dev/zero' is larger than the 33,554,432 characters HubDsl reads from one YAML file (YamlReaderLimits.MaxTextLength", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Preview_of_a_runaway_template_ends_with_the_limit_in_its_errors()
    {
        var (exit, stdout, stderr) = ToolRunner.Run("preview", "--appset", ToolRunner.Fixture("nested-range-appset.yaml"), "--clusters", ToolRunner.Fixture("clusters"), "-o", "json");

        Assert.Equal(1, exit);
        var json = JsonNode.Parse(stdout)!.AsObject();
        Assert.Empty(json["applications"]!.AsArray());
        var error = json["errors"]!.AsArray().Single()!;
        Assert.Equal("RenderLimitExceeded", (string)error["reason"]!);
        var message = (string)error["message"]!;
        Assert.StartsWith("ApplicationSet 'nested-range': rendering spec.source.helm.values for ", message);
        Assert.Contains("more than 20,000,000 template steps for the whole ApplicationSet, HubDsl's limit (RenderOptions.MaxTemplateSteps)", message);
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public void Preview_as_a_table_shows_the_same_error()
    {
        var (exit, stdout, stderr) = ToolRunner.Run("preview", "--appset", ToolRunner.Fixture("nested-range-appset.yaml"), "--clusters", ToolRunner.Fixture("clusters"));

        Assert.Equal(1, exit);
        Assert.Contains("error RenderLimitExceeded: ApplicationSet 'nested-range'", stdout);
        Assert.Contains("0 application(s), 1 error(s)", stdout);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Fact]
    public async Task Cluster_add_refuses_an_alias_bomb_as_its_rbac_file_before_touching_a_cluster()
    {
        await using var fleet = await RuntimeFleet.StartAsync("prod");

        var (exit, stdout, stderr) = ToolRunner.Run("cluster", "add", "prod", "--rbac", ToolRunner.Fixture("alias-bomb.yaml"), "--yes", "--kubeconfig", fleet.Kubeconfig);

        Assert.Equal(2, exit);
        Assert.Contains("alias-bomb.yaml' is not valid YAML (line 15, column 35): document contains excessive aliasing", stderr);
        Assert.DoesNotContain("   at ", stdout + stderr);
        Assert.DoesNotContain(fleet["prod"].Requests.Entries, e => e.Method != "GET");
        Assert.Null(fleet.HubSecret(fleet["prod"]));
    }

    [Fact]
    public async Task Apply_refuses_a_project_holding_an_alias_bomb_and_applies_nothing()
    {
        await using var fleet = await RuntimeFleet.StartAsync("prod");
        var project = new TestProject(Path.Combine(fleet.Folder, "project")).Cluster("prod", fleet.ServerOf(fleet["prod"]), ("deploy", "true"));
        File.WriteAllText(Path.Combine(project.Folder, "argocd", "applicationsets", "bomb.yaml"),
            "# " + ManifestHeader.For("Test.Bomb") + "\n" + File.ReadAllText(ToolRunner.Fixture("alias-bomb.yaml")));
        project.Recorded();

        var (exit, stdout, stderr) = ToolRunner.Run("apply", "--project", project.Folder, "--kubeconfig", fleet.Kubeconfig);

        Assert.Equal(2, exit);
        Assert.Contains("bomb.yaml' is not valid YAML (line 16, column 35): document contains excessive aliasing", stderr);
        Assert.DoesNotContain("   at ", stdout + stderr);
        Assert.DoesNotContain(fleet.Hub.Requests.Entries, e => e.Method is "PATCH" or "POST" or "PUT" or "DELETE");
    }

    [Fact]
    public async Task Apply_sends_a_runaway_template_as_text_without_running_it()
    {
        // apply renders nothing (Argo CD's controller does): the ApplicationSet is applied as written, at once.
        await using var fleet = await RuntimeFleet.StartAsync("prod");
        var project = new TestProject(Path.Combine(fleet.Folder, "project"));
        File.WriteAllText(Path.Combine(project.Folder, "argocd", "applicationsets", "nested-range.yaml"),
            "# " + ManifestHeader.For("Test.NestedRange") + "\n" + File.ReadAllText(ToolRunner.Fixture("nested-range-appset.yaml"))
                .Replace("  namespace: argocd\n", "  namespace: argocd\n  labels:\n    " + project.FleetLabel + ": 'true'\n"));
        project.Recorded();

        var (exit, stdout, stderr) = ToolRunner.Run("apply", "--project", project.Folder, "--dry-run", "--kubeconfig", fleet.Kubeconfig);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("nested-range", stdout);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }
}
