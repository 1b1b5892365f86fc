using HubDsl.Core.Manifests;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>A HubDsl project folder with generated hub manifests, as `dotnet build` writes them for fleet <see cref="Fleet"/>.</summary>
public sealed class TestProject
{
    public TestProject(string folder, string fleet = "test")
    {
        Folder = folder;
        Fleet = fleet;
        Directory.CreateDirectory(Path.Combine(folder, "argocd", "clusters"));
        Directory.CreateDirectory(Path.Combine(folder, "argocd", "applicationsets"));
    }

    public string Folder { get; }

    /// <summary>The fleet identity (HubDslFleet) the manifests are labelled with.</summary>
    public string Fleet { get; }

    public string FleetLabel => FleetIdentity.LabelKey(Fleet);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HubDsl.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("repository root not found");
    }

    public string ClusterFile(string name) => Path.Combine(Folder, "argocd", "clusters", name + ".yaml");

    public TestProject Cluster(string name, string server, params (string Key, string Value)[] labels)
    {
        var lines = new List<string>
        {
            "# " + ManifestHeader.For("Test.Clusters." + name),
            "apiVersion: v1",
            "kind: Secret",
            "metadata:",
            "  name: " + ClusterSecretNames.ForServer(server),
            "  namespace: argocd",
            "  labels:",
            "    argocd.argoproj.io/secret-type: cluster",
            "    app.kubernetes.io/managed-by: hubdsl",
        };
        lines.AddRange(labels.Select(l => "    " + l.Key + ": '" + l.Value + "'"));
        lines.Add("    " + FleetLabel + ": 'true'");
        lines.AddRange(new[] { "type: Opaque", "stringData:", "  name: " + name, "  server: " + server });
        File.WriteAllText(ClusterFile(name), string.Join("\n", lines) + "\n");
        return this;
    }

    public TestProject AppSet(string name, string selectorLabel = "deploy", string revision = "main")
    {
        File.WriteAllText(Path.Combine(Folder, "argocd", "applicationsets", name + ".yaml"), $$"""
            # {{ManifestHeader.For("Test." + name)}}
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: {{name}}
              namespace: argocd
              labels:
                app.kubernetes.io/managed-by: hubdsl
                {{FleetLabel}}: 'true'
            spec:
              generators:
                - clusters:
                    selector:
                      matchLabels:
                        {{selectorLabel}}: 'true'
              template:
                metadata:
                  name: '{{name}}-{{"{{"}}name{{"}}"}}'
                spec:
                  project: default
                  destination:
                    server: '{{"{{"}}server{{"}}"}}'
                    namespace: {{name}}
                  source:
                    repoURL: https://github.com/example/{{name}}
                    path: helm/
                    targetRevision: {{revision}}

            """);
        return this;
    }

    public void Remove(string relative) => File.Delete(Path.Combine(Folder, relative));
}
