using System.Collections.Generic;
using System.Linq;
using System.Threading;
using HubDsl.Generators.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HubDsl.Generators.Caching;

/// <summary>
/// What changed between two versions of a syntax tree, as the evaluator sees it: the keys of the fields and
/// properties whose initializers (or expression bodies) differ, or "structural" when anything else that can
/// change the meaning of an initializer differs (a declaration added or removed, a signature, an attribute, a
/// using, a constant, an enum member, a constructor body). Method bodies and top-level statements are ignored:
/// the evaluator never runs them.
/// </summary>
internal static class DeclarationChanges
{
    /// <summary>The changed member keys, or null for a structural change (nothing evaluated before can be trusted).</summary>
    public static HashSet<string>? Between(SyntaxTree before, SyntaxTree after, CancellationToken cancellationToken)
    {
        var changed = new HashSet<string>();
        var same = Units((CompilationUnitSyntax)before.GetRoot(cancellationToken), (CompilationUnitSyntax)after.GetRoot(cancellationToken), changed);
        return same ? changed : null;
    }

    private static bool Units(CompilationUnitSyntax before, CompilationUnitSyntax after, HashSet<string> changed)
    {
        if (!Same(before.Externs, after.Externs) || !Same(before.Usings, after.Usings) || !Same(before.AttributeLists, after.AttributeLists)) return false;

        // Top-level statements are the body of a generated Main; only whether there are any changes declarations.
        var beforeMembers = before.Members.Where(m => m is not GlobalStatementSyntax).ToList();
        var afterMembers = after.Members.Where(m => m is not GlobalStatementSyntax).ToList();
        if (before.Members.Count - beforeMembers.Count > 0 != after.Members.Count - afterMembers.Count > 0) return false;
        return Members(beforeMembers, afterMembers, string.Empty, null, changed);
    }

    private static bool Members(IReadOnlyList<MemberDeclarationSyntax> before, IReadOnlyList<MemberDeclarationSyntax> after, string ns, string? type, HashSet<string> changed)
    {
        if (before.Count != after.Count) return false;
        for (var i = 0; i < before.Count; i++)
        {
            if (!Member(before[i], after[i], ns, type, changed)) return false;
        }

        return true;
    }

    private static bool Member(MemberDeclarationSyntax before, MemberDeclarationSyntax after, string ns, string? type, HashSet<string> changed)
    {
        if (before.RawKind != after.RawKind) return false;
        if (before.IsEquivalentTo(after, topLevel: false)) return true;
        switch (before)
        {
            case BaseNamespaceDeclarationSyntax beforeNs:
            {
                var afterNs = (BaseNamespaceDeclarationSyntax)after;
                if (!beforeNs.Name.IsEquivalentTo(afterNs.Name) || !Same(beforeNs.Externs, afterNs.Externs) || !Same(beforeNs.Usings, afterNs.Usings) || !Same(beforeNs.AttributeLists, afterNs.AttributeLists)) return false;
                var name = Qualify(ns, string.Concat(beforeNs.Name.ToString().Where(c => !char.IsWhiteSpace(c))));
                return Members(beforeNs.Members, afterNs.Members, name, null, changed);
            }

            case TypeDeclarationSyntax beforeType:
            {
                var afterType = (TypeDeclarationSyntax)after;
                if (!beforeType.WithMembers(default).IsEquivalentTo(afterType.WithMembers(default), topLevel: false)) return false;
                var arity = beforeType.TypeParameterList?.Parameters.Count ?? 0;
                var key = (type is null ? Qualify(ns, string.Empty) : type + "+") + beforeType.Identifier.ValueText + (arity > 0 ? "`" + arity : string.Empty);
                return Members(beforeType.Members, afterType.Members, ns, key, changed);
            }

            case FieldDeclarationSyntax beforeField when type is not null && !beforeField.Modifiers.Any(SyntaxKind.ConstKeyword):
            {
                var afterField = (FieldDeclarationSyntax)after;
                if (!WithoutInitializers(beforeField).IsEquivalentTo(WithoutInitializers(afterField), topLevel: false)) return false;
                for (var i = 0; i < beforeField.Declaration.Variables.Count; i++)
                {
                    var beforeVariable = beforeField.Declaration.Variables[i];
                    if (!beforeVariable.IsEquivalentTo(afterField.Declaration.Variables[i], topLevel: false)) changed.Add(MemberKeys.Of(type, beforeVariable.Identifier.ValueText));
                }

                return true;
            }

            case PropertyDeclarationSyntax beforeProperty when type is not null:
            {
                var afterProperty = (PropertyDeclarationSyntax)after;
                if (!WithoutValue(beforeProperty).IsEquivalentTo(WithoutValue(afterProperty), topLevel: true)) return false;
                changed.Add(MemberKeys.Of(type, beforeProperty.Identifier.ValueText));
                return true;
            }

            // Bodies of methods, operators, accessors and local functions are never evaluated.
            case MethodDeclarationSyntax or OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax or DestructorDeclarationSyntax or IndexerDeclarationSyntax or EventDeclarationSyntax:
                return before.IsEquivalentTo(after, topLevel: true);

            // Everything else, constructors included (a constructor with statements is not evaluated), must be equal.
            default:
                return false;
        }
    }

    private static FieldDeclarationSyntax WithoutInitializers(FieldDeclarationSyntax field) =>
        field.WithDeclaration(field.Declaration.WithVariables(SyntaxFactory.SeparatedList(field.Declaration.Variables.Select(v => v.WithInitializer(null)))));

    private static PropertyDeclarationSyntax WithoutValue(PropertyDeclarationSyntax property) =>
        property.WithInitializer(null).WithExpressionBody(null).WithSemicolonToken(default);

    private static string Qualify(string ns, string name) => ns.Length == 0 ? name : name.Length == 0 ? ns + "." : ns + "." + name;

    private static bool Same<T>(SyntaxList<T> before, SyntaxList<T> after)
        where T : SyntaxNode
    {
        if (before.Count != after.Count) return false;
        for (var i = 0; i < before.Count; i++)
        {
            if (!before[i].IsEquivalentTo(after[i], topLevel: false)) return false;
        }

        return true;
    }
}
