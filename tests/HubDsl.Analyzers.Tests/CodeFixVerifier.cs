using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace HubDsl.Analyzers.Tests;

/// <summary>Runs a code fix (and Fix All) on markup sources compiled against the real HubDsl library.</summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static async Task VerifyAsync(string source, string fixedSource, DiagnosticResult[] expected, DiagnosticResult[]? remaining = null, int iterations = 1)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = source,
            FixedCode = fixedSource,
            NumberOfFixAllIterations = iterations,
        };
        test.TestState.AdditionalReferences.Add(typeof(HubDsl.Cluster).Assembly);
        test.FixedState.AdditionalReferences.Add(typeof(HubDsl.Cluster).Assembly);
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp12)));
        test.ExpectedDiagnostics.AddRange(expected);
        if (remaining is not null) test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        await test.RunAsync();
    }
}
