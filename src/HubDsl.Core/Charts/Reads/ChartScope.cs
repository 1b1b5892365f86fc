using System;
using System.Collections.Generic;

namespace HubDsl.Core.Charts.Reads;

/// <summary>
/// One chart in the tree Helm renders: the top chart, or a dependency under its name or alias. Its templates see
/// <c>.Values</c> = the values at <see cref="Prefix"/> (Helm's recAllTpls), with <c>global</c> copied from the top.
/// </summary>
internal sealed class ChartScope
{
    public ChartScope(int id, HelmChart chart, string templatePath, string[] prefix)
    {
        Id = id;
        Chart = chart;
        TemplatePath = templatePath;
        Prefix = prefix;
        Root = new RootValue(this);
    }

    public int Id { get; }
    public HelmChart Chart { get; }

    /// <summary>Helm's name for the chart's templates: <c>top</c>, <c>top/charts/sub</c>.</summary>
    public string TemplatePath { get; }

    /// <summary>Where the chart's values sit in the top-level values.</summary>
    public string[] Prefix { get; }

    public RootValue Root { get; }

    public Dictionary<string, ChartScope> Children { get; } = new(StringComparer.Ordinal);

    /// <summary><c>.Template.BasePath</c>.</summary>
    public string BasePath => TemplatePath + "/templates";
}
