using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using HubDsl.Core.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HubDsl.CodeFixes;

/// <summary>
/// Replaces a string literal with the corrected text the rule computed (the diagnostic's <c>fix</c> property):
/// HUB010 <c>64mi</c> → <c>64Mi</c>, HUB014 <c>http://</c> → <c>https://</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceLiteralCodeFixProvider)), Shared]
public sealed class ReplaceLiteralCodeFixProvider : CodeFixProvider
{
    /// <summary>The property carrying the corrected text.</summary>
    public const string FixProperty = "fix";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InvalidQuantity, DiagnosticIds.InsecureConnection);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixProperty, out var replacement) || replacement is null) continue;
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            var title = "Use \"" + replacement + "\"";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => Replace(context.Document, literal, replacement, ct), equivalenceKey: diagnostic.Id + ":" + FixProperty),
                diagnostic);
        }
    }

    private static async Task<Document> Replace(Document document, LiteralExpressionSyntax literal, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var updated = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replacement)).WithTriviaFrom(literal);
        return document.WithSyntaxRoot(root!.ReplaceNode(literal, updated));
    }
}
