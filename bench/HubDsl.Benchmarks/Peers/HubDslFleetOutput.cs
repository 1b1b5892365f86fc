using HubDsl.Core.Manifests;
using HubDsl.Generators.Caching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HubDsl.Benchmarks.Peers;

/// <summary>
/// HubDsl's side of the peer comparison: the generator run in process on the synthetic fleet (one ApplicationSet,
/// as the peers model it), and the manifests it embeds, read back from the generated attributes.
/// </summary>
public static class HubDslFleetOutput
{
    public static CSharpCompilation Compilation(int clusters) => SyntheticCompilation.Create(clusters, applicationSets: 1, assemblyName: "PeerFleet");

    /// <summary>One cold generator run (nothing cached from earlier runs).</summary>
    public static GeneratorDriver GenerateCold(CSharpCompilation compilation)
    {
        EvaluationCaches.Clear();
        return GeneratorBenchmarks.Driver().RunGenerators((CSharpCompilation)compilation.Clone());
    }

    public static IReadOnlyList<ManifestFile> Manifests(GeneratorDriver driver)
    {
        var files = new List<ManifestFile>();
        foreach (var source in driver.GetRunResult().Results.Single().GeneratedSources)
        {
            foreach (var attribute in source.SyntaxTree.GetRoot().DescendantNodes().OfType<AttributeSyntax>())
            {
                var args = attribute.ArgumentList!.Arguments.Select(a => ((LiteralExpressionSyntax)a.Expression).Token.ValueText).ToList();
                files.Add(new ManifestFile(args[0], args[1]));
            }
        }

        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }
}
