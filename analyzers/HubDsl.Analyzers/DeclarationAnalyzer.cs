using System.Collections.Immutable;
using HubDsl.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Analyzers;

/// <summary>
/// HUB001: evaluates every <c>[Fleet]</c> and <c>[ApplicationSet]</c> class exactly as the generator does
/// and reports each expression it cannot evaluate, or each declaration it cannot bind, where it is.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CannotEvaluate);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (var attribute in type.GetAttributes())
        {
            var name = attribute.AttributeClass?.ToDisplayString();
            System.Collections.Generic.IReadOnlyList<Core.Declarations.DeclarationError> errors;
            if (name == DeclarationReader.FleetAttribute)
            {
                DeclarationReader.ReadFleet(type, attribute, context.Compilation, recordOrigins: true, context.CancellationToken, out errors);
            }
            else if (name == DeclarationReader.ApplicationSetAttribute)
            {
                DeclarationReader.ReadApplicationSet(type, attribute, context.Compilation, recordOrigins: true, context.CancellationToken, out errors);
            }
            else
            {
                continue;
            }

            var fallback = type.Locations.Length > 0 ? type.Locations[0] : Location.None;
            foreach (var error in errors)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.CannotEvaluate, Locations.From(context.Compilation, error.Origin, fallback), error.Message));
            }
        }
    }
}
