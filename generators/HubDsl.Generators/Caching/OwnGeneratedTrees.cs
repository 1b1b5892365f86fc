using System;
using System.Linq;
using System.Threading;
using HubDsl.Generators.Charts;
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
    // value must not be ignored: the [ChartValues] records are compared by hint name and text (ChartRecordHint), any
    // other like a source file.
    private static readonly string[] Prefixes = { Prefix(typeof(ManifestGenerator)), Prefix(typeof(ValuesExportGenerator)) };

    /// <summary>Whether <paramref name="tree"/> was added by a HubDsl generator and declares nothing but assembly attributes.</summary>
    public static bool CannotChangeValues(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var path = tree.FilePath.Replace('\\', '/');
        if (!Prefixes.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal) || path.IndexOf("/" + prefix, StringComparison.Ordinal) >= 0)) return false;
        return tree.GetRoot(cancellationToken) is CompilationUnitSyntax { Members.Count: 0, Usings.Count: 0, Externs.Count: 0 };
    }

    /// <summary>
    /// The hint name of a <c>[ChartValues]</c> record HubDsl generated, whichever folder Roslyn placed it in (the
    /// generator's augmented compilation and the final one name it differently), else null. Such a tree declares members,
    /// so it is not looked past: the caches compare it by hint name and text.
    /// </summary>
    public static string? ChartRecordHint(SyntaxTree tree)
    {
        var path = tree.FilePath.Replace('\\', '/');
        var prefix = Prefixes[0];
        int start;
        if (path.StartsWith(prefix, StringComparison.Ordinal)) start = prefix.Length;
        else
        {
            var at = path.LastIndexOf("/" + prefix, StringComparison.Ordinal);
            if (at < 0) return null;
            start = at + 1 + prefix.Length;
        }

        var hint = path.Substring(start);
        return hint.StartsWith(ChartRecordPipeline.HintPrefix, StringComparison.Ordinal) && hint.IndexOf('/') < 0 ? hint : null;
    }

    private static string Prefix(Type generator) => generator.Assembly.GetName().Name + "/" + generator.FullName + "/";
}
