using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;
using static HubDsl.Core.Tests.Rendering.RenderingTestKit;

namespace HubDsl.Core.Tests.Rendering;

/// <summary>The Cluster generator, fasttemplate mode (applicationset/generators/cluster.go GenerateParams, getClusterParameters; cluster_test.go TestGenerateParams).</summary>
public sealed class ClusterGeneratorTests
{
    private static string AppSet(string generator, string name = "'{{name}}-app'", string extraTemplate = "", string server = "'{{server}}'", string project = "default") => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: fleet
          namespace: argocd
        spec:
          generators:
            - {{generator}}
          template:
            metadata:
              name: {{name}}
            spec:
              project: {{project}}
              destination:
                server: {{server}}
                namespace: agent
        {{extraTemplate}}
        """;

    [Fact]
    public void Empty_selector_adds_the_in_cluster_pseudo_cluster_last_without_metadata_params()
    {
        // 2.1.4 + 2.2: in-cluster has name/nameNormalized/server/project only; 2.5: appended after Secret clusters (v3.4+).
        var result = Render(AppSet("clusters: {}"));
        Assert.Equal(new[] { "dr-app", "in-cluster-app", "prod-app", "staging-app" }, Names(result));
        var inCluster = result.ParamSets.Last();
        Assert.Equal(new Dictionary<string, object?> { ["name"] = "in-cluster", ["nameNormalized"] = "in-cluster", ["server"] = "https://kubernetes.default.svc", ["project"] = "" }, inCluster);
        var app = App(result, "in-cluster-app");
        Assert.Equal("https://kubernetes.default.svc", Str(app, "spec.destination.server"));
    }

    [Fact]
    public void Unknown_label_on_in_cluster_stays_literal_and_is_reported()
    {
        // utils.go Render.Replace writes an unknown tag back as it was; the in-cluster entry has no metadata.* keys (cluster.go GenerateParams).
        var result = Render(AppSet("clusters: {}").Replace("name: '{{name}}-app'", "name: '{{name}}-app'\n      labels:\n        env: '{{metadata.labels.env}}'"));
        Assert.Equal("{{metadata.labels.env}}", Str(App(result, "in-cluster-app"), "metadata.labels.env"));
        Assert.Equal("prod", Str(App(result, "prod-app"), "metadata.labels.env"));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("in-cluster", "in-cluster-app", "metadata.labels.env", "metadata.labels.env"), (warning.Cluster, warning.ApplicationName, warning.FieldPath, warning.Key));
        Assert.NotNull(warning.Node?.Origin);
    }

    [Theory]
    [InlineData("clusters: {selector: {}}", true)]
    [InlineData("clusters: {selector: {matchExpressions: [{key: env, operator: DoesNotExist}]}}", false)]
    [InlineData("clusters: {selector: {matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}}", false)]
    [InlineData("clusters: {selector: {matchLabels: {argocd.argoproj.io/secret-type: cluster}}}", false)]
    public void Any_selector_drops_the_in_cluster_pseudo_cluster_but_an_empty_one_keeps_it(string generator, bool inClusterExpected)
    {
        // 2.1.4: even selectors the secret-less in-cluster would logically satisfy drop it (cluster.go ignoreLocalClusters).
        var result = Render(AppSet(generator));
        Assert.Equal(inClusterExpected, Names(result).Contains("in-cluster-app"));
    }

    [Fact]
    public void A_secret_with_the_exact_in_cluster_server_replaces_the_pseudo_cluster()
    {
        // utils/clusterUtils.go SecretsContainInClusterCredentials: exact string match; the Secret gives the local cluster labels.
        var local = Secret("local", "https://kubernetes.default.svc", Labels(("env", "hub")));
        var result = Render(AppSet("clusters: {}"), ScenarioSecrets().Append(local));
        Assert.Equal(new[] { "dr-app", "local-app", "prod-app", "staging-app" }, Names(result));
        Assert.Equal("https://kubernetes.default.svc", Str(App(result, "local-app"), "spec.destination.server"));
    }

    [Fact]
    public void A_trailing_slash_or_port_makes_a_different_cluster_so_in_cluster_is_still_added()
    {
        var local = Secret("local", "https://kubernetes.default.svc/", Labels(("env", "hub")));
        var result = Render(AppSet("clusters: {}"), new[] { local });
        Assert.Equal(new[] { "in-cluster-app", "local-app" }, Names(result));
    }

    [Fact]
    public void Server_param_keeps_the_trailing_slash()
    {
        // cluster.go getClusterParameters passes data.server verbatim; validation matches it after util/db/cluster.go SecretToCluster strips '/'.
        var result = Render(AppSet("clusters: {selector: {matchLabels: {env: prod}}}"), new[] { Secret("prod", "https://prod.example.com/", Labels(("env", "prod"))) });
        Assert.Empty(result.Errors);
        Assert.Equal("https://prod.example.com/", Str(Assert.Single(result.Applications), "spec.destination.server"));
    }

    [Fact]
    public void Secrets_with_the_same_name_collapse_into_one_cluster()
    {
        // cluster.go getSecretsByClusterName keys by data.name even with different servers (issue #16882); HubDsl keeps the later Secret.
        var secrets = new[]
        {
            Secret("prod", "https://prod-a.example.com", Labels(("env", "prod")), secretName: "a"),
            Secret("prod", "https://prod-b.example.com", Labels(("env", "prod")), secretName: "b"),
        };
        var result = Render(AppSet("clusters: {selector: {matchLabels: {env: prod}}}"), secrets);
        Assert.Single(result.ParamSets);
        Assert.Equal("https://prod-b.example.com", Str(Assert.Single(result.Applications), "spec.destination.server"));
    }

    [Fact]
    public void Only_labelled_secrets_in_the_application_set_namespace_are_clusters()
    {
        // getSecretsByClusterName lists only the Argo CD namespace (issue #15601) and adds the secret-type label to the selector.
        var secrets = new[]
        {
            Secret("elsewhere", "https://x.example.com", Labels(("env", "prod")), @namespace: "other"),
            Secret("unlabelled", "https://y.example.com", Labels(("env", "prod")), secretTypeLabel: false),
            Secret("prod", "https://prod.example.com", Labels(("env", "prod"))),
        };
        var result = Render(AppSet("clusters: {selector: {matchLabels: {env: prod}}}"), secrets);
        Assert.Equal(new[] { "prod-app" }, Names(result));
    }

    [Theory]
    [InlineData("{key: env, operator: In, values: [prod, dr]}", "dr-app,prod-app")]
    [InlineData("{key: env, operator: NotIn, values: [prod]}", "dr-app,staging-app")]
    [InlineData("{key: tier, operator: Exists}", "prod-app")]
    [InlineData("{key: tier, operator: DoesNotExist}", "dr-app,staging-app")]
    public void Match_expressions_select_clusters(string expression, string expected)
    {
        var secrets = ScenarioSecrets().Select(s => s).ToList();
        secrets[1] = Secret("prod", "https://prod.example.com", Labels(("env", "prod"), ("deploy", "true"), ("tier", "gold")));
        var result = Render(AppSet("clusters: {selector: {matchExpressions: [" + expression + "]}}"), secrets);
        Assert.Equal(expected.Split(','), Names(result));
    }

    [Fact]
    public void Match_labels_and_expressions_are_anded()
    {
        var result = Render(AppSet("clusters: {selector: {matchLabels: {deploy: 'true'}, matchExpressions: [{key: env, operator: In, values: [prod, dev]}]}}"));
        Assert.Equal(new[] { "prod-app" }, Names(result));
    }

    [Theory]
    [InlineData("{matchLabels: {server: 'https://x'}}", "Invalid value")]
    [InlineData("{matchExpressions: [{key: env, operator: In}]}", "values set can't be empty")]
    [InlineData("{matchExpressions: [{key: env, operator: Gt, values: ['1']}]}", "is not a valid label selector operator")]
    public void An_invalid_cluster_selector_fails_the_generator(string selector, string message)
    {
        // getSecretsByClusterName: metav1.LabelSelectorAsSelector validation; controllers/template/template.go GenerateApplications:
        // a generator error blocks the whole ApplicationSet.
        var result = Render(AppSet("clusters: {selector: " + selector + "}"));
        Assert.Empty(result.Applications);
        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderErrorReasons.ApplicationGenerationFromParamsError, error.Reason);
        Assert.StartsWith("error getting cluster secrets: error converting label selector: ", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Params_include_project_annotations_and_name_normalized()
    {
        // getClusterParameters: project from data.project; every annotation as metadata.annotations.<k>; nameNormalized = utils.SanitizeName.
        var secret = Secret("Prod_EU/west", "https://p.example.com", Labels(("env", "prod")), new Dictionary<string, string> { ["managed-by"] = "argocd.argoproj.io" }, project: "team-a");
        var result = Render(AppSet("clusters: {selector: {matchLabels: {env: prod}}}", name: "'{{nameNormalized}}'", project: "'{{project}}'", extraTemplate: "      info:\n        - name: m\n          value: '{{metadata.annotations.managed-by}}'"), new[] { secret });
        var set = Assert.Single(result.ParamSets);
        Assert.Equal("team-a", set["project"]);
        Assert.Equal("prod-eu-west", set["nameNormalized"]);
        Assert.Equal("argocd.argoproj.io", set["metadata.annotations.managed-by"]);
        var app = Assert.Single(result.Applications);
        Assert.Equal("prod-eu-west", Str(app, "metadata.name"));
        Assert.Equal("team-a", Str(app, "spec.project"));
        Assert.Equal("argocd.argoproj.io", Str(app, "spec.info[0].value"));
    }

    [Fact]
    public void Values_are_rendered_against_the_cluster_params_but_cannot_see_other_values()
    {
        // value_interpolation.go appendTemplatedValues: values.* is added after all values render, so values cannot build on each other.
        var generator = "clusters:\n        selector: {matchLabels: {env: prod}}\n        values:\n          a: 'rev-{{metadata.labels.env}}'\n          b: '{{values.a}}-x'";
        var result = Render(AppSet(generator, extraTemplate: "      source:\n        targetRevision: '{{values.a}}'\n        path: '{{values.b}}'"));
        var app = Assert.Single(result.Applications);
        Assert.Equal("rev-prod", Str(app, "spec.source.targetRevision"));
        Assert.Equal("{{values.a}}-x", Str(app, "spec.source.path"));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("prod", "spec.generators[0].clusters.values.b", "values.a"), (warning.Cluster, warning.FieldPath, warning.Key));
    }

    [Fact]
    public void Flat_list_yields_one_param_set_with_every_cluster_and_in_cluster_last()
    {
        // cluster.go paramHolder.consolidate: {clusters: [...]}; one Application per generator.
        var result = Render(AppSet("clusters: {flatList: true}", name: "fleet-app", server: "https://kubernetes.default.svc"));
        var set = Assert.Single(result.ParamSets);
        var clusters = Assert.IsAssignableFrom<IReadOnlyList<object?>>(set["clusters"]);
        Assert.Equal(4, clusters.Count);
        Assert.Equal("in-cluster", ((IReadOnlyDictionary<string, object?>)clusters[3]!)["name"]);
        Assert.Equal(new[] { "fleet-app" }, Names(result));
    }

    [Fact]
    public void Post_selector_filters_generated_params_with_relaxed_values()
    {
        // 2.1.5: the generator-level selector matches flattened param keys; values such as URLs are allowed.
        var generator = "clusters: {}\n      selector:\n        matchExpressions:\n          - {key: server, operator: In, values: ['https://prod.example.com', 'https://kubernetes.default.svc']}";
        var result = Render(AppSet(generator));
        Assert.Equal(new[] { "in-cluster-app", "prod-app" }, Names(result));

        var byLabel = Render(AppSet("clusters: {}\n      selector: {matchLabels: {metadata.labels.env: dr}}"));
        Assert.Equal(new[] { "dr-app" }, Names(byLabel));
    }

    [Fact]
    public void In_cluster_disabled_still_generates_it_but_its_application_fails_validation()
    {
        // RenderOptions.IncludeInCluster = cluster.inClusterEnabled: the generator ignores it (cluster.go GenerateParams), the
        // destination lookup refuses it (util/db/cluster.go GetCluster: "cluster ... is disabled").
        var result = Render(AppSet("clusters: {}"), new RenderOptions { IncludeInCluster = false });
        Assert.Equal(4, result.ParamSets.Count);
        Assert.Equal(new[] { "dr-app", "prod-app", "staging-app" }, Names(result));
        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderErrorReasons.ApplicationValidationError, error.Reason);
        Assert.Equal("in-cluster-app", error.ApplicationName);
        Assert.Contains("cluster \"https://kubernetes.default.svc\" is disabled", error.Message);
    }

    [Fact]
    public void In_cluster_values_see_its_base_params_but_no_metadata()
    {
        // cluster.go GenerateParams: values are appended for the local cluster too, against name/server/project only.
        var secrets = new[] { Secret("prod", "https://prod.example.com", Labels(("env", "prod")), new Dictionary<string, string> { ["team"] = "core" }) };
        var generator = "clusters:\n        values: {srv: '{{ server }}', team: '{{ metadata.annotations.team }}', noop: '{{ does-not-exist }}'}";
        var result = Render(AppSet(generator), secrets);
        var prod = result.ParamSets.Single(p => (string?)p["name"] == "prod");
        var local = result.ParamSets.Single(p => (string?)p["name"] == "in-cluster");
        Assert.Equal(("https://prod.example.com", "core", "{{ does-not-exist }}"), ((string)prod["values.srv"]!, (string)prod["values.team"]!, (string)prod["values.noop"]!));
        Assert.Equal(("https://kubernetes.default.svc", "{{ metadata.annotations.team }}"), ((string)local["values.srv"]!, (string)local["values.team"]!));
        Assert.Equal(new[] { "does-not-exist", "does-not-exist", "metadata.annotations.team" }, result.Warnings.Select(w => w.Key).OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void An_invalid_post_selector_key_fails_the_generator()
    {
        // generator_spec_processor.go: "error parsing label selector"; keys must still be qualified names.
        var result = Render(AppSet("clusters: {}\n      selector: {matchLabels: {'bad key': x}}"));
        Assert.Empty(result.Applications);
        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderErrorReasons.ApplicationGenerationFromParamsError, error.Reason);
        Assert.StartsWith("error parsing label selector: key: Invalid value: \"bad key\"", error.Message);
    }
}
