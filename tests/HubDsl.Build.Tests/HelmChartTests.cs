using HubDsl.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace HubDsl.Build.Tests;

/// <summary>
/// The generated values through real Helm: the chart lints, and `helm template` with the value files the generated
/// ApplicationSet lists (the fleet's defaults, then values-&lt;env&gt;.yaml, over the chart's own values.yaml, which
/// AgentValues is typed from) gives each environment's Deployment the scenario's replicas, resources and securityContext.
/// Go's YAML reader is stricter than YamlDotNet, so this is the outside check of the values files.
/// </summary>
public sealed class HelmChartTests
{
    private static readonly string Chart = Path.Combine(ExampleCopy.RepositoryRoot(), "examples", "AgentFleet", "helm");

    [HelmFact]
    public void The_example_chart_lints_with_every_environment()
    {
        foreach (var env in new[] { "staging", "prod", "dr" })
        {
            var (exit, output) = Helm.Run(new[] { "lint", Chart }.Concat(ValueFileArguments(env)).ToArray());
            Assert.True(exit == 0, output);
        }
    }

    [HelmTheory]
    [InlineData("staging", "1", "64Mi", "100m", "128Mi", "500m", "false")]
    [InlineData("prod", "3", "512Mi", "500m", "1Gi", "1000m", "true")]
    [InlineData("dr", "3", "512Mi", "500m", "1Gi", "1000m", "true")]
    public void Helm_renders_each_environment_as_the_scenario_wants(string env, string replicas, string requestMemory, string requestCpu, string limitMemory, string limitCpu, string runAsNonRoot)
    {
        // Argo CD passes valueFiles in order, then the inline values, exactly like this command line.
        var (exit, output) = Helm.Run(new[] { "template", "agent-" + env, Chart }.Concat(ValueFileArguments(env))
            .Concat(new[] { "--set-string", "cluster=" + env, "--set-string", "environment=" + env }).ToArray());
        Assert.True(exit == 0, output);
        var deployment = Documents(output).Single(d => Text(d, "kind") == "Deployment");
        Assert.Equal(replicas, Text(deployment, "spec", "replicas"));
        var pod = (YamlMappingNode)Node(deployment, "spec", "template", "spec");
        Assert.Equal(runAsNonRoot, Text(pod, "securityContext", "runAsNonRoot"));
        var container = (YamlMappingNode)((YamlSequenceNode)pod["containers"]).Children[0];
        Assert.Equal(requestMemory, Text(container, "resources", "requests", "memory"));
        Assert.Equal(requestCpu, Text(container, "resources", "requests", "cpu"));
        Assert.Equal(limitMemory, Text(container, "resources", "limits", "memory"));
        Assert.Equal(limitCpu, Text(container, "resources", "limits", "cpu"));
        // The database credentials arrive by Secret name only (ExternalSecret per environment).
        Assert.Equal("agent-db", Text((YamlMappingNode)((YamlSequenceNode)container["envFrom"]).Children[0], "secretRef", "name"));
    }

    // "-f file" for each valueFiles entry of the generated ApplicationSet, with the cluster's env label filled in.
    private static IEnumerable<string> ValueFileArguments(string env)
    {
        var appSet = Documents(File.ReadAllText(Path.Combine(Chart, "..", "argocd", "applicationsets", "agent-multi-cluster.yaml"))).Single();
        var files = (YamlSequenceNode)Node(appSet, "spec", "template", "spec", "source", "helm", "valueFiles");
        Assert.Equal(2, files.Children.Count);
        return files.Children.Cast<YamlScalarNode>().SelectMany(f => new[] { "-f", Path.Combine(Chart, f.Value!.Replace("{{metadata.labels.env}}", env)) });
    }

    private static IEnumerable<YamlMappingNode> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>();
    }

    private static YamlNode Node(YamlMappingNode root, params string[] path)
    {
        YamlNode node = root;
        foreach (var key in path) node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        return node;
    }

    private static string Text(YamlMappingNode root, params string[] path) => ((YamlScalarNode)Node(root, path)).Value!;
}
