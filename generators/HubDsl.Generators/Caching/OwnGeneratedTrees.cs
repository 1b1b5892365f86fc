using System;
using System.Linq;
using System.Threading;
using HubDsl.Generators.Exports;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HubDsl.Generators.Caching;

/// <summary>
/// The syntax trees HubDsl's own generators add to a compilation that can change no evaluated value: the manifests
/// and the recorded values, carried as assembly attributes. The analyzers' compilation (in the compiler, the IDE and
/// <c>hubdsl watch</c>) is the generator's plus these trees, so the evaluation cache looks past them instead of
/// starting over each time it moves between the two.
/// </summary>
internal static class OwnGeneratedTrees
{
    // Roslyn names a generated tree <generator assembly name>/<generator type's full name>/<hint name>, under the
    // generated-files folder when there is one (GeneratorDriver's GetFilePathPrefixForGenerator).
    // Only generators whose trees hold nothing but assembly attributes belong here. A generated tree that can change a
    // value (e.g. partial record properties generated from a Helm chart) must not be ignored: it is compared like a
    // source file.
    private static readonly string[] Prefixes = { Prefix(typeof(ManifestGenerator)), Prefix(typeof(ValuesExportGenerator)) };

    /// <summary>Whether <paramref name="tree"/> was added by a HubDsl generator and declares nothing but assembly attributes.</summary>
    public static bool CannotChangeValues(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var path = tree.FilePath.Replace('\\', '/');
        if (!Prefixes.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal) || path.IndexOf("/" + prefix, StringComparison.Ordinal) >= 0)) return false;
        return tree.GetRoot(cancellationToken) is CompilationUnitSyntax { Members.Count: 0, Usings.Count: 0, Externs.Count: 0 };
    }

    private static string Prefix(Type generator) => generator.Assembly.GetName().Name + "/" + generator.FullName + "/";
}
