using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Charts.Checks;

namespace HubDsl.Core.Charts.Records;

/// <summary>
/// Chart files to the C# of a <c>[ChartValues]</c> record: finds the chart folder among the project's chart files
/// (<see cref="ChartLocator"/>, as the chart checks do), reads it, builds the record model and emits it. A chart that is
/// missing or cannot be read gives no text and a problem naming the folder and the fix; nothing here throws for bad
/// chart input.
/// </summary>
public static class ChartRecordGenerator
{
    /// <summary>Whether a file can shape a values record: Chart.yaml, values.yaml, values.schema.json (subcharts' too). Templates cannot.</summary>
    public static bool ShapesRecord(string path)
    {
        var name = path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
        return name is "Chart.yaml" or "values.yaml" or "values.schema.json";
    }

    /// <summary>The record's source for the chart at <paramref name="target"/>'s path among <paramref name="files"/> (absolute paths and texts).</summary>
    public static ChartRecordSource Generate(ChartRecordTarget target, IReadOnlyList<ChartFile> files, string? projectDirectory)
    {
        if (target is null) throw new ArgumentNullException(nameof(target));
        if (files is null) throw new ArgumentNullException(nameof(files));
        var where = "[ChartValues(\"" + target.ChartPath + "\")] on " + target.TypeName;
        var folder = ChartLocator.FindFolder(files.Select(f => f.Path), projectDirectory, target.ChartPath);
        if (folder is null)
        {
            return new ChartRecordSource(target.HintName, null, where + ": no chart at '" + target.ChartPath + "' among the project's chart files (HubDsl looks for " +
                (string.IsNullOrEmpty(projectDirectory) ? "" : projectDirectory!.Replace('\\', '/').TrimEnd('/') + "/") + ManifestsFolder(target.ChartPath) + "/Chart.yaml), so no properties are generated. " +
                "Give the chart folder relative to the project, as in HelmSource.Path; keep HubDslChartFiles on; a chart from a Helm repository must be vendored first (helm pull --untar).");
        }

        try
        {
            var chart = ChartReader.Read(files.Select(f => (File: f, Relative: ChartLocator.RelativePath(folder, f.Path)))
                .Where(f => f.Relative != null && ShapesRecord(f.Relative))
                .OrderBy(f => f.Relative, StringComparer.Ordinal)
                .Select(f => new ChartFile(f.Relative!, f.File.Text)));
            if (chart.ValuesUnreadable)
            {
                var reason = chart.Problems.Count > 0 ? string.Join("; ", chart.Problems.Select(p => p.ToString())) : "its values.yaml is not a YAML mapping";
                return new ChartRecordSource(target.HintName, null, where + ": the chart at '" + target.ChartPath + "' cannot be read (" + reason + "), so no properties are generated. Fix the chart's values.yaml.");
            }

            if (chart.SchemaText != null && Schema.ChartSchemaValidator.SchemaProblem(chart) is { } schemaProblem)
            {
                return new ChartRecordSource(target.HintName, null, where + ": the chart's values.schema.json cannot be read (" + schemaProblem + "), so no properties are generated. Fix the schema (helm lint reports it too).");
            }

            var model = ValuesRecordBuilder.Build(chart, target.TypeName, target.DeclaredKeys, target.DeclaredNames);
            return new ChartRecordSource(target.HintName, ValuesRecordEmitter.Emit(model, target.Namespace, target.ContainingTypes), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ChartRecordSource(target.HintName, null, where + ": the chart at '" + target.ChartPath + "' cannot be read (" + e.Message + "), so no properties are generated. Fix the chart's values.yaml or values.schema.json.");
        }
    }

    private static string ManifestsFolder(string chartPath) => Manifests.ValuesFiles.ChartFolder(chartPath.Replace('\\', '/'));
}
