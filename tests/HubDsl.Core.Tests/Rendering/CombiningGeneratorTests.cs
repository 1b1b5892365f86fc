using HubDsl.Core.Rendering;
using static HubDsl.Core.Tests.Rendering.RenderingTestKit;

namespace HubDsl.Core.Tests.Rendering;

/// <summary>
/// List, Matrix and Merge generators (applicationset/generators/list.go, matrix.go, merge.go, utils/map.go
/// CombineStringMaps; their tests TestGenerateListParams, TestMatrixGenerate, TestMergeGenerate, TestCombineStringMaps).
/// </summary>
public sealed class CombiningGeneratorTests
{
    private static string AppSet(string generators, string name, bool goTemplate = false, string extra = "", string server = "'{{server}}'") => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: fleet
          namespace: argocd
        spec:
          goTemplate: {{(goTemplate ? "true" : "false")}}
          generators:
        {{generators}}
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

    [Fact]
    public void List_elements_and_elements_yaml_are_concatenated()
    {
        const string generators = """
              - list:
                  elements:
                    - {app: one, values: {tier: gold}}
                  elementsYaml: |
                    - app: two
          """;
        var result = Render(AppSet(generators, "'{{app}}'", server: "https://kubernetes.default.svc", extra: "      info: [{name: t, value: '{{values.tier}}'}]"));
        Assert.Equal(new[] { "one", "two" }, Names(result));
        Assert.Equal("gold", Str(App(result, "one"), "spec.info[0].value"));
        Assert.Equal("{{values.tier}}", Str(App(result, "two"), "spec.info[0].value"));
    }

    [Fact]
    public void Fasttemplate_list_elements_must_be_strings()
    {
        // list.go GenerateParams: in fasttemplate mode every element value must be a string ("error parsing value as string").
        var result = Render(AppSet("    - list: {elements: [{app: one, replicas: 3}]}", "'{{app}}'"));
        Assert.Empty(result.Applications);
        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderErrorReasons.ApplicationGenerationFromParamsError, error.Reason);
        Assert.StartsWith("error parsing value as string", error.Message);
    }

    [Fact]
    public void Elements_yaml_numbers_stay_non_strings_and_are_left_literal_in_fasttemplate()
    {
        // list.go appends elementsYaml maps unconverted; fasttemplate writes non-string values back as tags.
        var result = Render(AppSet("    - list: {elementsYaml: '[{app: one, replicas: 3}]'}", "'{{app}}'", server: "https://kubernetes.default.svc", extra: "      info: [{name: r, value: '{{replicas}}'}]"));
        Assert.Equal("{{replicas}}", Str(Assert.Single(result.Applications), "spec.info[0].value"));
        Assert.Equal("replicas", Assert.Single(result.Warnings).Key);
    }

    [Fact]
    public void Matrix_combines_list_and_clusters()
    {
        const string generators = """
              - matrix:
                  generators:
                    - list: {elements: [{app: api}, {app: web}]}
                    - clusters: {selector: {matchLabels: {deploy: 'true'}}}
          """;
        var result = Render(AppSet(generators, "'{{app}}-{{name}}'"));
        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "api-dr", "api-prod", "api-staging", "web-dr", "web-prod", "web-staging" }, Names(result));
        Assert.All(result.ParamSets, p => Assert.All(p.Values, v => Assert.IsType<string>(v)));
    }

    [Fact]
    public void Fasttemplate_matrix_conflict_on_a_shared_key_fails_the_generator()
    {
        // utils/map.go CombineStringMaps: "found duplicate key ... with different value".
        const string generators = """
              - matrix:
                  generators:
                    - list: {elements: [{name: api}]}
                    - clusters: {selector: {matchLabels: {env: prod}}}
          """;
        var result = Render(AppSet(generators, "'{{name}}'"));
        Assert.Empty(result.Applications);
        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderErrorReasons.ApplicationGenerationFromParamsError, error.Reason);
        Assert.Equal("failed to combine string maps with merging params for the matrix generator: found duplicate key name with different value, a: api ,b: prod", error.Message);
    }

    [Fact]
    public void Fasttemplate_matrix_allows_a_shared_key_with_the_same_value()
    {
        const string generators = """
              - matrix:
                  generators:
                    - list: {elements: [{name: prod, app: api}]}
                    - clusters: {selector: {matchLabels: {env: prod}}}
          """;
        Assert.Equal(new[] { "api-prod" }, Names(Render(AppSet(generators, "'{{app}}-{{name}}'"))));
    }

    [Fact]
    public void Go_template_matrix_deep_merges_with_the_first_child_winning()
    {
        const string generators = """
              - matrix:
                  generators:
                    - list: {elements: [{name: from-list, extra: {a: '1'}}]}
                    - clusters: {selector: {matchLabels: {env: prod}}}
          """;
        var result = Render(AppSet(generators, "'{{ .name }}-{{ .extra.a }}'", goTemplate: true, server: "'{{ .server }}'"));
        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "from-list-1" }, Names(result));
        Assert.Equal("https://prod.example.com", Str(result.Applications[0], "spec.destination.server"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Second_child_cluster_values_see_the_first_childs_params_and_their_own(bool goTemplate)
    {
        // matrix.go getParams (Transform, InterpolateGenerator): values of a Clusters child are pre-resolved against the first child's params; entries that
        // reference the cluster's own params are resolved in the generator's pass (v3.5.0, #27830).
        var (env, own, name) = goTemplate ? ("{{ .region }}", "{{ .name }}", "'{{ .values.r }}-{{ .values.o }}'") : ("{{region}}", "{{name}}", "'{{values.r}}-{{values.o}}'");
        var generators = """
              - matrix:
                  generators:
                    - list: {elements: [{region: eu}]}
                    - clusters:
                        selector: {matchLabels: {env: prod}}
                        values: {r: 'ENV', o: 'OWN'}
          """.Replace("ENV", env).Replace("OWN", own);
        var result = Render(AppSet(generators, name, goTemplate, server: goTemplate ? "'{{ .server }}'" : "'{{server}}'", extra: goTemplate ? "  goTemplateOptions: [missingkey=error]" : ""));
        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "eu-prod" }, Names(result));
    }

    [Fact]
    public void A_go_template_value_mixing_both_sources_is_not_pre_resolved_and_fails_with_missingkey_error()
    {
        // utils.go RenderGeneratorParams: a value is pre-resolved whole or kept whole; "{{ .region }}-{{ .name }}"
        // misses .name against the list params, is kept, then misses .region against the cluster params.
        const string generators = """
              - matrix:
                  generators:
                    - list: {elements: [{region: eu}]}
                    - clusters:
                        selector: {matchLabels: {env: prod}}
                        values: {where: '{{ .region }}-{{ .name }}'}
          """;
        var result = Render(AppSet(generators, "'{{ .name }}'", goTemplate: true, server: "'{{ .server }}'", extra: "  goTemplateOptions: [missingkey=error]"));
        Assert.Empty(result.Applications);
        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderErrorReasons.ApplicationGenerationFromParamsError, error.Reason);
        Assert.EndsWith("map has no entry for key \"region\"", error.Message);
    }

    [Fact]
    public void Matrix_needs_exactly_two_children()
    {
        var three = Render(AppSet("    - matrix: {generators: [{list: {elements: [{a: '1'}]}}, {list: {elements: [{b: '1'}]}}, {list: {elements: [{c: '1'}]}}]}", "x"));
        Assert.Equal("found more than two generators, Matrix support only two", Assert.Single(three.Errors).Message);
        var one = Render(AppSet("    - matrix: {generators: [{list: {elements: [{a: '1'}]}}]}", "x"));
        Assert.Equal("found less than two generators, Matrix support only two", Assert.Single(one.Errors).Message);
    }

    [Fact]
    public void A_combining_generator_nested_two_levels_deep_generates_nothing()
    {
        // applicationset_types.go NestedMatrixGenerator/NestedMergeGenerator: their generators are ApplicationSetTerminalGenerators.
        const string generators = """
              - matrix:
                  generators:
                    - list: {elements: [{a: '1'}]}
                    - matrix:
                        generators:
                          - list: {elements: [{b: '1'}]}
                          - matrix: {generators: [{list: {elements: [{c: '1'}]}}, {list: {elements: [{d: '1'}]}}]}
          """;
        var result = Render(AppSet(generators, "x"));
        Assert.Empty(result.Applications);
        Assert.Contains("child generator generated no parameters", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Merge_overrides_base_sets_by_merge_key_and_drops_unmatched_ones()
    {
        // merge.go GenerateParams: the first child is the base; flat keys such as values.x work as merge keys in fasttemplate.
        const string generators = """
              - merge:
                  mergeKeys: [name]
                  generators:
                    - clusters: {selector: {matchLabels: {deploy: 'true'}}, values: {replicas: '1'}}
                    - list: {elements: [{name: prod, values.replicas: '3'}, {name: ghost, values.replicas: '9'}]}
          """;
        var result = Render(AppSet(generators, "'{{name}}'", extra: "      info: [{name: r, value: '{{values.replicas}}'}]"));
        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "dr", "prod", "staging" }, Names(result));
        Assert.Equal("3", Str(App(result, "prod"), "spec.info[0].value"));
        Assert.Equal("1", Str(App(result, "dr"), "spec.info[0].value"));
    }

    [Fact]
    public void Merge_rejects_duplicate_merge_key_values_within_a_child()
    {
        const string generators = """
              - merge:
                  mergeKeys: [env]
                  generators:
                    - list: {elements: [{env: prod, app: a}, {env: prod, app: b}]}
                    - list: {elements: [{env: prod}]}
          """;
        var error = Assert.Single(Render(AppSet(generators, "'{{app}}'")).Errors);
        Assert.Equal(RenderErrorReasons.ApplicationGenerationFromParamsError, error.Reason);
        Assert.EndsWith("Merge requires all param sets to be unique. Duplicate key was {\"env\":\"prod\"}", error.Message);
    }

    [Fact]
    public void Merge_requires_merge_keys()
    {
        var error = Assert.Single(Render(AppSet("    - merge: {generators: [{list: {elements: [{a: '1'}]}}, {list: {elements: [{a: '1'}]}}]}", "x")).Errors);
        Assert.Equal("error getting param sets by merge key: no merge keys were specified, Merge requires at least one", error.Message);
    }

    [Fact]
    public void Go_template_merge_overrides_nested_values()
    {
        const string generators = """
              - merge:
                  mergeKeys: [name]
                  generators:
                    - clusters: {selector: {matchLabels: {deploy: 'true'}}, values: {replicas: '1'}}
                    - list: {elements: [{name: prod, values: {replicas: '3'}}]}
          """;
        var result = Render(AppSet(generators, "'{{ .name }}'", goTemplate: true, server: "'{{ .server }}'", extra: "      info: [{name: r, value: '{{ .values.replicas }}'}]"));
        Assert.Empty(result.Errors);
        Assert.Equal("3", Str(App(result, "prod"), "spec.info[0].value"));
        Assert.Equal("1", Str(App(result, "staging"), "spec.info[0].value"));
    }

    [Fact]
    public void Generators_that_need_live_data_are_reported_not_skipped()
    {
        var error = Assert.Single(Render(AppSet("    - git: {repoURL: 'https://x', revision: main, directories: [{path: '*'}]}", "x")).Errors);
        // Without RenderOptions.GitRepositories nothing can be read: HubDsl's own reason, not one Argo CD gives.
        Assert.Equal(RenderErrorReasons.OfflineUnsupported, error.Reason);
        Assert.Equal("spec.generators[0].git: HubDsl was given no local repositories, so it cannot read 'https://x' offline (RenderOptions.GitRepositories)", error.Message);
    }
}
