using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Analyzers;

/// <summary>
/// HUB001: every expression of a <c>[Fleet]</c> or <c>[ApplicationSet]</c> declaration that the generator
/// cannot evaluate, and every declaration it cannot bind, where it is.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationAnalyzer : FleetRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public DeclarationAnalyzer()
        : base(Descriptors.CannotEvaluate)
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
            if (location is not null) context.ReportDiagnostic(Diagnostic.Create(Descriptors.CannotEvaluate, location, error.Message));
        }
    }
}
