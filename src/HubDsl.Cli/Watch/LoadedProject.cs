using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Cli.Watch;

/// <summary>
/// A fleet project as its build compiles it, read once from MSBuild: the compilation of its own sources (without
/// generated code), the generators and analyzers of its analyzer references, the options the build gives them
/// (compiler-visible properties such as HubDslFleet and HubDslRecordValues, .editorconfig), its AdditionalFiles,
/// and the files whose change means the project must be read again.
/// </summary>
internal sealed record LoadedProject(
    string ProjectFile,
    ProjectSettings Settings,
    CSharpCompilation Compilation,
    CSharpParseOptions ParseOptions,
    ImmutableDictionary<string, SyntaxTree> Documents,
    ImmutableArray<ISourceGenerator> Generators,
    ImmutableArray<DiagnosticAnalyzer> Analyzers,
    AnalyzerConfigOptionsProvider OptionsProvider,
    ImmutableArray<AdditionalText> AdditionalFiles,
    ImmutableHashSet<string> ReloadInputs,
    ImmutableArray<string> ReferencedProjectFolders)
{
    /// <summary>The project's folder.</summary>
    public string Directory => Path.GetDirectoryName(ProjectFile)!;

    /// <summary>The name the build's record uses: <c>.hubdsl/&lt;ProjectName&gt;.files</c>.</summary>
    public string ProjectName => Path.GetFileNameWithoutExtension(ProjectFile);
}
