using System.Text;
using System.Threading.Tasks;
using HubDsl.Cli.Output;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Tests.Runtime;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Tests;

/// <summary>
/// Deep documents: whatever the YAML reader accepts, -o json writes (System.Text.Json stops at 64 levels by
/// default); one level more is a clear error, never a stack trace. Hub objects are read one by one, so one deep
/// Application does not take the status of the others with it.
/// </summary>
public sealed class DepthTests
{
    // {a: {a: ... x}} with `levels` nested mappings.
    private static string NestedYaml(int levels) => string.Concat(Enumerable.Repeat("{a: ", levels)) + "x" + new string('}', levels);

    private static string NestedJson(int levels) => string.Concat(Enumerable.Repeat("{\"a\":", levels)) + "\"x\"" + new string('}', levels);

    // The reader counts a level for each block value (the document, spec, template, spec, source, helm and
    // valuesObject values here) and for each flow collection, so these files are at its limit exactly.
    private static readonly int ValuesLevelsAtLimit = YamlReaderLimits.MaxNesting - 7;
    private static readonly int ElementLevelsAtLimit = YamlReaderLimits.MaxNesting - 8;

    // An ApplicationSet whose helm.valuesObject holds `levels` nested mappings.
    private static string AppSetNested(int levels) => $$$"""
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata: { name: deep, namespace: argocd }
        spec:
          goTemplate: true
          generators:
          - list:
              elements:
              - cluster: a
          template:
            metadata: { name: 'app-{{.cluster}}' }
            spec:
              project: default
              destination: { server: 'https://kubernetes.default.svc', namespace: x }
              source:
                repoURL: https://example.com/r
                path: p
                helm:
                  valuesObject: {{{NestedYaml(levels)}}}
        """;

    // A goTemplate List generator element whose `deep` value holds `levels` nested mappings.
    private static string AppSetWithDeepElement(int levels) => $$$"""
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata: { name: deep, namespace: argocd }
        spec:
          goTemplate: true
          generators:
          - list:
              elements:
              - cluster: a
                deep: {{{NestedYaml(levels)}}}
          template:
            metadata: { name: 'app-{{.cluster}}' }
            spec:
              project: default
              destination: { server: 'https://kubernetes.default.svc', namespace: x }
              source: { repoURL: 'https://example.com/r', path: p }
        """;

    private static string Write(string name, string text)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hubdsl-depth-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static JsonNode Parse(string json) => JsonNode.Parse(json, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 4096 })!;

    [Fact]
    public void Preview_json_writes_an_ApplicationSet_nested_to_the_YAML_readers_limit()
    {
        var file = Write("limit.yaml", AppSetNested(ValuesLevelsAtLimit));

        var (exit, stdout, stderr) = ToolRunner.Run("preview", "--appset", file, "-o", "json");

        Assert.True(exit == 0, stderr);
        var application = Parse(stdout)["applications"]![0]!;
        // The Application (the template: root, spec, source, helm) with every level of the values below it.
        Assert.Equal(4 + ValuesLevelsAtLimit, JsonLimits.Depth(application));
        Assert.Equal(JsonLimits.EnvelopeDepth + 4 + ValuesLevelsAtLimit, JsonLimits.Depth(Parse(stdout)));
    }

    [Fact]
    public void Preview_params_json_writes_goTemplate_elements_nested_to_the_limit()
    {
        var file = Write("elements.yaml", AppSetWithDeepElement(ElementLevelsAtLimit));

        var (exit, stdout, stderr) = ToolRunner.Run("preview", "--appset", file, "--params", "-o", "json");

        Assert.True(exit == 0, stderr);
        var set = Parse(stdout)["paramSets"]![0]!;
        Assert.Equal(1 + ElementLevelsAtLimit, JsonLimits.Depth(set));
    }

    [Fact]
    public void One_level_past_the_limit_is_a_clear_error_naming_the_file_and_option()
    {
        var file = Write("past.yaml", AppSetNested(ValuesLevelsAtLimit + 1));

        var (exit, stdout, stderr) = ToolRunner.Run("preview", "--appset", file, "-o", "json");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("--appset: '" + file + "' is not valid YAML", stderr);
        Assert.Contains("nesting deeper than " + YamlReaderLimits.MaxNesting + " levels", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void The_JSON_writer_holds_its_limit_and_names_what_is_past_it()
    {
        var atLimit = Parse(NestedJson(JsonLimits.MaxDepth));
        var past = Parse(NestedJson(JsonLimits.MaxDepth + 1));

        Assert.Equal(JsonLimits.MaxDepth, JsonLimits.Depth(atLimit));
        Assert.Equal(JsonLimits.MaxDepth, JsonLimits.Depth(Parse(JsonLimits.Write(atLimit, indented: true, "the test document"))));
        var error = Assert.Throws<UserInputException>(() => JsonLimits.Write(past, indented: false, "the test document"));
        Assert.Equal("the test document nests " + (JsonLimits.MaxDepth + 1) + " levels deep; hubdsl writes JSON up to " + JsonLimits.MaxDepth + " levels (YAML input is limited to " + YamlReaderLimits.MaxNesting + ")", error.Message);
    }

    [Fact]
    public void The_JSON_limit_leaves_room_for_an_output_envelope_and_managed_fields_around_a_YAML_document()
    {
        Assert.Equal(YamlReaderLimits.MaxNesting + JsonLimits.ManagedFieldsDepth + JsonLimits.EnvelopeDepth, JsonLimits.MaxDepth);
        Assert.Equal(JsonLimits.MaxDepth, JsonLimits.Indented.MaxDepth);
        Assert.Equal(JsonLimits.MaxDepth, JsonLimits.Compact.MaxDepth);
        Assert.Equal(JsonLimits.MaxDepth, JsonLimits.Document.MaxDepth);
    }

    [Fact]
    public void A_listed_object_at_the_limit_is_read_and_one_past_it_is_named_instead()
    {
        var prefix = "{\"kind\":\"Application\",\"metadata\":{\"name\":\"n\",\"namespace\":\"argocd\"},\"spec\":";
        using var atLimit = System.Text.Json.JsonDocument.Parse(prefix + NestedJson(JsonLimits.MaxDepth - 1) + "}", new System.Text.Json.JsonDocumentOptions { MaxDepth = 4096 });
        using var past = System.Text.Json.JsonDocument.Parse(prefix + NestedJson(JsonLimits.MaxDepth) + "}", new System.Text.Json.JsonDocumentOptions { MaxDepth = 4096 });

        var read = ListedObject.Read(atLimit.RootElement);
        var refused = ListedObject.Read(past.RootElement);

        Assert.NotNull(read.Object);
        Assert.Null(read.Problem);
        Assert.Null(refused.Object);
        Assert.Equal("Application argocd/n", refused.Describe(null));
        Assert.Equal("nests " + (JsonLimits.MaxDepth + 1) + " levels deep; hubdsl reads objects up to " + JsonLimits.MaxDepth + " levels", refused.Problem);
    }

    [Fact]
    public async Task Apply_and_diff_carry_a_generated_ApplicationSet_nested_past_64_levels()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        var project = new TestProject(Path.Combine(fleet.Folder, "project"));
        File.WriteAllText(Path.Combine(project.Folder, "argocd", "applicationsets", "deep.yaml"), "# " + HubDsl.Core.Manifests.ManifestHeader.For("Test.Deep") + "\n" + AppSetNested(200).Replace("metadata: { name: deep, namespace: argocd }", "metadata: { name: deep, namespace: argocd, labels: { app.kubernetes.io/managed-by: hubdsl, " + project.FleetLabel + ": 'true' } }"));
        project.Recorded();

        var apply = await fleet.RunAsync("apply", "--project", project.Folder, "-o", "json");
        var diff = await fleet.RunAsync("diff", "--project", project.Folder);

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Equal("created", Parse(apply.Stdout)["objects"]!.AsArray().Single()!["result"]!.GetValue<string>());
        var stored = fleet.Hub.Resources.TryGet(HubDsl.KubeEmulator.ResourceCatalog.ApplicationSets, "argocd", "deep")!;
        Assert.Equal(6 + 200, JsonLimits.Depth(stored["spec"]) + 1);
        Assert.True(diff.ExitCode == 0, diff.ToString());
    }

    // An Application list as the API serves it, with one item per (name, depth, health).
    private static string ApplicationList(params (string Name, int Depth, string Health)[] items)
    {
        var json = new StringBuilder("{\"kind\":\"ApplicationList\",\"apiVersion\":\"argoproj.io/v1alpha1\",\"metadata\":{\"resourceVersion\":\"1\"},\"items\":[");
        json.AppendJoin(",", items.Select(i =>
            "{\"apiVersion\":\"argoproj.io/v1alpha1\",\"kind\":\"Application\",\"metadata\":{\"name\":\"" + i.Name + "\",\"namespace\":\"argocd\"},"
            + "\"spec\":{\"project\":\"default\",\"destination\":{\"server\":\"https://kubernetes.default.svc\",\"namespace\":\"x\"},\"source\":{\"helm\":{\"valuesObject\":" + NestedJson(i.Depth - 4) + "}}},"
            + "\"status\":{\"sync\":{\"status\":\"Synced\"},\"health\":{\"status\":\"" + i.Health + "\"}}}"));
        return json.Append("]}").ToString();
    }

    [Fact]
    public async Task Status_reads_an_Application_at_the_limit_and_reports_one_past_it_while_the_rest_prints()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        fleet.Hub.Faults.AnswerNext(
            1,
            200,
            "application/json",
            ApplicationList(("at-limit", JsonLimits.MaxDepth, "Healthy"), ("past-limit", JsonLimits.MaxDepth + 1, "Healthy"), ("plain", 4, "Degraded")),
            e => e.Path.EndsWith("/applications", StringComparison.Ordinal));

        var run = await fleet.RunAsync("status", "-o", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.DoesNotContain("   at ", run.All);
        var report = Parse(run.Stdout);
        var apps = report["applications"]!.AsArray().ToDictionary(a => a!["name"]!.GetValue<string>(), a => a!);
        Assert.Equal("Healthy", apps["at-limit"]["healthStatus"]!.GetValue<string>());
        Assert.Equal("in-cluster", apps["at-limit"]["cluster"]!.GetValue<string>());
        Assert.Equal("Degraded", apps["plain"]["healthStatus"]!.GetValue<string>());
        Assert.Equal("Unknown", apps["past-limit"]["healthStatus"]!.GetValue<string>());
        var problem = Assert.Single(report["problems"]!.AsArray())!;
        Assert.Equal("Application", problem["kind"]!.GetValue<string>());
        Assert.Equal("argocd", problem["namespace"]!.GetValue<string>());
        Assert.Equal("past-limit", problem["name"]!.GetValue<string>());
        Assert.Contains("nests " + (JsonLimits.MaxDepth + 1) + " levels deep", problem["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Status_of_a_hub_holding_an_Application_nested_past_64_levels_is_complete()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        fleet.Hub.Seed((JsonObject)Parse(
            "{\"apiVersion\":\"argoproj.io/v1alpha1\",\"kind\":\"Application\",\"metadata\":{\"name\":\"deep\",\"namespace\":\"argocd\"},"
            + "\"spec\":{\"project\":\"default\",\"destination\":{\"name\":\"in-cluster\",\"namespace\":\"x\"},\"source\":{\"helm\":{\"valuesObject\":" + NestedJson(100) + "}}},"
            + "\"status\":{\"sync\":{\"status\":\"Synced\"},\"health\":{\"status\":\"Healthy\"}}}"));

        var run = await fleet.RunAsync("status");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(run.Stdout.Split('\n'), l => l.Contains("deep") && l.Contains("Synced") && l.Contains("Healthy"));
    }

    [Fact]
    public async Task The_table_names_an_unreadable_object_and_still_prints_the_rest()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        fleet.Hub.Faults.AnswerNext(
            1,
            200,
            "application/json",
            ApplicationList(("past-limit", JsonLimits.MaxDepth + 1, "Healthy"), ("plain", 4, "Healthy")),
            e => e.Path.EndsWith("/applications", StringComparison.Ordinal));

        var run = await fleet.RunAsync("status");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Stdout.Split('\n'), l => l.Contains("plain") && l.Contains("Synced") && l.Contains("Healthy"));
        Assert.Contains("unreadable Application argocd/past-limit: nests " + (JsonLimits.MaxDepth + 1) + " levels deep", run.Stdout);
        Assert.Contains("1 object(s) on the hub could not be read", run.Stdout);
    }
}
