namespace HubDsl.Cli.Tests;

/// <summary>
/// What `hubdsl preview` says, and when: the API server's refusals (the ApplicationSet CRD schema), input read as
/// kubectl reads it (YAML 1.1), errors that name their generator and parameter set (grouped), --params with its
/// errors, JSON without HTML escaping, exact apiVersion/kind messages, invalid cluster Secrets, empty generators,
/// multi-source value files.
/// </summary>
public sealed class PreviewMessagesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hubdsl-preview-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string AppSet(string spec, string name = "demo") => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: {name}
          namespace: argocd
        spec:
        {Indent(spec)}
        """;

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => "  " + l));

    private const string ListTemplate = """
        template:
          metadata:
            name: 'app-{{name}}'
          spec:
            project: default
            destination:
              server: https://kubernetes.default.svc
              namespace: apps
            source:
              repoURL: https://example.com/repo.git
              path: apps
        """;

    private (int Exit, JsonObject Json, string Stderr) Json(string appSetYaml, params string[] extra)
    {
        var (exit, stdout, stderr) = ToolRunner.Run(new[] { "preview", "--appset", Write("appset.yaml", appSetYaml), "-o", "json" }.Concat(extra).ToArray());
        Assert.True(stdout.Length > 0, "no output; stderr: " + stderr);
        return (exit, JsonNode.Parse(stdout)!.AsObject(), stderr);
    }

    // --- item 2: the API server's schema (apiextensions structural validation, kube-openapi messages) ---

    // Argo CD v3.5.1 manifests/crds/applicationset-crd.yaml (required project, destination, git.revision; types; the
    // applicationsSync enum) as apiextensions-apiserver validates it, worded by kube-openapi's validate errors.
    [Theory]
    [InlineData("template:\n  metadata: {}\n  spec:\n    destination: {server: https://kubernetes.default.svc}\ngenerators: []", "spec.template.spec.project: Required value")]
    [InlineData("template:\n  metadata: {}\n  spec:\n    project: default\ngenerators: []", "spec.template.spec.destination: Required value")]
    [InlineData("generators:\n  clusters: {}\ntemplate:\n  metadata: {}\n  spec: {project: p, destination: {}}", "spec.generators: Invalid value: \"object\": spec.generators in body must be of type array: \"object\"")]
    [InlineData("generators:\n- clusters:\n    selector:\n      matchLabels:\n        enabled: true\ntemplate:\n  metadata: {}\n  spec: {project: p, destination: {}}", "spec.generators[0].clusters.selector.matchLabels[enabled]: Invalid value: \"boolean\": spec.generators[0].clusters.selector.matchLabels[enabled] in body must be of type string: \"boolean\"")]
    [InlineData("goTemplate: \"true\"\ngenerators: []\ntemplate:\n  metadata: {}\n  spec: {project: p, destination: {}}", "spec.goTemplate: Invalid value: \"string\": spec.goTemplate in body must be of type boolean: \"string\"")]
    [InlineData("generators: []\nsyncPolicy:\n  applicationsSync: never\ntemplate:\n  metadata: {}\n  spec: {project: p, destination: {}}", "spec.syncPolicy.applicationsSync: Unsupported value: \"never\": supported values: \"create-only\", \"create-update\", \"create-delete\", \"sync\"")]
    [InlineData("generators:\n- git:\n    repoURL: https://example.com/r.git\ntemplate:\n  metadata: {}\n  spec: {project: p, destination: {}}", "spec.generators[0].git.revision: Required value")]
    public void What_the_API_server_refuses_is_exit_2_naming_the_field(string spec, string error)
    {
        var (exit, json, _) = Json(AppSet(spec));
        Assert.Equal(2, exit);
        Assert.Empty(json["applications"]!.AsArray());
        var messages = json["errors"]!.AsArray().Select(e => (string)e!["message"]!).ToList();
        Assert.Contains("The ApplicationSet \"demo\" is invalid: " + error, messages);
        Assert.All(json["errors"]!.AsArray(), e => Assert.Equal("InvalidApplicationSet", (string)e!["reason"]!));
    }

    // kubectl and Argo CD read YAML with sigs.k8s.io/yaml v1.6.0 over go-yaml v2 (YAML 1.1 resolve.go: yes/on/y are true).
    [Fact]
    public void Yes_read_as_kubectl_reads_it_is_a_boolean_where_the_CRD_wants_one()
    {
        // go-yaml v2 (sigs.k8s.io/yaml) reads `yes` as true: goTemplate is on, and `{{ .name }}` renders.
        var (exit, json, _) = Json(AppSet("goTemplate: yes\ngenerators:\n- list:\n    elements:\n    - name: one\n" + ListTemplate.Replace("{{name}}", "{{ .name }}")));
        Assert.Equal(0, exit);
        Assert.Equal("app-one", (string)json["applications"]![0]!["metadata"]!["name"]!);
    }

    // Structural schema pruning drops unknown fields on the API server; Argo CD unmarshals the template into
    // pkg/apis/application/v1alpha1 Go types, which have no field for them, so they are never rendered.
    [Fact]
    public void Unknown_fields_are_warnings_and_are_never_rendered()
    {
        var (exit, json, _) = Json(AppSet("generators:\n- list:\n    elements:\n    - name: one\n" + ListTemplate.Replace("      path: apps", "      path: apps\n      pathh: '{{broken'")));
        Assert.Equal(0, exit);
        Assert.Null(json["applications"]![0]!["spec"]!["source"]!["pathh"]);
        Assert.Contains(json["warnings"]!.AsArray(), w => ((string)w!).Contains("spec.template.spec.source.pathh is not a field of Argo CD's ApplicationSet"));
    }

    // --- item 4: messages ---

    // applicationset/controllers/template/template.go GenerateApplications logs every failure with its generator and
    // params and keeps going; the condition carries only the first. Preview lists them all, grouped.
    [Fact]
    public void An_error_names_its_generator_and_the_same_error_from_many_sets_is_listed_once_with_the_count()
    {
        var spec = "goTemplate: true\ngoTemplateOptions: [\"missingkey=error\"]\ngenerators:\n- list:\n    elements:\n    - name: ok\n- list:\n    elements:\n    - name: a\n    - name: b\n    - name: c\n"
            + ListTemplate.Replace("'app-{{name}}'", "'app-{{ .name }}'").Replace("path: apps", "path: '{{ .missing }}'");
        var (exit, json, _) = Json(AppSet(spec));
        Assert.Equal(1, exit);
        var errors = json["errors"]!.AsArray();
        // Generator 0's set fails too (same text, another generator): two groups, not four lines.
        Assert.Equal(2, errors.Count);
        var second = errors.Single(e => (string?)e!["generator"] == "spec.generators[1]")!;
        Assert.Equal(3, (int)second["count"]!);
        Assert.Equal(new[] { "a", "b", "c" }, second["parameterSets"]!.AsArray().Select(p => (string)p!).ToArray());

        var (_, table, _) = ToolRunner.Run("preview", "--appset", Path.Combine(_dir, "appset.yaml"));
        Assert.Contains("error RenderTemplateParamsError in spec.generators[1], 3 parameter sets (\"a\", \"b\", \"c\"): ", table);
        Assert.Contains("error RenderTemplateParamsError in spec.generators[0], parameter set \"ok\": ", table);
    }

    // The Cluster generator's parameter set is one cluster (applicationset/generators/cluster.go: name, server, ...).
    [Fact]
    public void A_cluster_generator_error_names_the_cluster()
    {
        var clusters = Write("c.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: c-prod\n  namespace: argocd\n  labels:\n    argocd.argoproj.io/secret-type: cluster\nstringData:\n  name: prod\n  server: https://prod.example.com\n");
        var spec = "goTemplate: true\ngoTemplateOptions: [\"missingkey=error\"]\ngenerators:\n- clusters:\n    selector:\n      matchLabels:\n        argocd.argoproj.io/secret-type: cluster\n"
            + ListTemplate.Replace("'app-{{name}}'", "'app-{{ .name }}'").Replace("path: apps", "path: '{{ .metadata.labels.env }}'");
        var (exit, json, _) = Json(AppSet(spec), "--clusters", clusters);
        Assert.Equal(1, exit);
        var error = json["errors"]!.AsArray().Single()!;
        Assert.Equal("spec.generators[0]", (string)error["generator"]!);
        Assert.Equal("prod", (string)error["parameterSets"]![0]!);
    }

    // Fasttemplate list elements must be strings (list.go: "error parsing value as string"): shown with --params too.
    [Fact]
    public void Params_print_the_errors_too()
    {
        var spec = "generators:\n- list:\n    elements:\n    - name: 1\n" + ListTemplate;
        var (exit, json, _) = Json(AppSet(spec), "--params");
        Assert.Equal(1, exit);
        Assert.Equal("ApplicationGenerationFromParamsError", (string)json["errors"]![0]!["reason"]!);
        var (_, table, _) = ToolRunner.Run("preview", "--appset", Path.Combine(_dir, "appset.yaml"), "--params");
        Assert.Contains("error ApplicationGenerationFromParamsError in spec.generators[0]: error parsing value as string", table);
        var (_, yaml, _) = ToolRunner.Run("preview", "--appset", Path.Combine(_dir, "appset.yaml"), "--params", "-o", "yaml");
        Assert.Contains("# error ApplicationGenerationFromParamsError in spec.generators[0]: ", yaml);
    }

    // Go's json.Marshal escapes <, > and & for HTML by default; preview's JSON is for people and scripts, so it does not.
    [Fact]
    public void Json_is_not_html_escaped()
    {
        var spec = "generators:\n- list:\n    elements:\n    - name: one\n" + ListTemplate.Replace("path: apps", "path: '<a href=\"x\">&''</a>'");
        var (_, stdout, _) = ToolRunner.Run("preview", "--appset", Write("appset.yaml", AppSet(spec)), "-o", "json");
        Assert.Contains("\"path\": \"<a href=\\\"x\\\">&'</a>\"", stdout);
        Assert.DoesNotContain("\\u0022", stdout);
        Assert.DoesNotContain("\\u003C", stdout);
    }

    // The API server refuses an object without apiVersion or kind ("Object 'Kind' is missing"); Argo CD serves only
    // argoproj.io/v1alpha1 (pkg/apis/application/v1alpha1/register.go).
    [Theory]
    [InlineData("kind: ApplicationSet\nmetadata: {name: x}\nspec: {}\n", "document 1: the ApplicationSet has no apiVersion; add 'apiVersion: argoproj.io/v1alpha1'.")]
    [InlineData("apiVersion: argoproj.io/v1alpha1\nmetadata: {name: x}\nspec: {}\n", "document 1: the object (apiVersion argoproj.io/v1alpha1) has no kind; add 'kind: ApplicationSet'.")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\n---\napiVersion: argoproj.io/v1beta1\nkind: ApplicationSet\n", "document 2: the ApplicationSet has apiVersion argoproj.io/v1beta1; Argo CD serves only argoproj.io/v1alpha1.")]
    public void A_missing_apiVersion_or_kind_says_exactly_that(string yaml, string message)
    {
        var (exit, stdout, stderr) = ToolRunner.Run("preview", "--appset", Write("appset.yaml", yaml));
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(message, stderr);
    }

    // The API server refuses a Secret whose data is not base64 (core/v1 Secret data is []byte); Argo CD's
    // util/db/cluster.go SecretToCluster reads data.server, and a cluster without one cannot be a destination.
    [Theory]
    [InlineData("data:\n  name: cHJvZA==\n  server: not base64!\n", "InvalidClusterSecret: cluster Secret c-prod data.server is not valid base64")]
    [InlineData("stringData:\n  name: prod\n", "InvalidClusterSecret: no server (data.server or stringData.server)")]
    public void An_invalid_cluster_Secret_is_bad_input_naming_file_and_document(string data, string message)
    {
        var clusters = Write("clusters.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: c-prod\n  namespace: argocd\n  labels:\n    argocd.argoproj.io/secret-type: cluster\n" + data);
        var (exit, stdout, stderr) = ToolRunner.Run("preview", "--appset", Write("appset.yaml", AppSet("generators: []\n" + ListTemplate)), "--clusters", clusters);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("--clusters: '" + clusters + "' document 2 (Secret c-prod): " + message, stderr);
    }

    // An empty generator is no error in Argo CD (git_test.go "handles empty response from repo server" gives []),
    // so the Application set just shrinks: preview says so.
    [Fact]
    public void A_generator_that_yields_nothing_gets_a_warning()
    {
        var spec = "generators:\n- list:\n    elements:\n    - name: one\n- list:\n    elements: []\n" + ListTemplate;
        var (exit, json, _) = Json(AppSet(spec));
        Assert.Equal(0, exit);
        Assert.Equal("ApplicationSet \"demo\": spec.generators[1] generated no parameter sets, so no Application comes from it", (string)json["warnings"]!.AsArray().Single()!);
        var (_, table, _) = ToolRunner.Run("preview", "--appset", Path.Combine(_dir, "appset.yaml"));
        Assert.Contains("warning ApplicationSet \"demo\": spec.generators[1] generated no parameter sets", table);
    }

    // ApplicationSpec.Sources (pkg/apis/application/v1alpha1/types.go): each source has its own helm.valueFiles.
    [Fact]
    public void Multi_source_applications_show_their_value_files()
    {
        const string template = """
            template:
              metadata:
                name: 'app-{{name}}'
              spec:
                project: default
                destination:
                  server: https://kubernetes.default.svc
                  namespace: apps
                sources:
                - repoURL: https://charts.example.com
                  chart: app
                  targetRevision: 1.0.0
                  helm:
                    valueFiles: ['$values/base.yaml', '$values/{{name}}.yaml']
                - repoURL: https://example.com/values.git
                  ref: values
            """;
        var (exit, stdout, _) = ToolRunner.Run("preview", "--appset", Write("appset.yaml", AppSet("generators:\n- list:\n    elements:\n    - name: one\n" + template)));
        Assert.Equal(0, exit);
        Assert.Contains(stdout.Split('\n'), l => l.Contains("app-one") && l.TrimEnd().EndsWith("$values/base.yaml, $values/one.yaml", StringComparison.Ordinal));
    }
}
