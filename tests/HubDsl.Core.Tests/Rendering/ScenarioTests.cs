using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;
using static HubDsl.Core.Tests.Rendering.RenderingTestKit;

namespace HubDsl.Core.Tests.Rendering;

/// <summary>
/// scenario.md "Complete Multi-Cluster ApplicationSet Example" against three cluster Secrets (staging, prod,
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

    private static string Expected(string env) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: agent-{{env}}
          namespace: argocd
          finalizers:
            - resources-finalizer.argocd.argoproj.io
        spec:
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
          destination:
            server: https://{{env}}.example.com
            namespace: agent
          source:
            repoURL: https://github.com/example/agent
            path: helm/
            targetRevision: main
            helm:
              releaseName: agent-{{env}}
              values: |
                cluster: "{{env}}"
                environment: "{{env}}"
              valueFiles:
                - values.yaml
                - values-{{env}}.yaml
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
        // argocd-behaviour.md 2.1.4: any selector drops in-cluster; a cluster without deploy=true is not selected.
        var secrets = ScenarioSecrets().Append(Secret("dev", "https://dev.example.com", Labels(("env", "dev")))).ToList();
        var result = Render(ScenarioAppSet, secrets);
        Assert.Equal(new[] { "agent-dr", "agent-prod", "agent-staging" }, Names(result));
        Assert.Equal(3, result.ParamSets.Count);
    }

    [Fact]
    public void Scenario_param_sets_are_flat_strings_in_fasttemplate_mode()
    {
        // argocd-behaviour.md 2.2: flat keys, labels including the secret-type label, project "" when absent.
        var prod = Render(ScenarioAppSet).ParamSets.Single(p => (string?)p["name"] == "prod");
        Assert.Equal("prod", prod["nameNormalized"]);
        Assert.Equal("https://prod.example.com", prod["server"]);
        Assert.Equal(string.Empty, prod["project"]);
        Assert.Equal("prod", prod["metadata.labels.env"]);
        Assert.Equal("true", prod["metadata.labels.deploy"]);
        Assert.Equal("cluster", prod["metadata.labels.argocd.argoproj.io/secret-type"]);
        Assert.All(prod.Values, v => Assert.IsType<string>(v));
    }
}
