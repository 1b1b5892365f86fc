using System.Threading;
using System.Threading.Tasks;
using HubDsl.Cli.Input;
using HubDsl.Cli.Render;
using HubDsl.Core.Yaml;
using HubDsl.Tests.Shared;

namespace HubDsl.Cli.Tests.Render;

/// <summary>
/// What `hubdsl render` produces equals `helm template` run by hand with the arguments Argo CD's repo server
/// passes (reposerver/repository/repository.go helmTemplate; util/helm/cmd.go Cmd.template: release name,
/// namespace, --set, --set-string, value files in order, then the inline values file, then --include-crds),
/// plus the tracking annotation GenerateManifests adds (util/argo/resource_tracking.go SetAppInstance,
/// BuildAppInstanceValue "&lt;app&gt;:&lt;group&gt;/&lt;kind&gt;:&lt;namespace&gt;/&lt;name&gt;", no annotation on CRDs).
/// The expected command lines are written out here from Argo CD's source, not derived from the code under test.
/// </summary>
public sealed class RenderMatchesHelmTests
{
    private static readonly string Example = Path.Combine(RepositoryRoot(), "examples", "AgentFleet");

    [HelmFact]
    public async Task The_example_renders_what_helm_template_gives_with_the_Applications_arguments()
    {
        var render = await RenderAsync(Example, Example);
        Assert.Equal(new[] { "dr/agent-dr", "prod/agent-prod", "staging/agent-staging" }, render.Applications.Select(a => a.Cluster + "/" + a.Name));
        foreach (var (cluster, env) in new[] { ("staging", "staging"), ("prod", "prod"), ("dr", "dr") })
        {
            var chart = Path.Combine(Example, "helm");
            var inline = "cluster: '" + cluster + "'\nenvironment: '" + env + "'\n";
            var expected = ByHand("agent-" + cluster, "agent", inline, "template", chart, "--name-template", "agent-" + cluster, "--namespace", "agent",
                "--values", Path.Combine(chart, "values.yaml"), "--values", Path.Combine(chart, "values-" + env + ".yaml"), "--values", "{inline}", "--include-crds");
            AssertSameObjects(expected, render.Applications.Single(a => a.Cluster == cluster));
        }
    }

    [HelmFact]
    public async Task The_fixture_fleet_renders_what_helm_template_gives_with_each_Applications_arguments()
    {
        using var fixture = new RenderFleetFixture();
        var render = await RenderAsync(fixture.Folder, fixture.Folder);
        Assert.False(render.HasErrors, string.Join("\n", render.ApplicationSetErrors.Concat(render.Applications.Select(a => a.Error ?? string.Empty))));
        Assert.Equal(8, render.Applications.Count);
        var web = Path.Combine(fixture.Folder, "charts", "web");
        var worker = Path.Combine(fixture.Folder, "charts", "worker");
        foreach (var (cluster, env) in new[] { ("dev-1", "dev"), ("staging-1", "staging"), ("prod-1", "prod"), ("prod-2", "prod") })
        {
            // web: parameters sorted by name within --set and --set-string; $ARGOCD_APP_* substituted in parameter
            // values and value file names but not in the inline values; values-web-<cluster>.yaml only where it exists.
            var app = "web-" + cluster;
            var inline = "cluster: '" + cluster + "'\nenvironment: '" + env + "'\nliteral: '$ARGOCD_APP_NAME stays as it is in inline values'\n";
            var args = new List<string>
            {
                "template", web, "--name-template", app, "--namespace", "web",
                "--set", "build.hosts=a.example.com\\,b.example.com", "--set", "image.tag=1.2.3",
                "--set-string", "build.app=" + app, "--set-string", "build.source=charts/web@main in web/web",
                "--values", Path.Combine(web, "values.yaml"), "--values", Path.Combine(web, "values-" + env + ".yaml"),
            };
            if (cluster == "prod-2") args.AddRange(new[] { "--values", Path.Combine(web, "values-web-prod-2.yaml") });
            args.AddRange(new[] { "--values", "{inline}", "--include-crds" });
            AssertSameObjects(ByHand(app, "web", inline, args.ToArray()), render.Applications.Single(a => a.Name == app));

            // worker: a fixed release name, a value file from the repository root, valuesObject as the inline values.
            app = "worker-" + cluster;
            var expected = ByHand(app, "jobs", "queue: " + env + "-jobs\n", "template", worker, "--name-template", "worker", "--namespace", "jobs",
                "--values", Path.Combine(worker, "values-" + env + ".yaml"), "--values", "{inline}", "--include-crds");
            AssertSameObjects(expected, render.Applications.Single(a => a.Name == app));
        }

        // The two prod workers have the same input: seven helm runs for eight Applications.
        Assert.Equal(7, render.DistinctInputs);
    }

    [HelmFact]
    public async Task Identical_inputs_run_helm_once_and_each_Application_gets_its_own_tracking_id()
    {
        using var fixture = new RenderFleetFixture();
        var (sets, secrets) = ProjectFleet.Load(fixture.Folder);
        using var helm = new HelmRunner(Helm.Path!, 2, TimeSpan.FromSeconds(120));
        var render = await FleetRenderer.RenderAsync(sets, secrets, new RenderSettings { SourceRoot = fixture.Folder, ApplicationSets = new[] { "worker" } }, helm, CancellationToken.None);
        Assert.Equal(4, render.Applications.Count);
        Assert.Equal(3, helm.Runs);
        var ids = render.Applications.Where(a => a.Cluster.StartsWith("prod", StringComparison.Ordinal))
            .Select(a => Annotation(Parse(a.Objects.Single(o => o.Key.Kind == "Deployment").Yaml))).ToList();
        Assert.Equal(new[] { "worker-prod-1:apps/Deployment:jobs/worker", "worker-prod-2:apps/Deployment:jobs/worker" }, ids);
    }

    [HelmFact]
    public async Task Label_tracking_sets_the_instance_label_instead()
    {
        using var fixture = new RenderFleetFixture();
        var render = await RenderAsync(fixture.Folder, fixture.Folder, new[] { "prod-1" }, TrackingMethod.Label);
        var deployment = Parse(render.Applications.Single(a => a.Name == "web-prod-1").Objects.Single(o => o.Key.Kind == "Deployment").Yaml);
        var metadata = (YamlMapping)deployment["metadata"]!;
        Assert.Equal("web-prod-1", ((YamlMapping)metadata["labels"]!)["app.kubernetes.io/instance"]?.AsString());
        Assert.Null((metadata["annotations"] as YamlMapping)?[ResourceTracking.TrackingIdAnnotation]);
    }

    private static async Task<FleetRender> RenderAsync(string project, string sourceRoot, string[]? clusters = null, TrackingMethod tracking = TrackingMethod.Annotation)
    {
        var (sets, secrets) = ProjectFleet.Load(project);
        using var helm = new HelmRunner(Helm.Path!, 2, TimeSpan.FromSeconds(120));
        return await FleetRenderer.RenderAsync(sets, secrets, new RenderSettings { SourceRoot = sourceRoot, Clusters = clusters ?? Array.Empty<string>(), Tracking = tracking }, helm, CancellationToken.None);
    }

    // helm template run by hand ("{inline}" is replaced by a file holding the inline values), with the tracking
    // annotation each object gets: the object's namespace, else the destination namespace.
    private static List<YamlMapping> ByHand(string app, string destinationNamespace, string inline, params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), "hubdsl-inline-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, inline);
        try
        {
            var (exit, output) = Helm.Run(args.Select(a => a == "{inline}" ? file : a).ToArray());
            Assert.True(exit == 0, output);
            var objects = YamlReader.ParseAll(output).OfType<YamlMapping>().ToList();
            foreach (var obj in objects)
            {
                var apiVersion = obj["apiVersion"]!.AsString()!;
                var group = apiVersion.Contains('/') ? apiVersion[..apiVersion.IndexOf('/')] : string.Empty;
                var kind = obj["kind"]!.AsString()!;
                if (kind == "CustomResourceDefinition") continue;
                var metadata = (YamlMapping)obj["metadata"]!;
                var ns = metadata["namespace"]?.AsString() ?? destinationNamespace;
                metadata.GetOrAddMapping("annotations").Set("argocd.argoproj.io/tracking-id", app + ":" + group + "/" + kind + ":" + ns + "/" + metadata["name"]!.AsString());
            }

            return objects;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void AssertSameObjects(List<YamlMapping> expected, RenderedApplication actual)
    {
        Assert.Null(actual.Error);
        Assert.NotEmpty(expected);
        var rendered = actual.Objects.Select(o => Parse(o.Yaml)).ToList();
        Assert.Equal(expected.Count, rendered.Count);
        foreach (var obj in expected)
        {
            var name = ((YamlMapping)obj["metadata"]!)["name"]!.AsString();
            var match = rendered.SingleOrDefault(r => r["kind"]!.AsString() == obj["kind"]!.AsString() && ((YamlMapping)r["metadata"]!)["name"]!.AsString() == name);
            Assert.True(match is not null, actual.Name + ": no " + obj["kind"]!.AsString() + " " + name);
            Assert.True(obj.Equals(match), actual.Name + ": " + obj["kind"]!.AsString() + " " + name + " differs:\n" + YamlWriter.Write(obj) + "\nrendered:\n" + YamlWriter.Write(match!));
        }
    }

    private static YamlMapping Parse(string yaml) => (YamlMapping)YamlReader.Parse(yaml);

    private static string? Annotation(YamlMapping obj) => (((YamlMapping)obj["metadata"]!)["annotations"] as YamlMapping)?[ResourceTracking.TrackingIdAnnotation]?.AsString();

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
