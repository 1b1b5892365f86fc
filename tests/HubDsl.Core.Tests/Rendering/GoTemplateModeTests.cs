using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;
using static HubDsl.Core.Tests.Rendering.RenderingTestKit;

namespace HubDsl.Core.Tests.Rendering;

/// <summary>goTemplate mode (nested params: cluster.go getClusterParameters; missing keys and traps: utils.go Render.Replace with
/// Go text/template options; utils_test.go TestRenderTemplateParamsGoTemplate).</summary>
public sealed class GoTemplateModeTests
{
    private static string AppSet(string generator, string name, string extra = "", string options = "", string server = "'{{ .server }}'") => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: fleet
          namespace: argocd
        spec:
          goTemplate: true
        {{options}}
          generators:
            - {{generator}}
          template:
            metadata:
              name: {{name}}
            spec:
              project: default
              destination:
                server: {{server}}
                namespace: agent
        {{extra}}
        """;

    private const string ErrorOption = "  goTemplateOptions: [\"missingkey=error\"]";
    private const string ZeroOption = "  goTemplateOptions: [\"missingkey=zero\"]";

    [Fact]
    public void Scenario_in_go_template_syntax_renders_the_same_applications()
    {
        // Argo CD's docs/operator-manual/applicationset/GoTemplate.md: the same ApplicationSet in goTemplate syntax ({{ .name }}, index for labels).
        var goYaml = ScenarioTests.ScenarioAppSet
            .Replace("  syncPolicy:\n    preserveResourcesOnDeletion: true", "  goTemplate: true\n  goTemplateOptions: [\"missingkey=error\"]\n  syncPolicy:\n    preserveResourcesOnDeletion: true")
            .Replace("{{name}}", "{{ .name }}").Replace("{{server}}", "{{ .server }}")
            .Replace("{{metadata.labels.env}}", "{{ index .metadata.labels \"env\" }}");
        Assert.Contains("goTemplate: true", goYaml);
        var fast = Render(ScenarioTests.ScenarioAppSet);
        var go = Render(goYaml);
        Assert.Empty(go.Errors);
        Assert.Empty(go.Warnings);
        Assert.Equal(fast.Applications.Count, go.Applications.Count);
        for (var i = 0; i < fast.Applications.Count; i++) Assert.Equal(fast.Applications[i], go.Applications[i]);
    }

    [Fact]
    public void Params_are_nested_with_the_presence_rules()
    {
        // getClusterParameters: metadata always on Secret clusters, labels always (secret-type), annotations only when present,
        // values only when the generator has values; in-cluster has no metadata at all.
        var secrets = new[]
        {
            Secret("plain", "https://plain.example.com", Labels(("env", "dev"))),
            Secret("annotated", "https://a.example.com", Labels(("env", "prod")), new Dictionary<string, string> { ["owner"] = "team-a" }),
        };
        var result = Render(AppSet("clusters: {}", "'{{ .name }}'"), secrets);
        var plain = result.ParamSets[0];
        var metadata = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(plain["metadata"]);
        Assert.Equal(new[] { "labels" }, metadata.Keys);
        Assert.Equal("dev", Assert.IsAssignableFrom<IReadOnlyDictionary<string, string>>(metadata["labels"])["env"]);
        Assert.False(plain.ContainsKey("values"));
        var annotated = (IReadOnlyDictionary<string, object?>)result.ParamSets[1]["metadata"]!;
        Assert.Equal(new[] { "annotations", "labels" }, annotated.Keys.OrderBy(k => k));
        Assert.Equal(new[] { "name", "nameNormalized", "project", "server" }, result.ParamSets[2].Keys.OrderBy(k => k));

        var withValues = Render(AppSet("clusters: {values: {tier: gold}}", "'{{ .name }}'"), secrets);
        Assert.Equal("gold", ((IReadOnlyDictionary<string, string>)withValues.ParamSets[0]["values"]!)["tier"]);
    }

    [Fact]
    public void Missing_key_prints_no_value_by_default_and_is_reported()
    {
        // Default options (utils.go Replace sets none): {{ .metadata.labels.env }} on in-cluster prints "<no value>".
        var result = Render(AppSet("clusters: {}", "'{{ .name }}'", extra: "      source: {repoURL: 'https://x', path: 'env/{{ .metadata.labels.env }}'}"));
        Assert.Empty(result.Errors);
        Assert.Equal("env/<no value>", Str(App(result, "in-cluster"), "spec.source.path"));
        Assert.Equal("env/prod", Str(App(result, "prod"), "spec.source.path"));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("in-cluster", "in-cluster", "spec.source.path", "metadata.labels.env"), (warning.Cluster, warning.ApplicationName, warning.FieldPath, warning.Key));
    }

    [Fact]
    public void Unknown_top_level_key_prints_no_value_even_with_missingkey_zero()
    {
        // missingkey=zero (Go text/template): the top-level map is string→any, its zero value prints <no value>; labels (string→string) give "".
        var result = Render(AppSet("clusters: {selector: {matchLabels: {env: prod}}}", "'{{ .name }}'", extra: "      info: [{name: r, value: '{{ .replicas }}'}, {name: l, value: 'x{{ .metadata.labels.nope }}x'}]", options: ZeroOption));
        var app = Assert.Single(result.Applications);
        Assert.Equal("<no value>", Str(app, "spec.info[0].value"));
        Assert.Equal("xx", Str(app, "spec.info[1].value"));
        Assert.Equal(new[] { "replicas", "metadata.labels.nope" }, result.Warnings.Select(w => w.Key));
    }

    [Fact]
    public void Missingkey_zero_on_in_cluster_labels_fails_with_nil_pointer()
    {
        var result = Render(AppSet("clusters: {}", "'{{ .name }}-{{ .metadata.labels.env }}'", options: ZeroOption));
        Assert.Empty(result.Applications);
        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderErrorReasons.RenderTemplateParamsError, error.Reason);
        Assert.Contains("nil pointer evaluating interface {}.labels", error.Message);
    }

    [Fact]
    public void Missingkey_error_fails_the_render_and_blocks_every_application()
    {
        // missingkey=error fails the render, and template.go GenerateApplications then blocks the ApplicationSet.
        var result = Render(AppSet("clusters: {selector: {matchLabels: {deploy: 'true'}}}", "'{{ .name }}'", extra: "      info: [{name: r, value: '{{ .replicas }}'}]", options: ErrorOption));
        Assert.Empty(result.Applications);
        Assert.All(result.Errors, e => Assert.Equal(RenderErrorReasons.RenderTemplateParamsError, e.Reason));
        Assert.StartsWith("failed to execute go template {{ .replicas }}: template: base:1:3: executing \"base\" at <.replicas>: map has no entry for key \"replicas\"", result.Errors[0].Message);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Index_on_a_missing_label_returns_empty_even_with_missingkey_error()
    {
        // Trap: Go text/template's index function bypasses the missingkey option.
        var result = Render(AppSet("clusters: {selector: {matchLabels: {env: prod}}}", "'{{ .name }}{{ index .metadata.labels \"missing\" }}'", options: ErrorOption));
        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "prod" }, Names(result));
    }

    [Theory]
    [InlineData("", "error calling index: index of untyped nil")]
    [InlineData(ZeroOption, "nil pointer evaluating interface {}.labels")]
    [InlineData(ErrorOption, "map has no entry for key \"metadata\"")]
    public void Index_on_in_cluster_labels_fails_in_every_mode(string options, string message)
    {
        // Trap: .metadata is absent on in-cluster (cluster.go GenerateParams). Default mode fails inside index; with zero/error the
        // field path .metadata.labels already fails before index runs (Go text/template evaluation order).
        var result = Render(AppSet("clusters: {}", "'{{ .name }}{{ index .metadata.labels \"env\" }}'", options: options));
        Assert.Empty(result.Applications);
        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderErrorReasons.RenderTemplateParamsError, error.Reason);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void HasKey_guard_works_on_in_cluster_with_missingkey_error()
    {
        const string name = "'{{ .name }}{{ if hasKey . \"metadata\" }}-{{ index .metadata.labels \"env\" }}{{ end }}'";
        var result = Render(AppSet("clusters: {}", name, options: ErrorOption));
        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "dr-dr", "in-cluster", "prod-prod", "staging-staging" }, Names(result));
    }

    [Fact]
    public void A_dashed_label_in_a_dotted_path_is_a_parse_error()
    {
        var result = Render(AppSet("clusters: {selector: {matchLabels: {env: prod}}}", "'{{ .metadata.labels.my-label }}'"));
        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderErrorReasons.RenderTemplateParamsError, error.Reason);
        Assert.StartsWith("failed to parse template {{ .metadata.labels.my-label }}: ", error.Message);
    }

    [Fact]
    public void Values_cannot_reference_values_no_value_by_default_error_with_missingkey_error()
    {
        // value_interpolation.go appendTemplatedValues: values.* is added after all values render.
        const string generator = "clusters:\n        selector: {matchLabels: {env: prod}}\n        values: {a: 'rev-{{ .metadata.labels.env }}', b: '{{ .values.a }}-x'}";
        var result = Render(AppSet(generator, "'{{ .name }}'", extra: "      info: [{name: a, value: '{{ .values.a }}'}, {name: b, value: '{{ .values.b }}'}]"));
        var app = Assert.Single(result.Applications);
        Assert.Equal("rev-prod", Str(app, "spec.info[0].value"));
        Assert.Equal("<no value>-x", Str(app, "spec.info[1].value"));
        Assert.Equal("spec.generators[0].clusters.values.b", Assert.Single(result.Warnings).FieldPath);

        var strict = Render(AppSet(generator, "'{{ .name }}'", options: ErrorOption));
        Assert.Empty(strict.Applications);
        var error = Assert.Single(strict.Errors);
        Assert.Equal(RenderErrorReasons.ApplicationGenerationFromParamsError, error.Reason);
        Assert.StartsWith("error appending templated values for cluster: ", error.Message);
        Assert.Contains("map has no entry for key \"values\"", error.Message);
    }

    [Fact]
    public void Flat_list_renders_one_application_with_every_cluster_in_cluster_last()
    {
        // cluster.go paramHolder.consolidate.
        var result = Render(AppSet("clusters: {flatList: true}", "fleet", server: "https://kubernetes.default.svc",
            extra: "      info: [{name: clusters, value: '{{ range .clusters }}{{ .name }},{{ end }}'}]"));
        var app = Assert.Single(result.Applications);
        Assert.Equal("staging,prod,dr,in-cluster,", Str(app, "spec.info[0].value"));
    }

    [Fact]
    public void List_element_numbers_are_json_float64_and_print_without_decimals()
    {
        // list.go: elements are JSON; numbers unmarshal as float64, which text/template prints as 3.
        var result = Render(AppSet("list: {elements: [{cluster: a, replicas: 3, ratio: 0.5}]}", "'{{ .cluster }}'", server: "https://kubernetes.default.svc",
            extra: "      info: [{name: r, value: '{{ .replicas }}/{{ .ratio }}'}]"));
        Assert.Equal("3/0.5", Str(Assert.Single(result.Applications), "spec.info[0].value"));
    }

    [Fact]
    public void Normalize_and_slugify_are_available()
    {
        var secrets = new[] { Secret("Prod_EU/West", "https://p.example.com", Labels(("env", "prod"))) };
        var result = Render(AppSet("clusters: {selector: {matchLabels: {env: prod}}}", "'{{ .name | normalize }}'", extra: "      info: [{name: n, value: '{{ .nameNormalized }}'}]"), secrets);
        var app = Assert.Single(result.Applications);
        Assert.Equal("prod-eu-west", Str(app, "metadata.name"));
        Assert.Equal("prod-eu-west", Str(app, "spec.info[0].value"));
    }

    [Fact]
    public void Helm_template_text_is_evaluated_in_go_template_mode_but_survives_in_fasttemplate()
    {
        // utils.go deeplyReplace renders every string; {{ .Values.x }} meant for Helm is evaluated by the controller.
        const string values = "      source: {repoURL: 'https://x', chart: c, helm: {values: 'image: {{ .Values.image }}'}}";
        var go = Render(AppSet("clusters: {selector: {matchLabels: {env: prod}}}", "'{{ .name }}'", extra: values));
        Assert.Equal("image: <no value>", Str(Assert.Single(go.Applications), "spec.source.helm.values"));
        var fast = Render(AppSet("clusters: {selector: {matchLabels: {env: prod}}}", "'{{ .name }}'", extra: values).Replace("goTemplate: true", "goTemplate: false").Replace("{{ .name }}", "{{name}}").Replace("{{ .server }}", "{{server}}"));
        Assert.Equal("image: {{ .Values.image }}", Str(Assert.Single(fast.Applications), "spec.source.helm.values"));
    }

    [Fact]
    public void An_unrecognized_go_template_option_is_reported()
    {
        var result = Render(AppSet("clusters: {}", "'{{ .name }}'", options: "  goTemplateOptions: [\"missingkey=maybe\"]"));
        Assert.Empty(result.Applications);
        Assert.Contains("unrecognized option: missingkey=maybe", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Go_template_param_sets_survive_the_yaml_round_trip_of_the_template()
    {
        var result = Render(AppSet("clusters: {selector: {matchLabels: {env: prod}}}", "'{{ .name }}'", extra: "      source: {repoURL: 'https://x', chart: c, helm: {valuesObject: {env: '{{ index .metadata.labels \"env\" }}', n: 1}}}"));
        Assert.Equal(YamlReader.Parse("{env: prod, n: 1}"), Get(Assert.Single(result.Applications), "spec.source.helm.valuesObject"));
    }

    [Theory]
    [InlineData("clusters: {}", true)]
    [InlineData("clusters: {selector: {}}", true)]
    [InlineData("clusters: {selector: {matchExpressions: [{key: env, operator: DoesNotExist}]}}", false)]
    public void In_cluster_follows_the_same_selector_rule_in_go_template_mode(string generator, bool inCluster)
    {
        // cluster.go GenerateParams drops the in-cluster entry for any selector, in both modes.
        var result = Render(AppSet(generator, "'{{ .name }}'"));
        Assert.Equal(inCluster, Names(result).Contains("in-cluster"));
        if (inCluster) Assert.False(result.ParamSets.Last().ContainsKey("metadata"));
    }

    [Fact]
    public void Template_patch_sets_non_string_fields_from_params()
    {
        // controllers/template/patch.go applyTemplatePatch: the way to template booleans and objects (Template.md: goTemplate only).
        const string patch = """
              templatePatch: |
                spec:
                  syncPolicy:
                    {{- if .autoSync }}
                    automated:
                      prune: {{ .prune }}
                    {{- end }}
            """;
        var result = Render(AppSet("list: {elements: [{app: a, autoSync: true, prune: true}, {app: b, autoSync: false, prune: false}]}", "'{{ .app }}'", server: "https://kubernetes.default.svc", extra: patch));
        Assert.Empty(result.Errors);
        Assert.Equal(YamlScalar.Bool(true), Get(App(result, "a"), "spec.syncPolicy.automated.prune"));
        Assert.Null(Get(App(result, "b"), "spec.syncPolicy.automated"));
    }

    [Fact]
    public void Post_selector_matches_nested_labels_and_values_when_flattened()
    {
        // 2.1.5: in goTemplate mode the post selector sees flattened nested keys (since v3.4.0, #26717).
        var generator = "clusters: {values: {tier: gold}}\n      selector:\n        matchExpressions:\n          - {key: metadata.labels.env, operator: NotIn, values: [prod, dr]}\n          - {key: values.tier, operator: In, values: [gold]}";
        var result = Render(AppSet(generator, "'{{ .name }}'"));
        // in-cluster has no metadata.labels.env, so NotIn matches it.
        Assert.Equal(new[] { "in-cluster", "staging" }, Names(result));
    }
}
