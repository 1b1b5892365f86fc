using HubDsl.Core.Manifests;
using HubDsl.FileSync;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>A HubDsl project folder with generated hub manifests and their output record, as `dotnet build` writes them for fleet <see cref="Fleet"/>.</summary>
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
        return Recorded();
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
        return Recorded();
    }

    public void Remove(string relative)
    {
        File.Delete(Path.Combine(Folder, relative));
        Recorded();
    }

    /// <summary>Records every file under argocd/ as the build would (after a test wrote one by hand).</summary>
    public TestProject Recorded()
    {
        var argocd = Path.Combine(Folder, "argocd");
        var files = Directory.GetFiles(argocd, "*.yaml", SearchOption.AllDirectories)
            .Select(f => new KeyValuePair<string, string>(Path.GetRelativePath(Folder, f).Replace('\\', '/'), ContentHash.Of(File.ReadAllText(f))));
        Directory.CreateDirectory(Path.Combine(Folder, OutputRecord.Folder));
        File.WriteAllText(Path.Combine(Folder, OutputRecord.PathFor("Test")), new OutputRecord("Test.csproj", files).Format());
        return this;
    }
}
