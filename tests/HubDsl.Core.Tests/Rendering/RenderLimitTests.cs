using System.Threading.Tasks;
using HubDsl.Core.Rendering;
using HubDsl.Core.Templating;
using HubDsl.Core.Yaml;
using static HubDsl.Core.Tests.Rendering.RenderingTestKit;

namespace HubDsl.Core.Tests.Rendering;

/// <summary>
/// The renderer's limits (RenderOptions): template steps and output for a whole ApplicationSet, and parameter
/// sets. Argo CD has none, so these templates would keep its controller busy; HubDsl ends them with an error
/// that names the ApplicationSet, the field, the limit and the option. No timing assertions: each test asserts
/// the render ends with that error (xunit's timeout is only a safety net).
/// </summary>
public sealed class RenderLimitTests
{
    private const string NestedRange = "{{ range until 1000000 }}{{ range until 1000000 }}x{{ end }}{{ end }}";

    private static string GoAppSet(string name, string helmValues) => """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: nested
          namespace: argocd
        spec:
          goTemplate: true
          generators:
            - clusters:
                selector:
                  matchLabels:
                    deploy: "true"
          template:
            metadata:
              name: 'NAME'
            spec:
              project: default
              destination:
                server: '{{ .server }}'
                namespace: agent
              source:
                repoURL: https://github.com/example/agent
                path: helm/
                helm:
                  values: 'VALUES'
        """.Replace("NAME", name).Replace("VALUES", helmValues);

    [Fact(Timeout = 120_000)]
    public async Task A_nested_range_ends_with_an_error_naming_the_ApplicationSet_the_field_and_the_limit()
    {
        var result = await Task.Run(() => Render(GoAppSet("agent-{{ .name }}", NestedRange)));
        Assert.Empty(result.Applications);
        Assert.True(result.IsBlocked);
        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderErrorReasons.RenderLimitExceeded, error.Reason);
        Assert.StartsWith("ApplicationSet 'nested': rendering spec.source.helm.values for staging (stopped in base:1:", error.Message);
        Assert.Contains("more than 20,000,000 template steps for the whole ApplicationSet, HubDsl's limit (RenderOptions.MaxTemplateSteps)", error.Message);
        Assert.Equal(NestedRange, error.Node?.AsString());
        Assert.True(result.TemplateSteps > new RenderOptions().MaxTemplateSteps);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_editor_budget_stops_the_same_template_ten_times_sooner()
    {
        var result = await Task.Run(() => Render(GoAppSet("agent-{{ .name }}", NestedRange), RenderOptions.ForEditor()));
        var error = Assert.Single(result.Errors);
        Assert.Contains("more than 2,000,000 template steps", error.Message);
        Assert.InRange(result.TemplateSteps, RenderOptions.ForEditor().MaxTemplateSteps + 1, RenderOptions.ForEditor().MaxTemplateSteps + 100);
    }

    [Fact]
    public void Output_is_bounded_for_the_whole_render_not_per_string()
    {
        // Each Application's values are 40,000 characters: fine alone, but three clusters pass 100,000.
        var options = new RenderOptions { MaxOutputCharacters = 100_000 };
        var result = Render(GoAppSet("agent-{{ .name }}", "{{ repeat 40000 \"x\" }}"), options);
        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderErrorReasons.RenderLimitExceeded, error.Reason);
        Assert.Contains("generates more than 100,000 characters of output for the whole ApplicationSet, HubDsl's limit (RenderOptions.MaxOutputCharacters)", error.Message);

        // Near miss: one cluster fits.
        Assert.Empty(Render(GoAppSet("agent-{{ .name }}", "{{ repeat 40000 \"x\" }}"), new[] { ScenarioSecrets()[0] }, options).Errors);
    }

    [Fact]
    public void A_single_string_cannot_build_more_output_than_the_render_has_left()
    {
        var result = Render(GoAppSet("agent-{{ .name }}", "{{ range until 200000 }}0123456789{{ end }}"), new RenderOptions { MaxOutputCharacters = 1_000_000 });
        Assert.Contains("MaxOutputCharacters", Assert.Single(result.Errors).Message);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_2000_by_2000_matrix_fails_fast_with_a_clear_reason_and_little_memory()
    {
        string Elements(string key) => string.Join(", ", Enumerable.Range(0, 2000).Select(i => "{" + key + ": '" + i + "'}"));
        var yaml = """
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: huge
              namespace: argocd
            spec:
              generators:
                - matrix:
                    generators:
                      - list:
                          elements: [A]
                      - list:
                          elements: [B]
              template:
                metadata:
                  name: 'app-{{a}}-{{b}}'
                spec:
                  project: default
                  destination: {server: https://kubernetes.default.svc, namespace: x}
                  source: {repoURL: https://github.com/example/x, path: x}
            """.Replace("[A]", "[" + Elements("a") + "]").Replace("[B]", "[" + Elements("b") + "]");
        var appSet = (YamlMapping)YamlReader.Parse(yaml);
        await Task.Yield(); // off the test thread, so xunit's timeout can end a hang; measured on one thread below
        var start = GC.GetAllocatedBytesForCurrentThread();
        var result = ApplicationSetRenderer.Render(appSet, ScenarioSecrets());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - start;
        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderErrorReasons.RenderLimitExceeded, error.Reason);
        Assert.Equal(
            "ApplicationSet 'huge': spec.generators[0].matrix generates more than 10,000 parameter sets, HubDsl's limit for one ApplicationSet (RenderOptions.MaxParameterSets); Argo CD would try to create an Application for each. Narrow the generators (a selector, fewer elements) or split the ApplicationSet.",
            error.Message);
        Assert.Empty(result.Applications);
        // 4 million parameter sets would be gigabytes; stopping at 10,001 costs a few tens of megabytes.
        Assert.True(allocated < 200L * 1024 * 1024, "the 2000×2000 matrix allocated " + allocated / (1024 * 1024) + " MiB before failing");
    }

    [Fact]
    public void Parameter_sets_are_bounded_per_ApplicationSet_too()
    {
        var result = Render(ScenarioTests.ScenarioAppSet, new RenderOptions { MaxParameterSets = 2 });
        Assert.Contains("generates more than 2 parameter sets", Assert.Single(result.Errors).Message);
        Assert.Empty(Render(ScenarioTests.ScenarioAppSet, new RenderOptions { MaxParameterSets = 3 }).Errors); // near miss
    }

    [Fact]
    public void A_real_ApplicationSet_for_10000_clusters_stays_within_the_editor_limits()
    {
        // The measured figures behind the defaults: the example fleet's ApplicationSet, rendered for 10,000 clusters.
        var appSet = File.ReadAllText(Path.Combine(RepositoryRoot(), "examples", "AgentFleet", "argocd", "applicationsets", "agent-multi-cluster.yaml"));
        var secrets = Enumerable.Range(0, 10_000).Select(i => Secret("c" + i, "https://c" + i + ".example.com", Labels(("env", "prod"), ("deploy", "true")))).ToList();
        var result = Render(appSet, secrets, RenderOptions.ForEditor());
        Assert.Empty(result.Errors);
        Assert.Equal(10_000, result.Applications.Count);
        Assert.InRange(result.TemplateSteps / 10_000, 50, 200);
        Assert.InRange(result.OutputCharacters / 10_000, 300, 1000);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HubDsl.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("HubDsl.sln not found above " + AppContext.BaseDirectory);
    }
}
