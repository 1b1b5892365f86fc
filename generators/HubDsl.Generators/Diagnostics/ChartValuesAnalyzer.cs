using HubDsl.Core.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Generators.Diagnostics;

/// <summary>HUB025 a values key the chart never reads, HUB026 values the chart's schema rejects, HUB027 a value whose shape contradicts the chart's default.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ChartValuesAnalyzer : FleetRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public ChartValuesAnalyzer()
        : base(Descriptors.UnreadValuesKey, Descriptors.SchemaRejectsValues, Descriptors.ValuesShapeMismatch)
    {
    }

    private protected override void Report(SemanticModelAnalysisContext context, FleetAnalysis analysis)
    {
        var tree = context.SemanticModel.SyntaxTree;
        foreach (var finding in ChartAnalysis.For(context.SemanticModel.Compilation, context.Options, context.CancellationToken).Findings)
        {
            if (finding.Origin is null || finding.Origin.Path != tree.FilePath) continue;
            var descriptor = finding.Id switch
            {
                DiagnosticIds.UnreadValuesKey => Descriptors.UnreadValuesKey,
                DiagnosticIds.SchemaRejectsValues => Descriptors.SchemaRejectsValues,
                _ => Descriptors.ValuesShapeMismatch,
            };
            var span = new Microsoft.CodeAnalysis.Text.TextSpan(finding.Origin.Start, finding.Origin.Length);
            if (span.End > tree.Length) continue;
            context.ReportDiagnostic(Diagnostic.Create(descriptor, Location.Create(tree, span), finding.Message));
        }
    }
}
