using System;
using System.Collections.Generic;
using System.Linq;

namespace HubDsl.Core.Charts.Checks;

/// <summary>
/// Finds, among the project's additional files (the package's props add every chart's files), the files of the chart an
/// ApplicationSet's <c>HelmSource.Path</c> names: the folder relative to the project directory
/// (<c>build_property.ProjectDir</c>). Without a project directory (a host that does not pass it) a chart folder whose
/// path ends with the HelmSource path is taken when exactly one does. Paths are compared as Ordinal, with <c>\</c> as
/// <c>/</c>; nothing outside the chart folder is returned, and a path with <c>..</c> finds no chart.
/// </summary>
public static class ChartLocator
{
    /// <summary>The chart folder's absolute path (with '/' separators, no trailing slash), or null when no Chart.yaml there is among the files.</summary>
    public static string? FindFolder(IEnumerable<string> additionalFilePaths, string? projectDirectory, string chartPath)
    {
        if (additionalFilePaths is null) throw new ArgumentNullException(nameof(additionalFilePaths));
        var relative = Manifests.ValuesFiles.ChartFolder((chartPath ?? "").Replace('\\', '/'));
        if (relative.Split('/').Any(s => s == "..") || relative.Contains(":") || chartPath?.StartsWith("/", StringComparison.Ordinal) == true) return null;
        var charts = additionalFilePaths.Select(Normalize).Where(p => p.EndsWith("/Chart.yaml", StringComparison.Ordinal))
            .Select(p => p.Substring(0, p.Length - "/Chart.yaml".Length)).Distinct(StringComparer.Ordinal).ToList();
        if (!string.IsNullOrEmpty(projectDirectory))
        {
            var project = Normalize(projectDirectory!).TrimEnd('/');
            var wanted = relative.Length == 0 ? project : project + "/" + relative;
            return charts.FirstOrDefault(c => string.Equals(c, wanted, StringComparison.Ordinal));
        }

        if (relative.Length == 0) return null;
        var matches = charts.Where(c => c.EndsWith("/" + relative, StringComparison.Ordinal)).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>The path of a file relative to the chart folder, or null when the file is not inside it.</summary>
    public static string? RelativePath(string chartFolder, string filePath)
    {
        var path = Normalize(filePath);
        var prefix = chartFolder + "/";
        return path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length ? path.Substring(prefix.Length) : null;
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
