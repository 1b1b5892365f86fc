using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using HubDsl.Core.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HubDsl.CodeFixes;

/// <summary>
/// HUB003: adds <c>[Values("env")]</c> values for the missing environment, starting from the defaults.
/// HUB004: removes values declared for an environment no cluster uses.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EnvironmentValuesCodeFixProvider)), Shared]
public sealed class EnvironmentValuesCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingEnvironmentValues, DiagnosticIds.UnusedEnvironmentValues);

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
            var type = node.FirstAncestorOrSelf<ClassDeclarationSyntax>();
            if (type is null) continue;
            if (diagnostic.Id == DiagnosticIds.UnusedEnvironmentValues && node.FirstAncestorOrSelf<MemberDeclarationSyntax>() is FieldDeclarationSyntax or PropertyDeclarationSyntax)
            {
                var member = node.FirstAncestorOrSelf<MemberDeclarationSyntax>()!;
                context.RegisterCodeFix(
                    CodeAction.Create("Remove the unused values", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.RemoveNode(member, SyntaxRemoveOptions.KeepNoTrivia)!)), DiagnosticIds.UnusedEnvironmentValues),
                    diagnostic);
            }
            else if (diagnostic.Id == DiagnosticIds.MissingEnvironmentValues && diagnostic.Properties.TryGetValue("environment", out var environment) && environment is not null
                && DefaultsOf(type) is { } defaults)
            {
                var name = MemberName(environment);
                if (type.Members.OfType<FieldDeclarationSyntax>().Any(f => f.Declaration.Variables.Any(v => v.Identifier.ValueText == name))) continue;
                var field = (FieldDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
                    "[Values(" + SyntaxFactory.Literal(environment).ToFullString() + ")] public static readonly " + defaults.Declaration.Type + " " + name + " = " + defaults.Declaration.Variables[0].Identifier.ValueText + ";")!;
                var updated = type.InsertNodesAfter(defaults, new[] { field.WithLeadingTrivia(defaults.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse().Take(1)).WithTrailingTrivia(defaults.GetTrailingTrivia()) });
                context.RegisterCodeFix(
                    CodeAction.Create("Declare values for '" + environment + "' from the defaults", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(type, updated))), DiagnosticIds.MissingEnvironmentValues + ":" + environment),
                    diagnostic);
            }
        }
    }

    // The [Values] member without an environment: new environments start from it.
    private static FieldDeclarationSyntax? DefaultsOf(ClassDeclarationSyntax type) =>
        type.Members.OfType<FieldDeclarationSyntax>().FirstOrDefault(f => f.AttributeLists.SelectMany(l => l.Attributes)
            .Any(a => a.Name.ToString() is "Values" or "ValuesAttribute" or "HubDsl.Values" && (a.ArgumentList is null || a.ArgumentList.Arguments.Count == 0)));

    private static string MemberName(string environment)
    {
        var parts = environment.Split(new[] { '-', '_', '.' }, System.StringSplitOptions.RemoveEmptyEntries);
        var name = string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
        return name.Length == 0 || !SyntaxFacts.IsIdentifierStartCharacter(name[0]) ? "Env" + name : name;
    }
}
