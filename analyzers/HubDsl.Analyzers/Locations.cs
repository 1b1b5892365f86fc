using HubDsl.Core.Yaml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HubDsl.Analyzers;

/// <summary>Turns the plain source spans of the shared model back into Roslyn locations.</summary>
internal static class Locations
{
    /// <summary>The span's location in the compilation, or the fallback when the file is not part of it.</summary>
    public static Location From(Compilation compilation, SourceSpan? span, Location fallback)
    {
        if (span is null) return fallback;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == span.Path) return Location.Create(tree, new TextSpan(span.Start, span.Length));
        }

        return fallback;
    }
}
