using HubDsl.Cli.Input;
using HubDsl.Cli.Render;
using HubDsl.Tests.Shared;

namespace HubDsl.Cli.Tests.Render;

/// <summary>`hubdsl render` as a user runs it: the output folder, its record, the errors that name the fix.</summary>
public sealed class RenderCommandTests
{
    [HelmFact]
    public void Output_is_a_folder_per_cluster_and_Application_with_a_file_per_object_and_Secrets_masked()
    {
        using var fixture = new RenderFleetFixture();
        var output = Path.Combine(fixture.Folder, "rendered");
        var (exit, _, stderr) = RenderTool.Run(fixture.Folder, null, "render", "-o", output);
        Assert.True(exit == 0, stderr);
        Assert.Contains("rendered 8 Application(s) on 4 cluster(s) with 7 helm template run(s) for 7 distinct input(s)", stderr);
        var files = Directory.GetFiles(output, "*.yaml", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.Equal(24, files.Count);
        Assert.Contains("prod-1/web-prod-1/Deployment.apps_web-prod-1.yaml", files);
        Assert.Contains("prod-1/web-prod-1/Service_web_web-prod-1.yaml", files);
        Assert.Contains("prod-1/worker-prod-1/ClusterRole.rbac.authorization.k8s.io_worker-reader.yaml", files);
        Assert.Contains("prod-1/worker-prod-1/CustomResourceDefinition.apiextensions.k8s.io_jobs.example.com.yaml", files);
        var secret = File.ReadAllText(Path.Combine(output, "prod-1/web-prod-1/Secret_web-prod-1-token.yaml"));
        Assert.Contains("token: '<masked>'", secret);
        Assert.DoesNotContain("prod-token", secret);

        // A second render for one cluster deletes only the files it wrote, and leaves a file it did not write.
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");
        (exit, _, stderr) = RenderTool.Run(fixture.Folder, null, "render", "-o", output, "--cluster", "prod-1");
        Assert.True(exit == 0, stderr);
        Assert.Equal(6, Directory.GetFiles(output, "*.yaml", SearchOption.AllDirectories).Length);
        Assert.True(File.Exists(Path.Combine(output, "notes.txt")));
    }

    [HelmFact]
    public void A_file_it_did_not_write_is_never_overwritten()
    {
        using var fixture = new RenderFleetFixture();
        var output = Path.Combine(fixture.Folder, "rendered");
        Directory.CreateDirectory(Path.Combine(output, "dev-1", "web-dev-1"));
        File.WriteAllText(Path.Combine(output, "dev-1", "web-dev-1", "Service_web_web-dev-1.yaml"), "hand-written");
        var (exit, _, stderr) = RenderTool.Run(fixture.Folder, null, "render", "-o", output);
        Assert.Equal(2, exit);
        Assert.Contains("nothing was written", stderr);
        Assert.Equal("hand-written", File.ReadAllText(Path.Combine(output, "dev-1", "web-dev-1", "Service_web_web-dev-1.yaml")));
    }

    [Fact]
    public void Without_helm_the_error_says_how_to_get_it()
    {
        using var fixture = new RenderFleetFixture();
        var (exit, _, stderr) = RenderTool.Run(fixture.Folder, new Dictionary<string, string> { ["HUBDSL_HELM"] = Path.Combine(fixture.Folder, "no-helm") }, "render");
        Assert.Equal(2, exit);
        Assert.Contains("HUBDSL_HELM", stderr);
        Assert.StartsWith("hubdsl: ", stderr);
    }

    [HelmFact]
    public void Unknown_clusters_and_ApplicationSets_name_the_known_ones()
    {
        using var fixture = new RenderFleetFixture();
        var (exit, _, stderr) = RenderTool.Run(fixture.Folder, null, "render", "--cluster", "prod-3");
        Assert.Equal(2, exit);
        Assert.Contains("--cluster: no cluster named 'prod-3' (the fleet's clusters: dev-1, in-cluster, prod-1, prod-2, staging-1)", stderr);
        (exit, _, stderr) = RenderTool.Run(fixture.Folder, null, "render", "--appset", "api");
        Assert.Equal(2, exit);
        Assert.Contains("--appset: no ApplicationSet named 'api' (the fleet's: web, worker)", stderr);
    }

    [HelmFact]
    public void A_value_file_outside_the_repository_or_missing_is_that_Applications_error()
    {
        using var fixture = new RenderFleetFixture();
        fixture.Edit("argocd/applicationsets/worker.yaml", "/charts/worker/values-", "../../../../etc/values-");
        fixture.Edit("argocd/applicationsets/web.yaml", "ignoreMissingValueFiles: true", "ignoreMissingValueFiles: false");
        var (exit, stdout, stderr) = RenderTool.Run(fixture.Folder, null, "render");
        Assert.True(exit == 1, stderr);
        Assert.Contains("outside the repository root", stderr);
        Assert.Contains("web-prod-1: helm.valueFiles 'values-$ARGOCD_APP_NAME.yaml'", stderr);
        Assert.Contains("set ignoreMissingValueFiles: true", stderr);
        Assert.Contains("# prod-2/web-prod-2/", stdout); // prod-2 has its file, so it renders
    }

    [HelmFact]
    public async System.Threading.Tasks.Task The_total_output_is_bounded_and_the_error_says_how_to_render_less()
    {
        using var fixture = new RenderFleetFixture();
        var (sets, secrets) = ProjectFleet.Load(fixture.Folder);
        using var helm = new HelmRunner(Helm.Path!, 2, TimeSpan.FromSeconds(120));
        var settings = new RenderSettings { SourceRoot = fixture.Folder, MaxTotalCharacters = 4000 };
        var error = await Assert.ThrowsAsync<UserInputException>(() => FleetRenderer.RenderAsync(sets, secrets, settings, helm, System.Threading.CancellationToken.None));
        Assert.Contains("the rendered objects pass 4,000 characters", error.Message);
        Assert.Contains("--cluster or --appset", error.Message);
    }
}
