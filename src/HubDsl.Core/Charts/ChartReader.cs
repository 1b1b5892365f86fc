using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Charts;

/// <summary>
/// Reads a chart from its files as Helm's loader does for a chart directory: Chart.yaml, values.yaml,
/// values.schema.json, everything under templates/, and each directory under charts/ as a subchart. Packaged
/// subcharts (<c>charts/*.tgz</c>) cannot be read offline: they become a <see cref="ChartProblem"/> and the checks
/// treat that dependency's values as read. Other files (README, ci/, crds/) are ignored. <c>.helmignore</c> is not
/// applied: an ignored template only adds reads, so it can hide a finding but never cause one.
/// </summary>
public static class ChartReader
{
    /// <summary>Reads the chart whose files are given (paths relative to the chart's directory).</summary>
    public static HelmChart Read(IEnumerable<ChartFile> files)
    {
        if (files is null) throw new ArgumentNullException(nameof(files));
        var problems = new List<ChartProblem>();
        var accepted = new List<ChartFile>();
        long total = 0;
        foreach (var file in files)
        {
            if (file is null) continue;
            var path = NormalizePath(file.Path);
            if (path is null)
            {
                problems.Add(new ChartProblem(file.Path ?? "", "not a path inside the chart (absolute, or with '..'); ignored."));
                continue;
            }

            var text = file.Text ?? "";
            if (text.Length > ChartLimits.MaxFileLength)
            {
                problems.Add(new ChartProblem(path, "longer than HubDsl's limit of " + ChartLimits.MaxFileLength.ToString(CultureInfo.InvariantCulture) + " characters for one chart file; the chart is not checked."));
                return Unusable(problems);
            }

            total += text.Length;
            if (accepted.Count >= ChartLimits.MaxFiles || total > ChartLimits.MaxTotalLength)
            {
                problems.Add(new ChartProblem(path, "the chart has more than HubDsl's limit of " + ChartLimits.MaxFiles.ToString(CultureInfo.InvariantCulture) + " files or " +
                    (ChartLimits.MaxTotalLength / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MiB; the chart is not checked."));
                return Unusable(problems);
            }

            accepted.Add(new ChartFile(path, text));
        }

        accepted.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return ReadDirectory("", accepted, 0, problems) ?? Unusable(problems);
    }

    private static HelmChart Unusable(List<ChartProblem> problems) =>
        new("", "", false, EquatableArray<ChartDependency>.Empty, new YamlMapping(), "", null, EquatableArray<ChartFile>.Empty,
            EquatableArray<HelmChart>.Empty, problems.ToEquatableArray(), valuesUnreadable: true);

    private static string? NormalizePath(string? path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        var p = path!.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal)) p = p.Substring(2);
        if (p.StartsWith("/", StringComparison.Ordinal) || p.Contains(":")) return null;
        var segments = p.Split('/');
        if (segments.Any(s => s == ".." || s.Length == 0 || s == ".")) return null;
        return p;
    }

    private static HelmChart? ReadDirectory(string directory, List<ChartFile> files, int depth, List<ChartProblem> problems)
    {
        string Full(string relative) => directory.Length == 0 ? relative : directory + "/" + relative;
        var own = new Dictionary<string, string>(StringComparer.Ordinal);
        var templates = new List<ChartFile>();
        var subdirectories = new SortedDictionary<string, List<ChartFile>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var path = file.Path;
            if (path.StartsWith("templates/", StringComparison.Ordinal))
            {
                templates.Add(file);
            }
            else if (path.StartsWith("charts/", StringComparison.Ordinal))
            {
                var rest = path.Substring("charts/".Length);
                var slash = rest.IndexOf('/');
                if (slash < 0)
                {
                    if (rest.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) || rest.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase))
                    {
                        problems.Add(new ChartProblem(Full(path), "a packaged subchart cannot be read offline; its values count as read. Vendor it as a directory (helm pull --untar) to check them."));
                    }

                    continue;
                }

                var name = rest.Substring(0, slash);
                if (!subdirectories.TryGetValue(name, out var list)) subdirectories[name] = list = new List<ChartFile>();
                list.Add(new ChartFile(rest.Substring(slash + 1), file.Text));
            }
            else
            {
                own[path] = file.Text;
            }
        }

        if (!own.TryGetValue("Chart.yaml", out var chartText))
        {
            problems.Add(new ChartProblem(Full("Chart.yaml"), "missing: this is not a chart directory."));
            return null;
        }

        var unreadable = false;
        string name_ = "";
        var isLibrary = false;
        var dependencies = new List<ChartDependency>();
        try
        {
            if (YamlReader.Parse(chartText, Full("Chart.yaml")) is YamlMapping meta)
            {
                name_ = meta["name"]?.AsString() ?? (meta["name"] as YamlScalar)?.Value ?? "";
                isLibrary = string.Equals(meta["type"]?.AsString(), "library", StringComparison.Ordinal);
                if (meta["dependencies"] is YamlSequence deps) ReadDependencies(deps, dependencies, Full("Chart.yaml"), problems);
            }
        }
        catch (YamlReaderException e)
        {
            problems.Add(new ChartProblem(Full("Chart.yaml"), "not valid YAML: " + e.Message + ". Helm cannot load the chart either."));
            unreadable = true;
        }

        if (name_.Length == 0 && !unreadable)
        {
            problems.Add(new ChartProblem(Full("Chart.yaml"), "has no name."));
            unreadable = true;
        }

        var values = new YamlMapping();
        own.TryGetValue("values.yaml", out var valuesText);
        if (valuesText != null)
        {
            try
            {
                switch (YamlReader.Parse(valuesText, Full("values.yaml")))
                {
                    case YamlMapping m:
                        values = m;
                        break;
                    case YamlScalar { Kind: ScalarKind.Null }:
                        break;
                    default:
                        problems.Add(new ChartProblem(Full("values.yaml"), "is not a mapping; Helm cannot use it either."));
                        unreadable = true;
                        break;
                }
            }
            catch (YamlReaderException e)
            {
                problems.Add(new ChartProblem(Full("values.yaml"), "not valid YAML: " + e.Message + ". Helm cannot load the chart either."));
                unreadable = true;
            }
        }

        own.TryGetValue("values.schema.json", out var schemaText);
        var subcharts = new List<HelmChart>();
        foreach (var sub in subdirectories)
        {
            if (depth + 1 > ChartLimits.MaxSubchartDepth)
            {
                problems.Add(new ChartProblem(Full("charts/" + sub.Key), "subcharts nested deeper than HubDsl's limit of " + ChartLimits.MaxSubchartDepth.ToString(CultureInfo.InvariantCulture) + "; its values count as read."));
                continue;
            }

            var chart = ReadDirectory(Full("charts/" + sub.Key), sub.Value, depth + 1, problems);
            if (chart != null) subcharts.Add(chart);
        }

        return new HelmChart(directory, name_, isLibrary, dependencies.ToEquatableArray(), values, valuesText ?? "", schemaText,
            templates.Select(t => t).ToEquatableArray(), subcharts.ToEquatableArray(),
            depth == 0 ? problems.ToEquatableArray() : EquatableArray<ChartProblem>.Empty, unreadable || subcharts.Any(s => s.ValuesUnreadable));
    }

    private static void ReadDependencies(YamlSequence deps, List<ChartDependency> into, string where, List<ChartProblem> problems)
    {
        foreach (var node in deps)
        {
            if (node is not YamlMapping d) continue;
            var name = Text(d["name"]);
            if (string.IsNullOrEmpty(name))
            {
                problems.Add(new ChartProblem(where, "a dependency has no name; it is ignored."));
                continue;
            }

            var tags = d["tags"] is YamlSequence t ? t.Select(Text).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToEquatableArray() : EquatableArray<string>.Empty;
            var imports = new List<StringPair>();
            if (d["import-values"] is YamlSequence iv)
            {
                foreach (var item in iv)
                {
                    if (item is YamlMapping pair)
                    {
                        imports.Add(new StringPair(Text(pair["child"]) ?? "", Text(pair["parent"]) ?? ""));
                    }
                    else if (Text(item) is { Length: > 0 } s)
                    {
                        imports.Add(new StringPair("exports." + s, "."));
                    }
                }
            }

            into.Add(new ChartDependency(name!, Text(d["alias"]), Text(d["condition"]), Text(d["repository"])) { Tags = tags, ImportValues = imports.ToEquatableArray() });
        }
    }

    private static string? Text(YamlNode? node) => node is YamlScalar { Kind: not ScalarKind.Null } s ? s.Value : null;
}
