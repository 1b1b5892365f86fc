using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;
using static HubDsl.Core.Tests.Rendering.RenderingTestKit;

namespace HubDsl.Core.Tests.Rendering;

/// <summary>
/// The scenario's "Complete Multi-Cluster ApplicationSet Example" against three cluster Secrets (staging, prod,
/// dr; env + deploy=true), checked Application by Application.
/// </summary>
public sealed class ScenarioTests
{
    public const string ScenarioAppSet = """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: agent-multi-cluster
          namespace: argocd
        spec:
          syncPolicy:
            preserveResourcesOnDeletion: true
          generators:
            # Generate one Application per cluster with deploy label
            - clusters:
                selector:
                  matchLabels:
                    deploy: "true"
          template:
            metadata:
              name: 'agent-{{name}}'
              finalizers:
                - resources-finalizer.argocd.argoproj.io  # Cleanup resources on deletion
            spec:
              project: default  # Use RBAC project to restrict deployments
              syncPolicy:
                automated:
                  prune: true        # Delete resources removed from Git
                  selfHeal: true     # Revert manual kubectl changes
                  allowEmpty: false  # Prevent accidental empty syncs
                syncOptions:
                  - CreateNamespace=true
                retry:
                  limit: 5
                  backoff:
                    duration: 5s
                    factor: 2
                    maxDuration: 3m
              destination:
                server: '{{server}}'
                namespace: agent
              source:
                repoURL: https://github.com/example/agent
                path: helm/
                targetRevision: main
                helm:
                  releaseName: agent-{{name}}
                  values: |
                    cluster: "{{name}}"
                    environment: "{{metadata.labels.env}}"
                  valueFiles:
                    - values.yaml
                    - values-{{metadata.labels.env}}.yaml
        """;

    // In Argo CD's Go field order (types.go ApplicationSpec, ApplicationSource, ApplicationSourceHelm, SyncPolicy):
    // the template is unmarshalled into those structs before it is rendered.
    private static string Expected(string env) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: agent-{{env}}
          namespace: argocd
          finalizers:
            - resources-finalizer.argocd.argoproj.io
        spec:
          source:
            repoURL: https://github.com/example/agent
            path: helm/
            targetRevision: main
            helm:
              valueFiles:
                - values.yaml
                - values-{{env}}.yaml
              releaseName: agent-{{env}}
              values: |
                cluster: "{{env}}"
                environment: "{{env}}"
          destination:
            server: https://{{env}}.example.com
            namespace: agent
          project: default
          syncPolicy:
            automated:
              prune: true
              selfHeal: true
              allowEmpty: false
            syncOptions:
              - CreateNamespace=true
            retry:
              limit: 5
              backoff:
                duration: 5s
                factor: 2
                maxDuration: 3m
        """;

    [Fact]
    public void Scenario_renders_exactly_three_applications_sorted_by_name()
    {
        var result = Render(ScenarioAppSet);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.Equal(new[] { "agent-dr", "agent-prod", "agent-staging" }, Names(result));
        foreach (var env in new[] { "dr", "prod", "staging" })
        {
            var expected = YamlReader.Parse(Expected(env));
            var actual = App(result, "agent-" + env);
            Assert.True(expected.Equals(actual), "agent-" + env + " differs:\n" + YamlWriter.Write(actual));
        }
    }

    [Fact]
    public void Scenario_selector_drops_the_in_cluster_pseudo_cluster_and_unlabelled_clusters()
    {
        // cluster.go GenerateParams: any selector drops in-cluster; a cluster without deploy=true is not selected.
        var secrets = ScenarioSecrets().Append(Secret("dev", "https://dev.example.com", Labels(("env", "dev")))).ToList();
        var result = Render(ScenarioAppSet, secrets);
        Assert.Equal(new[] { "agent-dr", "agent-prod", "agent-staging" }, Names(result));
        Assert.Equal(3, result.ParamSets.Count);
    }

    [Fact]
    public void Scenario_param_sets_are_flat_strings_in_fasttemplate_mode()
    {
        // cluster.go getClusterParameters: flat keys, labels including the secret-type label, project "" when absent.
        var prod = Render(ScenarioAppSet).ParamSets.Single(p => (string?)p["name"] == "prod");
        Assert.Equal("prod", prod["nameNormalized"]);
        Assert.Equal("https://prod.example.com", prod["server"]);
        Assert.Equal(string.Empty, prod["project"]);
        Assert.Equal("prod", prod["metadata.labels.env"]);
        Assert.Equal("true", prod["metadata.labels.deploy"]);
        Assert.Equal("cluster", prod["metadata.labels.argocd.argoproj.io/secret-type"]);
        Assert.All(prod.Values, v => Assert.IsType<string>(v));
    }

    // The scenario's "The Cluster Generator Concept" (no namespace on the ApplicationSet, so RenderOptions.DefaultNamespace).
    private const string AllClustersAppSet = """
        # ✅ New way: One ApplicationSet generates three Applications
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: agent-multi-cluster
        spec:
          generators:
            - clusters: {}  # Generates one Application per registered cluster
          template:
            metadata:
              name: 'agent-{{name}}'
            spec:
              project: default
              destination:
                server: '{{server}}'
                namespace: agent
              source:
                repoURL: https://github.com/example/agent
                path: manifests/
                targetRevision: main
        """;

    // The scenario's "Cluster-Specific Configurations".
    private const string ReplicasAppSet = """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: agent-multi-cluster
        spec:
          generators:
            - clusters:
                selector:
                  matchLabels:
                    deploy: "true"  # Only deploy to clusters with this label
          template:
            metadata:
              name: 'agent-{{name}}'
            spec:
              project: default
              destination:
                server: '{{server}}'
                namespace: agent
              source:
                repoURL: https://github.com/example/agent
                path: helm/
                targetRevision: main
                helm:
                  releaseName: agent
                  values: |
                    replicas: "{{replicas}}"
                    environment: "{{name}}"
        """;

    // The scenario's "Step 3: Create ApplicationSet with per-cluster values".
    private const string PerClusterValuesAppSet = """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: agent-multi-cluster
        spec:
          generators:
            - clusters:
                selector:
                  matchLabels:
                    deploy: "true"
          template:
            metadata:
              name: 'agent-{{name}}'
            spec:
              project: default
              syncPolicy:
                automated:
                  prune: true
                  selfHeal: true
              destination:
                server: '{{server}}'
                namespace: agent
              source:
                repoURL: https://github.com/example/agent
                path: helm/
                targetRevision: main
                helm:
                  releaseName: agent
                  valueFiles:
                    - values.yaml
                    - values-{{name}}.yaml  # Cluster-specific overrides
        """;

    [Fact]
    public void Clusters_with_an_empty_selector_also_deploy_to_the_hub_itself()
    {
        // The lesson says "three Applications"; Argo CD also generates one for the in-cluster pseudo-cluster (cluster.go GenerateParams).
        var result = Render(AllClustersAppSet);
        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "agent-dr", "agent-in-cluster", "agent-prod", "agent-staging" }, Names(result));
        var local = App(result, "agent-in-cluster");
        Assert.Equal("https://kubernetes.default.svc", Str(local, "spec.destination.server"));
        Assert.Equal("argocd", Str(local, "metadata.namespace"));
        Assert.Equal(YamlReader.Parse("[resources-finalizer.argocd.argoproj.io]"), Get(local, "metadata.finalizers"));
    }

    [Fact]
    public void Replicas_is_not_a_cluster_parameter_and_stays_literally_in_the_helm_values()
    {
        // An unknown {{param}} does not fail the ApplicationSet: utils.go Render.Replace leaves it literally, silently.
        var text = ReplicasAppSet + "\n"; // as a file: the last line (in the literal block) ends with a newline
        var result = Render(text);
        Assert.Empty(result.Errors);
        Assert.Equal("replicas: \"{{replicas}}\"\nenvironment: \"prod\"\n", Str(App(result, "agent-prod"), "spec.source.helm.values"));
        Assert.Equal(3, result.Warnings.Count);
        Assert.All(result.Warnings, w => Assert.Equal(("spec.source.helm.values", "replicas"), (w.FieldPath, w.Key)));
        var origin = result.Warnings[0].Node!.Origin!;
        Assert.StartsWith("|\n", text.Substring(origin.Start, origin.Length), StringComparison.Ordinal);
    }

    [Fact]
    public void Per_cluster_value_files_are_named_after_the_cluster()
    {
        var result = Render(PerClusterValuesAppSet);
        Assert.Empty(result.Errors);
        foreach (var env in new[] { "dr", "prod", "staging" })
        {
            Assert.Equal(YamlReader.Parse("[values.yaml, values-" + env + ".yaml]"), Get(App(result, "agent-" + env), "spec.source.helm.valueFiles"));
        }
    }
}
