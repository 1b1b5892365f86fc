using System;
using System.Collections.Concurrent;
using System.Linq;
using HubDsl.Core.Charts;
using HubDsl.Core.Charts.Records;
using HubDsl.Core.Manifests;
using HubDsl.Generators.Charts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Generators.Diagnostics;

/// <summary>
/// HUB033: a <c>[ChartValues]</c> record the generator writes no properties for (not a partial HelmValues record, no
/// chart at its path, a chart it cannot read), on the attribute; and the <c>[Values]</c> defaults of a chart-typed
/// record with no values file to go to (no plain <c>ValueFiles</c> entry other than <c>values.yaml</c> before the
/// per-environment one), on the member. The record is built exactly as the generator builds it.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class ChartValuesRecordAnalyzer : FleetRuleAnalyzer
{
    private const int MaxCached = 64;

    // Per record and chart files (paths and checksums): the problem, or "" when the record is generated.
    private static readonly ConcurrentDictionary<string, string> Problems = new(StringComparer.Ordinal);

    /// <summary>Creates the analyzer.</summary>
    public ChartValuesRecordAnalyzer()
        : base(Descriptors.ChartValuesRecord)
    {
    }

    private protected override void Report(SemanticModelAnalysisContext context, FleetAnalysis analysis)
    {
        var tree = context.SemanticModel.SyntaxTree;
        foreach (var record in tree.GetRoot(context.CancellationToken).DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax).OfType<RecordDeclarationSyntax>())
        {
            if (record.AttributeLists.Count == 0 || context.SemanticModel.GetDeclaredSymbol(record, context.CancellationToken) is not INamedTypeSymbol type) continue;
            var attribute = ChartValuesTypes.ChartValuesAttribute(type);
            if (attribute?.ApplicationSyntaxReference is not { } reference || reference.SyntaxTree != tree) continue;
            var target = ChartRecordDeclarations.Target(type, attribute, out var problem);
            if (target is not null) problem = Generate(target, context);
            if (!string.IsNullOrEmpty(problem)) context.ReportDiagnostic(Diagnostic.Create(Descriptors.ChartValuesRecord, Location.Create(tree, reference.Span), problem));
        }

        foreach (var appSet in analysis.ApplicationSets)
        {
            if (ValuesFiles.ChartBase(appSet) is null || ValuesFiles.FleetDefaultsFile(appSet) is not null) continue;

            // This finding is not the validator's, so a fleet with nothing else to report is not positioned: the
            // ApplicationSet is bound with spans here, on its own (only in this rare case).
            var positioned = analysis.WithOrigins(appSet);
            var defaults = positioned?.Values.FirstOrDefault(v => v.Environment is null);
            if (defaults?.Origin is not { } origin || origin.Path != tree.FilePath || origin.Start + origin.Length > tree.Length) continue;
            var name = appSet.ClassName.Substring(appSet.ClassName.LastIndexOf('.') + 1);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ChartValuesRecord, Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(origin.Start, origin.Length)),
                name + "." + defaults.MemberName + ": the values are typed from the chart, whose own values.yaml HubDsl never writes, and no values file is left for the fleet's defaults, so Helm would never see them. " +
                "List a file of their own in ValueFiles before the per-environment one, e.g. ValueFiles = [\"values-fleet.yaml\", $\"values-{Param.Label(\"env\")}.yaml\"]."));
        }
    }

    private static string? Generate(ChartRecordTarget target, SemanticModelAnalysisContext context)
    {
        var files = context.Options.AdditionalFiles.Where(f => ChartRecordGenerator.ShapesRecord(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.ProjectDir", out var projectDirectory);
        var texts = files.Select(f => (f.Path, Text: f.GetText(context.CancellationToken)?.ToString() ?? string.Empty)).ToList();
        var key = target + "\n" + projectDirectory + "\n" + string.Join("\n", texts.Select(t => t.Path + "\u0001" + t.Text.Length + "\u0001" + StringComparer.Ordinal.GetHashCode(t.Text)));
        if (Problems.TryGetValue(key, out var cached)) return cached;
        string problem;
        try
        {
            problem = ChartRecordGenerator.Generate(target, texts.Select(t => new ChartFile(t.Path, t.Text)).ToList(), projectDirectory).Problem ?? string.Empty;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            problem = string.Empty; // the generator catches the same; nothing the user can act on here
        }

        if (Problems.Count >= MaxCached) Problems.Clear();
        Problems[key] = problem;
        return problem;
    }
}
