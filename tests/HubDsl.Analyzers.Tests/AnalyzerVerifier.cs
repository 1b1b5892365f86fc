using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace HubDsl.Analyzers.Tests;

/// <summary>Runs an analyzer on markup sources compiled against the real HubDsl library (Microsoft.CodeAnalysis.Testing).</summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(new[] { ("/0/Test0.cs", source) }, expected);

    public static Task VerifyAsync((string Path, string Source)[] sources, params DiagnosticResult[] expected) => VerifyAsync(sources, null, expected);

    /// <summary>With <paramref name="globalConfig"/> as the project's global analyzer config (e.g. MSBuild properties as build_property.X = value).</summary>
    public static async Task VerifyAsync((string Path, string Source)[] sources, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        foreach (var (path, source) in sources) test.TestState.Sources.Add((path, source));
        if (globalConfig is not null) test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        test.TestState.AdditionalReferences.Add(typeof(HubDsl.Cluster).Assembly);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            return solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp12));
        });
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Error);
}
