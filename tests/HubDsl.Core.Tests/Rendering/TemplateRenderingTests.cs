using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;
using static HubDsl.Core.Tests.Rendering.RenderingTestKit;

namespace HubDsl.Core.Tests.Rendering;

/// <summary>
/// What rendering touches and what happens after it (applicationset/utils/utils.go RenderTemplateParams,
/// controllers/template/template.go GenerateApplications and patch.go applyTemplatePatch; utils_test.go
/// TestRenderTemplateParamsFinalizers).
/// </summary>
public sealed class TemplateRenderingTests
{
    private static string AppSet(string template, string specExtra = "", string generators = "- clusters: {selector: {matchLabels: {env: prod}}}") => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: fleet
          namespace: argocd
        spec:
          generators:
            {{generators}}
        {{specExtra}}
          template:
        {{template}}
        """;

    private const string BasicTemplate = """
            metadata:
              name: '{{name}}-app'
            spec:
              project: default
              destination:
                server: '{{server}}'
                namespace: agent
        """;

    [Fact]
    public void Map_keys_are_templated_too()
    {
        var template = BasicTemplate.Replace("name: '{{name}}-app'", "name: '{{name}}-app'\n      labels:\n        '{{metadata.labels.env}}-tier': gold\n      annotations:\n        'team/{{name}}': '{{name}}'");
        var app = Assert.Single(Render(AppSet(template)).Applications);
        Assert.Equal("gold", Str(app, "metadata.labels[\"prod-tier\"]"));
        Assert.Equal("prod", Str(app, "metadata.annotations[\"team/prod\"]"));
    }

    [Fact]
    public void Values_object_leaves_are_templated_numbers_kept_and_null_entries_dropped()
    {
        // 3: valuesObject is raw JSON in Argo CD, walked leaf by leaf; the reflection walk skips nil map values.
        var template = BasicTemplate + """

                  source:
                    repoURL: https://example.com/charts
                    chart: agent
                    helm:
                      valuesObject:
                        cluster: '{{name}}'
                        replicas: 3
                        enabled: true
                        dropped: null
                        list: ['{{metadata.labels.env}}', null]
            """;
        var app = Assert.Single(Render(AppSet(template)).Applications);
        var values = (YamlMapping)Get(app, "spec.source.helm.valuesObject")!;
        Assert.Equal(YamlReader.Parse("{cluster: prod, replicas: 3, enabled: true, list: [prod, null]}"), values);
    }

    [Fact]
    public void An_empty_param_set_leaves_the_template_untouched_and_adds_no_finalizer()
    {
        // 3: "If a param set is empty, rendering is skipped"; utils.go returns the template before the finalizer rule.
        var result = Render(AppSet(BasicTemplate.Replace("'{{name}}-app'", "static-app").Replace("'{{server}}'", "https://kubernetes.default.svc") + "\n      source: {repoURL: 'https://x/{{name}}'}", generators: "- list: {elements: [{}]}"));
        var app = Assert.Single(result.Applications);
        Assert.Equal("https://x/{{name}}", Str(app, "spec.source.repoURL"));
        Assert.Null(Get(app, "metadata.finalizers"));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("param set 0", "static-app", "spec.source.repoURL", "name"), (warning.Cluster, warning.ApplicationName, warning.FieldPath, warning.Key));
    }

    [Fact]
    public void Finalizer_is_added_unless_the_template_has_one_or_resources_are_preserved()
    {
        // utils.go RenderTemplateParams: the finalizer rule.
        var added = Assert.Single(Render(AppSet(BasicTemplate)).Applications);
        Assert.Equal(YamlReader.Parse("[resources-finalizer.argocd.argoproj.io]"), Get(added, "metadata.finalizers"));

        var preserved = Assert.Single(Render(AppSet(BasicTemplate, specExtra: "  syncPolicy:\n    preserveResourcesOnDeletion: true")).Applications);
        Assert.Null(Get(preserved, "metadata.finalizers"));

        var own = Assert.Single(Render(AppSet(BasicTemplate.Replace("name: '{{name}}-app'", "name: '{{name}}-app'\n      finalizers: [custom/finalizer]"))).Applications);
        Assert.Equal(YamlReader.Parse("[custom/finalizer]"), Get(own, "metadata.finalizers"));
    }

    [Fact]
    public void Namespace_is_forced_to_the_application_sets()
    {
        // template.go GenerateApplications forces the ApplicationSet's namespace: template.metadata.namespace has no effect.
        var app = Assert.Single(Render(AppSet(BasicTemplate.Replace("name: '{{name}}-app'", "name: '{{name}}-app'\n      namespace: elsewhere"))).Applications);
        Assert.Equal("argocd", Str(app, "metadata.namespace"));
        Assert.Equal("argoproj.io/v1alpha1", Str(app, "apiVersion"));
        Assert.Equal("Application", Str(app, "kind"));
    }

    [Fact]
    public void Template_patch_is_rendered_and_applied_but_cannot_change_the_project()
    {
        // patch.go applyTemplatePatch keeps the template's spec.project ("Prevent changes to the `project` field").
        const string patch = """
              templatePatch: |
                metadata:
                  labels:
                    env: '{{metadata.labels.env}}'
                spec:
                  project: hijacked
                  syncPolicy:
                    automated:
                      prune: true
            """;
        var app = Assert.Single(Render(AppSet(BasicTemplate, specExtra: patch)).Applications);
        Assert.Equal("prod", Str(app, "metadata.labels.env"));
        Assert.Equal("default", Str(app, "spec.project"));
        Assert.Equal(YamlScalar.Bool(true), Get(app, "spec.syncPolicy.automated.prune"));
        Assert.Equal("https://prod.example.com", Str(app, "spec.destination.server"));
    }

    [Fact]
    public void An_empty_spec_in_a_template_patch_clears_the_spec_except_the_project()
    {
        // issue #17040: "spec:" with no value is null, which deletes the key in a strategic merge patch; the
        // project is restored, the destination is gone, so validation skips the Application.
        var result = Render(AppSet(BasicTemplate, specExtra: "  templatePatch: |\n    spec:\n"));
        Assert.Empty(result.Applications);
        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderErrorReasons.ApplicationValidationError, error.Reason);
        Assert.Equal("application destination spec is invalid: Destination server missing from app spec", error.Message);
    }

    [Fact]
    public void Template_patch_finalizers_are_merged_but_other_lists_are_replaced()
    {
        // ObjectMeta.finalizers has patchStrategy=merge; Application spec lists have no merge keys (types.go).
        const string patch = """
              templatePatch: |
                metadata:
                  finalizers: [custom/cleanup]
                spec:
                  syncPolicy:
                    syncOptions: [ServerSideApply=true]
            """;
        var template = BasicTemplate + "\n      syncPolicy: {syncOptions: [CreateNamespace=true]}";
        var app = Assert.Single(Render(AppSet(template, specExtra: patch)).Applications);
        Assert.Equal(YamlReader.Parse("[resources-finalizer.argocd.argoproj.io, custom/cleanup]"), Get(app, "metadata.finalizers"));
        Assert.Equal(YamlReader.Parse("[ServerSideApply=true]"), Get(app, "spec.syncPolicy.syncOptions"));
    }

    [Fact]
    public void A_template_patch_that_is_not_yaml_blocks_the_application_set()
    {
        var result = Render(AppSet(BasicTemplate, specExtra: "  templatePatch: 'spec: [unclosed'"));
        Assert.Empty(result.Applications);
        Assert.Equal(RenderErrorReasons.RenderTemplateParamsError, Assert.Single(result.Errors).Reason);
    }

    [Fact]
    public void Generator_level_template_is_merged_over_the_spec_template()
    {
        // generator_spec_processor.go mergeGeneratorTemplate (mergo.Merge): non-empty generator fields win, empty ones come from spec.template.
        const string generators = """
            - clusters:
                      selector: {matchLabels: {env: prod}}
                      template:
                        metadata: {}
                        spec:
                          project: ''
                          source: {repoURL: 'https://override/{{name}}', path: generator}
                          destination: {namespace: from-generator}
            """;
        var template = BasicTemplate + "\n      source: {repoURL: https://base, path: base, targetRevision: main}";
        var app = Assert.Single(Render(AppSet(template, generators: generators)).Applications);
        Assert.Equal("prod-app", Str(app, "metadata.name"));
        Assert.Equal("default", Str(app, "spec.project"));
        Assert.Equal("https://override/prod", Str(app, "spec.source.repoURL"));
        Assert.Equal("generator", Str(app, "spec.source.path"));
        Assert.Equal("main", Str(app, "spec.source.targetRevision"));
        Assert.Equal("from-generator", Str(app, "spec.destination.namespace"));
        Assert.Equal("https://prod.example.com", Str(app, "spec.destination.server"));
    }

    [Fact]
    public void Booleans_and_integers_are_not_templated()
    {
        var template = BasicTemplate + "\n      syncPolicy: {automated: {prune: true}, retry: {limit: 5}}";
        var app = Assert.Single(Render(AppSet(template)).Applications);
        Assert.Equal(YamlScalar.Int(5), Get(app, "spec.syncPolicy.retry.limit"));
        Assert.Equal(YamlScalar.Bool(true), Get(app, "spec.syncPolicy.automated.prune"));
    }

    [Fact]
    public void Applications_from_several_generators_are_sorted_by_name()
    {
        // template.go GenerateApplications concatenates in generator order; applicationset_controller.go Reconcile sorts by name before create/update.
        const string generators = """
            - list: {elements: [{name: zeta, server: 'https://kubernetes.default.svc'}]}
                - clusters: {selector: {matchLabels: {env: prod}}}
                - list: {elements: [{name: alpha, server: 'https://kubernetes.default.svc'}]}
            """;
        var result = Render(AppSet(BasicTemplate, generators: generators));
        Assert.Equal(new[] { "alpha-app", "prod-app", "zeta-app" }, Names(result));
        Assert.Equal(new[] { "zeta", "prod", "alpha" }, result.ParamSets.Select(p => (string)p["name"]!));
    }
}
