using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Input;

/// <summary>
/// A HubDsl project's own generated ApplicationSets and cluster Secrets: exactly the files its build recorded
/// (<c>.hubdsl/&lt;Project&gt;.files</c>), each checked against the record; a broken one is an error, never skipped.
/// Shared by <c>hubdsl preview</c> and <c>hubdsl render</c>, so both see the same fleet.
/// </summary>
internal static class ProjectFleet
{
    /// <summary>The project's ApplicationSets and cluster Secrets (<paramref name="option"/> names the folder in errors).</summary>
    public static (IReadOnlyList<YamlMapping> ApplicationSets, List<YamlMapping> Secrets) Load(string folder, string option = "--project")
    {
        if (!Directory.Exists(folder)) throw new UserInputException(option + ": '" + folder + "' " + (File.Exists(folder) ? "is a file, not a project folder (for one ApplicationSet file use --appset)" : "does not exist"));
        // HubDsl writes YAML 1.2-safe files; they are read with the core schema they were written in.
        var documents = Runtime.ProjectManifests.GeneratedHubFiles(folder)
            .SelectMany(f => ManifestFiles.ParseDocuments(f.Text, f.FullPath, YamlResolution.Yaml12Core).Select(d => (File: f.FullPath, d.Object, d.Document))).ToList();
        var objects = documents.Select(d => d.Object).ToList();
        var appSets = objects.Where(o => ManifestFiles.IsKind(o, "argoproj.io/v1alpha1", "ApplicationSet")).ToList();
        if (appSets.Count == 0) throw new UserInputException("the project in '" + folder + "' generates no ApplicationSet; declare one, or pass --appset FILE");
        foreach (var (file, o, document) in documents.Where(d => ManifestFiles.IsKind(d.Object, "v1", "Secret"))) ClusterSecretInput.Check(option, file, document, o);
        var secrets = objects.Where(o => ManifestFiles.IsKind(o, "v1", "Secret")).ToList();
        return (appSets, secrets);
    }
}
