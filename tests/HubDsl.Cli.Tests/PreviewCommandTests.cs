namespace HubDsl.Cli.Tests;

/// <summary>`hubdsl preview` on files: the JSON contract, exit codes, and Argo CD's semantics end to end.</summary>
public sealed class PreviewCommandTests
{
    [Fact]
    public void Scenario_appset_renders_one_application_per_labelled_cluster()
    {
        var (exit, stdout, stderr) = ToolRunner.Run("preview", "--appset", ToolRunner.Fixture("scenario-appset.yaml"), "--clusters", ToolRunner.Fixture("clusters"), "-o", "json");
        var json = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(new[] { "applications", "errors", "warnings" }, json.Select(p => p.Key).ToArray());
        var apps = json["applications"]!.AsArray();
        // The Secret in namespace 'other' is ignored, as Argo CD ignores it.
        Assert.Equal(new[] { "agent-dr", "agent-prod", "agent-staging" }, apps.Select(a => (string)a!["metadata"]!["name"]!).ToArray());
        var staging = apps.Single(a => (string)a!["metadata"]!["name"]! == "agent-staging")!;
        Assert.Equal("argocd", (string)staging["metadata"]!["namespace"]!);
        Assert.Equal("https://staging-api.example.com", (string)staging["spec"]!["destination"]!["server"]!);
        Assert.Equal(new[] { "values.yaml", "values-staging.yaml" }, staging["spec"]!["source"]!["helm"]!["valueFiles"]!.AsArray().Select(v => (string)v!).ToArray());
        Assert.Equal("cluster: \"staging\"\nenvironment: \"staging\"\n", (string)staging["spec"]!["source"]!["helm"]!["values"]!);
        Assert.Equal("resources-finalizer.argocd.argoproj.io", (string)staging["metadata"]!["finalizers"]![0]!);
        Assert.Empty(json["errors"]!.AsArray());
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);

        // dr has no env label: fasttemplate leaves the tag literally, silently, exactly as Argo CD does.
        var dr = apps.Single(a => (string)a!["metadata"]!["name"]! == "agent-dr")!;
        Assert.Equal("values-{{metadata.labels.env}}.yaml", (string)dr["spec"]!["source"]!["helm"]!["valueFiles"]![1]!);
    }

    [Fact]
    public void Params_show_the_flat_fasttemplate_parameter_sets()
    {
        var (exit, stdout, _) = ToolRunner.Run("preview", "--appset", ToolRunner.Fixture("scenario-appset.yaml"), "--clusters", ToolRunner.Fixture("clusters/staging.yaml"), "--params", "-o", "json");
        var json = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(new[] { "paramSets", "errors", "warnings" }, json.Select(p => p.Key).ToArray());
        var set = json["paramSets"]!.AsArray().Single()!.AsObject();
        Assert.Equal("staging", (string)set["name"]!);
        Assert.Equal("https://staging-api.example.com", (string)set["server"]!);
        Assert.Equal("staging", (string)set["metadata.labels.env"]!);
        Assert.Equal("cluster", (string)set["metadata.labels.argocd.argoproj.io/secret-type"]!);
        Assert.Equal(string.Empty, (string)set["project"]!);
        Assert.Equal(0, exit);
    }

    [Fact]
    public void GoTemplate_missingkey_error_on_the_in_cluster_blocks_the_whole_ApplicationSet()
    {
        // An empty selector adds the secret-less in-cluster pseudo-cluster; it has no .metadata, so
        // missingkey=error fails the render and Argo CD creates no Application at all.
        var (exit, stdout, _) = ToolRunner.Run("preview", "--appset", ToolRunner.Fixture("go-missingkey-error.yaml"), "--clusters", ToolRunner.Fixture("clusters/staging.yaml"), "-o", "json");
        var json = JsonNode.Parse(stdout)!.AsObject();
        Assert.Empty(json["applications"]!.AsArray());
        var error = json["errors"]!.AsArray().Single()!;
        Assert.Equal("RenderTemplateParamsError", (string)error["reason"]!);
        Assert.Contains("map has no entry for key \"metadata\"", (string)error["message"]!);
        Assert.Equal(1, exit);
    }

    [Fact]
    public void Without_the_in_cluster_the_strict_template_renders()
    {
        var (exit, stdout, _) = ToolRunner.Run("preview", "--appset", ToolRunner.Fixture("go-missingkey-error.yaml"), "--clusters", ToolRunner.Fixture("clusters/staging.yaml"), "--in-cluster", "false", "-o", "json");
        var json = JsonNode.Parse(stdout)!.AsObject();
        // The generator still emits the in-cluster set (it does not read inClusterEnabled), so the render still fails.
        Assert.Equal(1, exit);
        Assert.NotEmpty(json["errors"]!.AsArray());
    }

    [Theory]
    [InlineData("missing.yaml", "cannot read")]
    [InlineData("not-yaml.yaml", "is not valid YAML")]
    [InlineData("clusters/staging.yaml", "holds no argoproj.io/v1alpha1 ApplicationSet (found v1 Secret)")]
    public void Bad_input_is_one_clear_line_and_exit_2(string file, string message)
    {
        var (exit, stdout, stderr) = ToolRunner.Run("preview", "--appset", ToolRunner.Fixture(file));
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(message, stderr);
        Assert.Contains(file, stderr);
        Assert.DoesNotContain("   at ", stderr); // no stack trace
    }

    [Fact]
    public void Unknown_options_are_usage_errors()
    {
        var (exit, _, stderr) = ToolRunner.Run("preview", "--bogus");
        Assert.Equal(2, exit);
        Assert.Contains("--bogus", stderr);
    }

    [Fact]
    public void Table_output_lists_name_cluster_namespace_project_and_value_files()
    {
        var (exit, stdout, _) = ToolRunner.Run("preview", "--appset", ToolRunner.Fixture("scenario-appset.yaml"), "--clusters", ToolRunner.Fixture("clusters"));
        Assert.Equal(0, exit);
        var lines = stdout.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains(lines, l => l.StartsWith("NAME", StringComparison.Ordinal) && l.Contains("CLUSTER") && l.Contains("NAMESPACE") && l.Contains("PROJECT") && l.Contains("VALUE FILES"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^agent-staging\s+staging\s+agent\s+default\s+values\.yaml, values-staging\.yaml$"));
    }

    [Fact]
    public void The_project_mode_previews_the_generated_manifests_of_the_example()
    {
        var example = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "examples", "AgentFleet"));
        var (exit, stdout, stderr) = ToolRunner.Run("preview", "--project", example, "-o", "json");
        Assert.True(exit == 0, stderr);
        var names = JsonNode.Parse(stdout)!["applications"]!.AsArray().Select(a => (string)a!["metadata"]!["name"]!).ToArray();
        Assert.Equal(new[] { "agent-dr", "agent-prod", "agent-staging" }, names);
    }
}
