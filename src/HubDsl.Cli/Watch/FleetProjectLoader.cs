using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;

namespace HubDsl.Cli.Watch;

/// <summary>
/// Loads a fleet project once, as an editor does: MSBuildWorkspace runs the project's design-time build (in its
/// own build host, with the SDK the project's global.json selects), which gives the compile items, references
/// (project references as compilations), analyzer references, compiler options, .editorconfig and the
/// compiler-visible properties; the output settings come from MSBuild's evaluation (<see cref="ProjectSettings"/>).
/// Restores first when the assets file is missing or older than the project's inputs, as <c>dotnet build</c> would.
/// </summary>
internal static class FleetProjectLoader
{
    // Files above the project that MSBuild and NuGet read implicitly: a change to one reloads the project.
    private static readonly string[] ImplicitInputs = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "NuGet.config", "nuget.config"];

    public static async Task<LoadedProject> LoadAsync(string projectFile, CancellationToken cancellation)
    {
        var inputs = InputsOf(projectFile);
        var settings = await ProjectSettings.ReadAsync(projectFile, cancellation);
        if (NeedsRestore(settings.ProjectAssetsFile, inputs))
        {
            var (code, output) = await DotnetProcess.RunAsync(Path.GetDirectoryName(projectFile)!, ["restore", projectFile, "-nologo", "-v:q"], cancellation);
            if (code != 0) throw new UserInputException("restore of '" + projectFile + "' failed: " + DotnetProcess.FirstError(output));
        }

        using var workspace = MSBuildWorkspace.Create();
        var failures = new List<string>();
        using var _ = workspace.RegisterWorkspaceFailedHandler(e =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure) failures.Add(e.Diagnostic.Message);
        });
        var project = await workspace.OpenProjectAsync(projectFile, cancellationToken: cancellation);
        if (failures.Count > 0) throw new UserInputException("MSBuild could not load '" + projectFile + "': " + failures[0]);
        if (project.Language != LanguageNames.CSharp) throw new UserInputException("'" + projectFile + "' is not a C# project; hubdsl watch compiles C# fleet projects");

        // The project's own sources compiled without generators: the warm session runs them itself, incrementally.
        var bare = project.WithAnalyzerReferences([]);
        var compilation = await bare.GetCompilationAsync(cancellation) as CSharpCompilation
            ?? throw new UserInputException("MSBuild gave no C# compilation for '" + projectFile + "'");
        var documents = ImmutableDictionary.CreateBuilder<string, SyntaxTree>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath.Length > 0) documents[Path.GetFullPath(tree.FilePath)] = tree;
        }

        var references = project.AnalyzerReferences;
        // An analyzer reference to a project that was never built (a ProjectReference with OutputItemType=Analyzer)
        // would silently drop the generator: the files would then be "deleted" as no longer generated.
        var missing = references.Select(r => r.FullPath).FirstOrDefault(p => p is not null && !File.Exists(p));
        if (missing is not null) throw new UserInputException("the analyzer '" + missing + "' that '" + Path.GetFileName(projectFile) + "' references does not exist yet; run 'dotnet build " + projectFile + "' once, then start watch again");
        var generators = references.SelectMany(r => r.GetGenerators(LanguageNames.CSharp)).ToImmutableArray();
        var analyzers = references.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
        var additional = project.AdditionalDocuments.Where(d => d.FilePath is not null)
            .Select(d => (AdditionalText)AdditionalFileText.Read(Path.GetFullPath(d.FilePath!))).ToImmutableArray();

        var reload = inputs.ToBuilder();
        // .editorconfig and global configs; not the one the build generates in obj/ (it follows the project file).
        var intermediate = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(projectFile))!, "obj") + Path.DirectorySeparatorChar;
        foreach (var config in project.AnalyzerConfigDocuments)
        {
            if (config.FilePath is not null && !Path.GetFullPath(config.FilePath).StartsWith(intermediate, StringComparison.Ordinal)) reload.Add(Path.GetFullPath(config.FilePath));
        }

        var referenced = new List<string>();
        foreach (var reference in project.ProjectReferences)
        {
            var other = project.Solution.GetProject(reference.ProjectId);
            if (other?.FilePath is null) continue;
            reload.Add(Path.GetFullPath(other.FilePath));
            referenced.Add(Path.GetDirectoryName(Path.GetFullPath(other.FilePath))!);
        }

        return new LoadedProject(
            Path.GetFullPath(projectFile), settings, compilation, (CSharpParseOptions)project.ParseOptions!, documents.ToImmutable(),
            generators, analyzers, project.AnalyzerOptions.AnalyzerConfigOptionsProvider, additional, reload.ToImmutable(), referenced.ToImmutableArray());
    }

    /// <summary>The project file and the implicit inputs above it.</summary>
    public static ImmutableHashSet<string> InputsOf(string projectFile)
    {
        var inputs = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        inputs.Add(Path.GetFullPath(projectFile));
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(projectFile)); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            foreach (var name in ImplicitInputs) inputs.Add(Path.Combine(folder, name));
        }

        return inputs.ToImmutable();
    }

    private static bool NeedsRestore(string assetsFile, IEnumerable<string> inputs)
    {
        if (assetsFile.Length == 0 || !File.Exists(assetsFile)) return true;
        var restored = File.GetLastWriteTimeUtc(assetsFile);
        return inputs.Any(i => File.Exists(i) && File.GetLastWriteTimeUtc(i) > restored);
    }
}
