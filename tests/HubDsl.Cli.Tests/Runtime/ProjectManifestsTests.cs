using HubDsl.Cli.Runtime;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>
/// `hubdsl apply` and `diff` read exactly the hub manifests the build recorded: a file that only looks generated, a
/// symlink loop, and a recorded file changed since the build are not applied.
/// </summary>
public sealed class ProjectManifestsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hubdsl-project-" + Guid.NewGuid().ToString("N").Substring(0, 8));

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public void Only_recorded_files_are_loaded_and_links_are_not_followed()
    {
        var project = new TestProject(_folder).Cluster("prod", "https://prod.example.com", ("deploy", "true")).AppSet("agent");
        // A file with the generated header that the build did not record (copied in by hand), and a loop back up.
        File.Copy(Path.Combine(_folder, "argocd", "applicationsets", "agent.yaml"), Path.Combine(_folder, "argocd", "copy-of-agent.yaml"));
        File.WriteAllText(Path.Combine(_folder, "argocd", "copy-of-agent.yaml"), File.ReadAllText(Path.Combine(_folder, "argocd", "copy-of-agent.yaml")).Replace("name: agent\n", "name: copy\n"));
        Directory.CreateSymbolicLink(Path.Combine(_folder, "argocd", "up"), "..");

        var objects = ProjectManifests.Load(project.Folder, "argocd");

        Assert.Equal(new[] { "Secret argocd/" + Core.Manifests.ClusterSecretNames.ForServer("https://prod.example.com"), "ApplicationSet argocd/agent" },
            objects.Select(o => o.Type.Kind + " " + o.Namespace + "/" + o.Name).ToArray());
    }

    [Fact]
    public void A_recorded_file_changed_since_the_build_is_refused()
    {
        var project = new TestProject(_folder).Cluster("prod", "https://prod.example.com", ("deploy", "true")).AppSet("agent");
        File.AppendAllText(project.ClusterFile("prod"), "  project: 'edited'\n");

        var error = Assert.Throws<UserInputException>(() => ProjectManifests.Load(project.Folder, "argocd"));

        Assert.Contains("'" + project.ClusterFile("prod") + "' differs from what the build wrote", error.Message);
    }
}
