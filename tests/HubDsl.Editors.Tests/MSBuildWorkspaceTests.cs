using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;

namespace HubDsl.Editors.Tests;

/// <summary>
/// The fleet and its library opened as an editor opens them: MSBuildWorkspace loads the projects from their
/// project files (a design-time build), project references become the other projects' compilations (the library
/// and HubDsl itself), the project's own analyzer references run the generator and the analyzers. Issue 13 item 6:
/// the analyzers must report the HUB diagnostics there, not throw (AD0001).
/// </summary>
public sealed class MSBuildWorkspaceTests
{
    // One mistake in the library's values (a default), one in the fleet (an override).
    internal static readonly string LibraryWithMistake = FleetWithLibrary.LibraryValues.Replace("Limits: new(Memory: \"128Mi\"", "Limits: new(Memory: \"128mi\"", StringComparison.Ordinal);

    internal static readonly string FleetWithMistake = FleetWithLibrary.FleetSource.Replace("Replicas = 3, Pull", "Replicas = 3, Resources = new(Requests: new(Memory: \"1gi\", Cpu: \"500m\")), Pull", StringComparison.Ordinal);

    [Fact]
    public async Task The_fleet_opened_as_a_project_with_its_library_as_a_project_reference_shows_HUB_diagnostics_and_no_AD0001()
    {
        using var layout = FleetWithLibrary.Create(fleet: FleetWithMistake, values: LibraryWithMistake);
        var restore = layout.Restore();
        Assert.True(restore.ExitCode == 0, "restore failed:\n" + restore.Output);

        var host = await EditorHost.OpenAsync(layout.FleetProject);
        Assert.True(host.Failures.Count == 0, string.Join("\n", host.Failures));

        // Project references are compilations, as in an editor: the library's and HubDsl's.
        var compilations = host.Compilation.References.OfType<CompilationReference>().Select(r => r.Compilation.AssemblyName).ToList();
        Assert.Contains("Shared", compilations);
        Assert.Contains("HubDsl", compilations);

        var fleet = FleetWithMistake;
        var library = fleet.IndexOf("Defaults = new()", StringComparison.Ordinal) + "Defaults = ".Length;
        var mistake = fleet.IndexOf("\"1gi\"", StringComparison.Ordinal);
        Assert.Equal(
            new[]
            {
                "HUB010 Fleet.cs@[" + library + ".." + (library + "new()".Length) + ") Agent.Defaults: resources.limits.memory = '128mi' is not a Kubernetes quantity; did you mean '128Mi'?",
                "HUB010 Fleet.cs@[" + mistake + ".." + (mistake + "\"1gi\"".Length) + ") Agent.Prod: resources.requests.memory = '1gi' is not a Kubernetes quantity; did you mean '1Gi'?",
            },
            host.Diagnostics);
    }

    [Fact]
    public async Task The_editor_host_evaluates_the_library_s_defaults_and_shared_clusters()
    {
        using var layout = FleetWithLibrary.Create();
        var restore = layout.Restore();
        Assert.True(restore.ExitCode == 0, "restore failed:\n" + restore.Output);

        var host = await EditorHost.OpenAsync(layout.FleetProject);
        Assert.True(host.Failures.Count == 0, string.Join("\n", host.Failures));
        Assert.Empty(host.Diagnostics);
        Assert.Contains("replicas: 2", host.Manifests["helm/values.yaml"], StringComparison.Ordinal);
        Assert.Contains("image: ghcr.io/example/agent:1.4.2", host.Manifests["helm/values.yaml"], StringComparison.Ordinal);
        Assert.Contains("retries: 3", host.Manifests["helm/values.yaml"], StringComparison.Ordinal);
        Assert.Contains("policy: Always", host.Manifests["helm/values-prod.yaml"], StringComparison.Ordinal);
        Assert.Contains("https://prod.example.com", host.Manifests["argocd/clusters/prod.yaml"], StringComparison.Ordinal);
    }
}

/// <summary>What an editor shows for a project: MSBuildWorkspace's compilation (generators run), its analyzers.</summary>
internal sealed record EditorHost(Compilation Compilation, IReadOnlyList<string> Diagnostics, IReadOnlyDictionary<string, string> Manifests, IReadOnlyList<string> Failures)
{
    public static async Task<EditorHost> OpenAsync(string projectFile)
    {
        using var workspace = MSBuildWorkspace.Create(new Dictionary<string, string> { ["Configuration"] = FleetWithLibrary.Configuration });
        var failures = new List<string>();
        // Warnings are the repository's own analyzer-only references ("project reference without a matching
        // metadata reference"), as Visual Studio shows them too; a failure means a project did not load.
        using var _ = workspace.RegisterWorkspaceFailedHandler(e =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure) failures.Add(e.Diagnostic.Message);
        });
        var project = await workspace.OpenProjectAsync(projectFile);
        var compilation = await project.GetCompilationAsync() ?? throw new InvalidOperationException("no compilation for " + projectFile);

        var analyzers = project.AnalyzerReferences.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
        Assert.Contains(analyzers, a => a.GetType().FullName == "HubDsl.Generators.Diagnostics.DeclarationAnalyzer");
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the fleet does not compile in the workspace:\n" + string.Join("\n", errors));

        var found = await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAllDiagnosticsAsync();
        var diagnostics = found
            .Where(d => d.Id.StartsWith("HUB", StringComparison.Ordinal) || d.Id == "AD0001")
            .Select(d => d.Id + " " + (d.Location.IsInSource ? Path.GetFileName(d.Location.SourceTree!.FilePath) + "@" + d.Location.SourceSpan : "-") + " " + d.GetMessage())
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();
        return new EditorHost(compilation, diagnostics, GeneratedManifests.Of(compilation), failures);
    }
}
