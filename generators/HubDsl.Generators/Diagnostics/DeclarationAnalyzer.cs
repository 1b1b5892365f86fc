using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Generators.Diagnostics;

/// <summary>
/// HUB001: every expression of a <c>[Fleet]</c> or <c>[ApplicationSet]</c> declaration that the generator
/// cannot evaluate, and every declaration it cannot bind, where it is. HUB024: a declaration of a referenced
/// assembly it uses that cannot be evaluated, where it is used.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationAnalyzer : FleetRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public DeclarationAnalyzer()
        : base(Descriptors.CannotEvaluate, Descriptors.ReferencedInitializer)
    {
    }

    private protected override void Report(SemanticModelAnalysisContext context, FleetAnalysis analysis)
    {
        var tree = context.SemanticModel.SyntaxTree;
        foreach (var (error, fallback) in analysis.Errors)
        {
            var location = error.Origin is { } origin && origin.Path == tree.FilePath
                ? Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(origin.Start, origin.Length))
                : error.Origin is null && fallback.SourceTree == tree ? fallback : null;
            var descriptor = error.Id == Descriptors.ReferencedInitializer.Id ? Descriptors.ReferencedInitializer : Descriptors.CannotEvaluate;
            if (location is not null) context.ReportDiagnostic(Diagnostic.Create(descriptor, location, error.Message));
        }
    }
}
