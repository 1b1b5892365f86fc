using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Charts.Reads;
using HubDsl.Core.Model;

namespace HubDsl.Core.Charts;

/// <summary>
/// Which values paths a chart's templates read (<see cref="Analyze"/>), computed once per chart: a generator step
/// keyed on the <see cref="HelmChart"/> caches it, and each values object is then checked against it by
/// <see cref="ValuesKeyCheck"/>. Equality is the chart's: the result is a function of the chart alone.
/// </summary>
public sealed class ChartReads : IEquatable<ChartReads>
{
    private ChartReads(HelmChart chart, TemplateSet set, ReadSet reads, string? gaveUpEntirely, IReadOnlyCollection<ChartScope> tplRoots, IReadOnlyCollection<string> typeTested)
    {
        Chart = chart;
        Set = set;
        Reads = reads;
        GaveUpEntirely = gaveUpEntirely;
        TplRoots = tplRoots.ToList();
        TypeTested = new HashSet<string>(typeTested, StringComparer.Ordinal);
        GaveUp = gaveUpEntirely != null
            ? new[] { new SilentSubtree(ValuesPath.Root, gaveUpEntirely) }.ToEquatableArray()
            : reads.GaveUp().Select(g => new SilentSubtree(new ValuesPath(g.Path.Select(Display)), g.Reason)).OrderBy(s => s.Path).ToEquatableArray();
    }

    /// <summary>The chart analysed.</summary>
    public HelmChart Chart { get; }

    /// <summary>Why the analysis says nothing about any key of this chart (a template that does not parse, the chart's whole context handed to an opaque function, the budget), or null.</summary>
    public string? GaveUpEntirely { get; }

    /// <summary>Every subtree the analysis could not follow (with wildcards shown as <c>*</c>).</summary>
    public EquatableArray<SilentSubtree> GaveUp { get; }

    /// <summary>Whether the chart's root reaches <c>tpl</c>: template strings in values are then read as templates too.</summary>
    public bool ReadsTemplateStrings => TplRoots.Count > 0;

    internal TemplateSet Set { get; }
    internal ReadSet Reads { get; }
    internal IReadOnlyList<ChartScope> TplRoots { get; }
    internal HashSet<string> TypeTested { get; }

    /// <summary>Analyses the chart's templates. Never throws: a chart it cannot follow yields <see cref="GaveUpEntirely"/>.</summary>
    public static ChartReads Analyze(HelmChart chart)
    {
        if (chart is null) throw new ArgumentNullException(nameof(chart));
        var set = TemplateSet.Build(chart);
        var reads = new ReadSet();
        if (chart.ValuesUnreadable)
        {
            var problem = chart.Problems.FirstOrDefault()?.ToString() ?? "the chart could not be read";
            return new ChartReads(chart, set, reads, problem, Array.Empty<ChartScope>(), Array.Empty<string>());
        }

        if (set.ParseError != null)
        {
            return new ChartReads(chart, set, reads, "a template does not parse, so Helm cannot render the chart either: " + set.ParseError, Array.Empty<ChartScope>(), Array.Empty<string>());
        }

        var analyzer = new ReadAnalyzer(set, reads);
        try
        {
            analyzer.AnalyzeChart();
        }
        catch (Exception e)
        {
            // A bug in the analysis must not break a build: say nothing about this chart, and say why.
            return new ChartReads(chart, set, reads, "internal error in HubDsl's chart analysis (" + e.GetType().Name + ": " + e.Message + ")", Array.Empty<ChartScope>(), Array.Empty<string>());
        }

        return new ChartReads(chart, set, reads, analyzer.GaveUpEntirely, analyzer.TplRoots, analyzer.TypeTested);
    }

    internal static string Display(string segment) => segment == PathValue.Wildcard ? "*" : segment;

    /// <inheritdoc/>
    public bool Equals(ChartReads? other) => other is not null && Chart.Equals(other.Chart);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ChartReads r && Equals(r);

    /// <inheritdoc/>
    public override int GetHashCode() => Chart.GetHashCode();
}
