using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using HubDsl.Core.Analysis;
using HubDsl.Core.Charts;
using HubDsl.Core.Charts.Checks;
using HubDsl.Core.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Generators.Diagnostics;

/// <summary>
/// The chart findings of one compilation (HUB025-HUB027): each ApplicationSet whose <c>HelmSource.Path</c> names a
/// chart among the additional files (the package's props add them) is checked against it. An ApplicationSet whose
/// chart is not there (a chart from a Helm repository, HubDslChartFiles=false) is not checked. Never throws: a chart or
/// check that fails yields no findings. A clean fleet's ApplicationSets come without spans (<see cref="FleetAnalysis"/>):
/// only those whose chart is among the additional files are bound again with spans, one by one, to be checked.
/// </summary>
internal sealed class ChartAnalysis
{
    // Per compilation and its additional files: an editor may hand the same compilation with edited chart files.
    private static readonly ConditionalWeakTable<Compilation, StrongBox<(ImmutableArray<AdditionalText> Files, Lazy<ChartAnalysis> Analysis)>> Cache = new();

    private ChartAnalysis(IReadOnlyList<Finding> findings) => Findings = findings;

    public IReadOnlyList<Finding> Findings { get; }

    public static ChartAnalysis For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var files = options.AdditionalFiles;
        var box = Cache.GetValue(compilation, c => new StrongBox<(ImmutableArray<AdditionalText>, Lazy<ChartAnalysis>)>((files, New(c, options, cancellationToken))));
        Lazy<ChartAnalysis> analysis;
        lock (box)
        {
            if (!SameFiles(box.Value.Files, files)) box.Value = (files, New(compilation, options, cancellationToken));
            analysis = box.Value.Analysis;
        }

        return analysis.Value;
    }

    private static Lazy<ChartAnalysis> New(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
        new(() => Compute(compilation, options, cancellationToken), LazyThreadSafetyMode.PublicationOnly);

    private static bool SameFiles(ImmutableArray<AdditionalText> a, ImmutableArray<AdditionalText> b)
    {
        if (a.IsDefault || b.IsDefault) return a.IsDefault == b.IsDefault;
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (!ReferenceEquals(a[i], b[i])) return false;
        }

        return true;
    }

    private static ChartAnalysis Compute(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        var files = options.AdditionalFiles;
        if (files.IsDefaultOrEmpty) return new ChartAnalysis(findings);
        var fleet = FleetAnalysis.For(compilation, options, cancellationToken);
        options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.ProjectDir", out var projectDirectory);
        var paths = files.Select(f => f.Path).ToList();
        var reported = new HashSet<(string, HubDsl.Core.Yaml.SourceSpan?)>();
        foreach (var appSet in fleet.ApplicationSets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (appSet.ChartPath is null) continue;
            try
            {
                var folder = ChartLocator.FindFolder(paths, projectDirectory, appSet.ChartPath);
                if (folder is null) continue;
                var chartFiles = files.Select(f => (File: f, Relative: ChartLocator.RelativePath(folder, f.Path)))
                    .Where(f => f.Relative != null).OrderBy(f => f.Relative, StringComparer.Ordinal).ToList();
                var key = folder + "\n" + string.Join("\n", chartFiles.Select(f => f.Relative + "\u001f" + Checksum(f.File, cancellationToken)));
                var reads = ChartCache.Reads(key, () => chartFiles.Select(f => new ChartFile(f.Relative!, f.File.GetText(cancellationToken)?.ToString() ?? "")).ToList());
                // The check places each finding on a span and leaves out what it cannot place, so it runs on the
                // ApplicationSet bound with spans: after a clean fleet's position-free tier, this one alone.
                var positioned = fleet.WithOrigins(appSet);
                if (positioned is null) continue;
                var placed = ChartCache.Check(positioned, reads, appSet.ChartPath);

                // A record's default shared by several ApplicationSets is reported once, where it was written.
                findings.AddRange(placed.Where(f => reported.Add((f.Id, f.Origin))));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A chart HubDsl cannot read or check is not the user's error here: the check says nothing.
                ChartCache.Failed(appSet.ClassName, e);
            }
        }

        return new ChartAnalysis(findings);
    }

    private static string Checksum(AdditionalText file, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null) return "-";
        var checksum = text.GetChecksum();
        return checksum.IsDefaultOrEmpty ? text.ToString().GetHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Concat(checksum.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
