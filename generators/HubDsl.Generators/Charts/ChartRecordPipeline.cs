using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using HubDsl.Core.Charts;
using HubDsl.Core.Charts.Records;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace HubDsl.Generators.Charts;

/// <summary>
/// The generator's <c>[ChartValues]</c> steps: each declared record's C# from its chart (only Chart.yaml, values.yaml
/// and values.schema.json shape it, so editing a template regenerates nothing), and the same text parsed as the trees
/// the chart-typed ApplicationSets are bound with (<see cref="ChartTypedApplicationSets"/>).
/// </summary>
internal static class ChartRecordPipeline
{
    /// <summary>Where Roslyn places a generator's <c>AddSource</c> output: the augmented trees get the same path.</summary>
    public const string GeneratedFolder = "HubDsl.Generators/HubDsl.Generators.ManifestGenerator/";

    /// <summary>How the hint name of every generated record starts.</summary>
    public const string HintPrefix = ChartRecordTarget.HintPrefix;

    public static IncrementalValueProvider<EquatableArray<ChartRecordSource>> Sources(IncrementalGeneratorInitializationContext context)
    {
        var targets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DslNames.ChartValuesAttribute,
                static (node, _) => node is RecordDeclarationSyntax,
                static (ctx, ct) => ChartRecordDeclarations.Target((INamedTypeSymbol)ctx.TargetSymbol, ctx.Attributes[0], out var _))
            .Where(static target => target is not null)
            .Select(static (target, _) => target!)
            .Collect();

        var files = context.AdditionalTextsProvider
            .Where(static file => ChartRecordGenerator.ShapesRecord(file.Path))
            .Select(static (file, ct) => new ChartFile(file.Path, file.GetText(ct)?.ToString() ?? string.Empty))
            .Collect()
            .Select(static (files, _) => files.OrderBy(f => f.Path, System.StringComparer.Ordinal).ToEquatableArray());

        var projectDirectory = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.ProjectDir", out var directory) ? directory : null);

        return targets
            .Combine(files)
            .Combine(projectDirectory)
            .Select(static (input, ct) =>
            {
                var sources = new List<ChartRecordSource>();
                var hints = new HashSet<string>(System.StringComparer.Ordinal);
                if (input.Left.Left.IsDefaultOrEmpty) return EquatableArray<ChartRecordSource>.Empty;
                foreach (var target in input.Left.Left)
                {
                    ct.ThrowIfCancellationRequested();
                    // Two partial declarations of one record both carrying the attribute: one source.
                    if (!hints.Add(target.HintName)) continue;
                    sources.Add(ChartRecordGenerator.Generate(target, input.Left.Right, input.Right));
                }

                return sources.ToEquatableArray();
            })
            .WithTrackingName(TrackingNames.ChartRecords);
    }

    public static IncrementalValueProvider<ChartRecordTrees> Trees(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<EquatableArray<ChartRecordSource>> sources) =>
        sources
            .Combine(context.ParseOptionsProvider)
            .Select(static (input, ct) =>
            {
                var written = input.Left.Where(s => s.Text != null).ToList();
                if (written.Count == 0) return ChartRecordTrees.Empty;
                var trees = new List<SyntaxTree>();
                foreach (var source in written)
                {
                    trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(source.Text!, Encoding.UTF8), input.Right as CSharpParseOptions, GeneratedFolder + source.HintName, ct));
                }

                return new ChartRecordTrees(trees.ToImmutableArray(), ChartRecordTrees.KeyOf(written.Select(s => (s.HintName, s.Text!))));
            });

    /// <summary>Adds each generated record's source (the analyzers, on the final compilation, see the same members).</summary>
    public static void Emit(SourceProductionContext context, EquatableArray<ChartRecordSource> sources)
    {
        foreach (var source in sources)
        {
            if (source.Text != null) context.AddSource(source.HintName, SourceText.From(source.Text, Encoding.UTF8));
        }
    }
}
