using HubDsl.Core.Manifests;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>
/// A least-privilege spoke file as the build writes it (Core's <see cref="SpokeRbacManifest"/>), for a cluster
/// targeted by one ApplicationSet per (namespace, deployed resource), each with CreateNamespace=true.
/// </summary>
internal static class LeastPrivilegeFile
{
    public static string For(params (string Namespace, string Group, string Resource)[] deployments)
    {
        var cluster = new ClusterModel("Prod", "prod", "https://prod.example.com",
            new[] { new StringPair("deploy", "true") }.ToEquatableArray(), EquatableArray<StringPair>.Empty, null, EquatableArray<string>.Empty, false, false)
        {
            Access = "LeastPrivilege",
        };
        var appSets = deployments.Select((d, i) => new ApplicationSetModel(
            "Test.App" + i, "app" + i, "argocd", new TemplateMode(false, null), LabelSelectorModel.Empty, (YamlMapping)YamlReader.Parse($$$"""
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: { name: app{{{i}}}, namespace: argocd }
                spec:
                  generators:
                    - clusters: { selector: { matchLabels: { deploy: 'true' } } }
                  template:
                    metadata: { name: 'app{{{i}}}-{{name}}' }
                    spec:
                      project: default
                      source: { repoURL: 'https://github.com/example/app', path: chart }
                      destination: { server: '{{server}}', namespace: {{{d.Namespace}}} }
                      syncPolicy: { syncOptions: [CreateNamespace=true] }
                """), null, null, EquatableArray<ValuesModel>.Empty)
        {
            DeployedResources = new[] { new DeployedResourceModel(d.Group, d.Resource, KnownResources.TryFind(d.Group, d.Resource, out var kind, out _) ? kind : null, false) }.ToEquatableArray(),
            CreatesNamespace = true,
        }).ToList();
        return YamlWriter.WriteDocuments(SpokeRbacManifest.Build(cluster, LeastPrivilegeAccess.For(cluster, "argocd", appSets)), ManifestHeader.For("Test.Clusters.Prod"));
    }
}
