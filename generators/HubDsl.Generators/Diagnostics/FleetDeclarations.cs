using System.Collections.Generic;
using System.Linq;
using System.Threading;
using HubDsl.Core.Declarations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HubDsl.Generators.Diagnostics;

/// <summary>What a declaration class declares.</summary>
internal enum DeclarationKind
{
    Fleet,
    ApplicationSet,
    Hub,
}

/// <summary>One <c>[Fleet]</c>, <c>[ApplicationSet]</c> or <c>[Hub]</c> declaration: its class and the attribute that makes it one.</summary>
internal readonly record struct FleetDeclaration(INamedTypeSymbol Type, AttributeData Attribute, DeclarationKind Kind);

/// <summary>The declarations of a compilation, in source order (the order the analyzers report in).</summary>
internal static class FleetDeclarations
{
    // A syntactic pre-filter (attribute names) keeps this cheap in large compilations; the symbol check confirms.
    public static IReadOnlyList<FleetDeclaration> Of(Compilation compilation, CancellationToken cancellationToken)
    {
        var declarations = new List<FleetDeclaration>();
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot(cancellationToken);
            foreach (var declaration in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax).OfType<ClassDeclarationSyntax>())
            {
                if (!declaration.AttributeLists.SelectMany(l => l.Attributes).Any(a => IsCandidate(a.Name))) continue;
                var model = compilation.GetSemanticModel(tree);
                if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type || !seen.Add(type)) continue;
                foreach (var attribute in type.GetAttributes())
                {
                    var name = attribute.AttributeClass?.ToDisplayString();
                    if (name == DslNames.FleetAttribute) declarations.Add(new FleetDeclaration(type, attribute, DeclarationKind.Fleet));
                    else if (name == DslNames.ApplicationSetAttribute) declarations.Add(new FleetDeclaration(type, attribute, DeclarationKind.ApplicationSet));
                    else if (name == DslNames.HubAttribute) declarations.Add(new FleetDeclaration(type, attribute, DeclarationKind.Hub));
                }
            }
        }

        return declarations;
    }

    private static bool IsCandidate(NameSyntax name)
    {
        var text = name switch
        {
            QualifiedNameSyntax q => q.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
            SimpleNameSyntax s => s.Identifier.ValueText,
            _ => string.Empty,
        };
        return text is "Fleet" or "FleetAttribute" or "ApplicationSet" or "ApplicationSetAttribute" or "Hub" or "HubAttribute";
    }
}
