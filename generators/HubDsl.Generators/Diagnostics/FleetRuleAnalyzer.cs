using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using HubDsl.Core.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Generators.Diagnostics;

/// <summary>
/// Base of the rule-family analyzers: reports, for each document, the shared <see cref="FleetAnalysis"/>'s
/// findings of this family that are located in it. Per-document reporting puts a diagnostic wherever the
/// problem was written, including values records declared outside the fleet classes.
/// </summary>
public abstract class FleetRuleAnalyzer : DiagnosticAnalyzer
{
    private readonly Dictionary<string, DiagnosticDescriptor> _byId;

    private protected FleetRuleAnalyzer(params DiagnosticDescriptor[] descriptors)
    {
        SupportedDiagnostics = ImmutableArray.Create(descriptors);
        _byId = descriptors.ToDictionary(d => d.Id);
    }

    /// <inheritdoc/>
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSemanticModelAction(Analyze);
    }

    private void Analyze(SemanticModelAnalysisContext context)
    {
        var tree = context.SemanticModel.SyntaxTree;
        var analysis = FleetAnalysis.For(context.SemanticModel.Compilation, context.Options, context.CancellationToken);
        foreach (var finding in analysis.Findings)
        {
            if (finding.Origin is null || finding.Origin.Path != tree.FilePath || !_byId.TryGetValue(finding.Id, out var descriptor)) continue;
            var location = Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(finding.Origin.Start, finding.Origin.Length));
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, finding.Properties.ToImmutableDictionary(p => p.Key, p => (string?)p.Value), finding.Message));
        }

        Report(context, analysis);
    }

    /// <summary>Extra reporting for a family whose findings are not in <see cref="FleetAnalysis.Findings"/>.</summary>
    private protected virtual void Report(SemanticModelAnalysisContext context, FleetAnalysis analysis)
    {
    }
}
