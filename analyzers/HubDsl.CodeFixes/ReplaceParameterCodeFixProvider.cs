using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using HubDsl.Core.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HubDsl.CodeFixes;

/// <summary>
/// HUB002: replaces a misspelt raw parameter with the closest one the Cluster generator produces
/// (<c>{{nmae}}</c> → <c>{{name}}</c>). HUB008: uses <c>Param.NameNormalized</c> instead of <c>Param.Name</c> in the name.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceParameterCodeFixProvider)), Shared]
public sealed class ReplaceParameterCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnknownParameter, DiagnosticIds.InvalidApplicationName);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (diagnostic.Id == DiagnosticIds.UnknownParameter
                && diagnostic.Properties.TryGetValue("suggestion", out var suggestion) && suggestion is not null
                && diagnostic.Properties.TryGetValue("unknown", out var unknown) && unknown is not null
                && node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                var text = literal.Token.ValueText;
                var replaced = System.Text.RegularExpressions.Regex.Replace(text, @"\{\{\s*" + System.Text.RegularExpressions.Regex.Escape(unknown) + @"\s*\}\}", "{{" + suggestion + "}}");
                if (replaced == text) continue;
                var updated = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replaced)).WithTriviaFrom(literal);
                context.RegisterCodeFix(
                    CodeAction.Create("Use '{{" + suggestion + "}}'", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, updated))), DiagnosticIds.UnknownParameter + ":suggestion"),
                    diagnostic);
            }
            else if (diagnostic.Id == DiagnosticIds.InvalidApplicationName && diagnostic.Properties.ContainsKey("fix"))
            {
                var paramName = FindParamName(node);
                if (paramName is null) continue;
                var normalized = paramName.WithName(SyntaxFactory.IdentifierName("NameNormalized").WithTriviaFrom(paramName.Name));
                context.RegisterCodeFix(
                    CodeAction.Create("Use Param.NameNormalized", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(paramName, normalized))), DiagnosticIds.InvalidApplicationName + ":normalize"),
                    diagnostic);
            }
        }
    }

    private static MemberAccessExpressionSyntax? FindParamName(SyntaxNode node)
    {
        foreach (var access in node.DescendantNodesAndSelf())
        {
            if (access is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Name", Expression: IdentifierNameSyntax { Identifier.ValueText: "Param" } } member) return member;
        }

        return null;
    }
}
