using HubDsl.Cli.Input;
using HubDsl.Core.Charts;
using HubDsl.Core.Manifests;
using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Import;

/// <summary>
/// Reads a chart's values folder (<c>values.yaml</c> and <c>values-&lt;env&gt;.yaml</c>) for the ApplicationSet whose
/// source path the folder is (its last path segments), with the environments its per-environment value file names.
/// </summary>
internal static class ValuesImporter
{
    /// <summary>The ApplicationSets with their values attached; folders that belong to none are listed.</summary>
    public static IReadOnlyList<ImportedAppSet> Attach(IReadOnlyList<ImportedAppSet> appSets, IReadOnlyList<string> folders, List<ImportOmission> omissions)
    {
        var result = appSets.ToList();
        foreach (var folder in folders)
        {
            var index = Owner(result, folder);
            if (index < 0)
            {
                omissions.Add(new ImportOmission(folder, string.Empty, "no imported ApplicationSet has this chart folder as its source path (" +
                    (result.Count == 0 ? "none was imported" : string.Join(", ", result.Select(a => a.Name + ": " + a.Template.Source.Path.Original))) + "); its values are not imported"));
                continue;
            }

            if (result[index].Values is not null)
            {
                omissions.Add(new ImportOmission(folder, string.Empty, "ApplicationSet " + result[index].Name + " already has its values from " + result[index].Values!.Folder + "; this folder is not imported"));
                continue;
            }

            var values = Read(result[index], folder, omissions);
            if (values is not null) result[index] = result[index] with { Values = values };
        }

        return result;
    }

    // The ApplicationSet whose chart folder the values folder ends with (the longest match); with one
    // ApplicationSet and a literal path that does not match, still that one.
    private static int Owner(IReadOnlyList<ImportedAppSet> appSets, string folder)
    {
        var segments = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar).Split(Path.DirectorySeparatorChar);
        var best = -1;
        var bestLength = 0;
        for (var i = 0; i < appSets.Count; i++)
        {
            if (appSets[i].Values is not null || appSets[i].Template.Source.Path.HasParams || appSets[i].Template.Source.Path.IsRaw) continue;
            var chart = ValuesFiles.ChartFolder(appSets[i].Template.Source.Path.Original).Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (chart.Length == 0 || chart.Length > segments.Length) continue;
            if (chart.Select((s, k) => s == segments[segments.Length - chart.Length + k]).All(b => b) && chart.Length > bestLength)
            {
                best = i;
                bestLength = chart.Length;
            }
        }

        if (best < 0 && appSets.Count(a => a.Values is null) == 1) best = appSets.ToList().FindIndex(a => a.Values is null);
        return best;
    }

    private static ImportedValues? Read(ImportedAppSet appSet, string folder, List<ImportOmission> omissions)
    {
        var defaultsFile = Path.Combine(folder, "values.yaml");
        if (!File.Exists(defaultsFile))
        {
            omissions.Add(new ImportOmission(folder, string.Empty, "has no values.yaml, the chart's defaults that every environment's values are merged over; its values are not imported"));
            return null;
        }

        var chartValues = Mapping(defaultsFile);
        var isChart = File.Exists(Path.Combine(folder, "Chart.yaml"));
        var fleetName = isChart ? FleetDefaultsFile(appSet.Template.Source) : null;
        var fleetValues = fleetName is not null && File.Exists(Path.Combine(folder, fleetName)) ? Mapping(Path.Combine(folder, fleetName)) : null;
        var defaults = fleetValues is null ? chartValues : ManifestMeaning.Merge(chartValues, fleetValues);
        var overlays = new List<(string, YamlMapping)>();
        if (fleetValues is not null) overlays.Add((fleetName!, fleetValues));
        var pattern = appSet.Template.Source.EnvironmentFiles;
        var environments = new List<(string, string, YamlMapping)>();
        var literalFiles = new HashSet<string>(appSet.Template.Source.ValueFiles.Where(f => !f.HasParams).Select(f => f.Original), StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder).OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name == "values.yaml" || fleetValues is not null && name == fleetName || !(name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal)) || !name.StartsWith("values", StringComparison.Ordinal)) continue;
            var environment = pattern is not null && name.Length > pattern.Prefix.Length + pattern.Suffix.Length && name.StartsWith(pattern.Prefix, StringComparison.Ordinal) && name.EndsWith(pattern.Suffix, StringComparison.Ordinal)
                ? name.Substring(pattern.Prefix.Length, name.Length - pattern.Prefix.Length - pattern.Suffix.Length)
                : null;
            if (environment is null || !KubernetesNames.IsValidFileSegment(environment))
            {
                omissions.Add(new ImportOmission(file, string.Empty, literalFiles.Contains(name)
                    ? "a value file every cluster reads; the DSL writes only values.yaml and the per-environment files, so this one stays in YAML beside them"
                    : "not values.yaml and not a per-environment file of ApplicationSet " + appSet.Name + (pattern is null ? " (its valueFiles name no per-cluster file)" : " (" + pattern.Prefix + "<env>" + pattern.Suffix + ")") + "; not imported"));
                continue;
            }

            var overlay = Mapping(file);
            overlays.Add((name, overlay));
            environments.Add((environment, file, ManifestMeaning.Merge(defaults, overlay)));
        }

        var values = new ImportedValues(folder, defaults, environments);
        if (!isChart) return values;
        var chart = ReadChart(appSet, folder, chartValues, fleetName is null || fleetValues is null ? null : (fleetName, fleetValues), overlays, out var problem);
        return chart is null ? values with { NotChartTyped = problem } : values with { Chart = chart };
    }

    // The chart in the values folder, as the generator will read it in the imported project; null with the reason when
    // the record cannot be typed from it (the values files then type it, as without a chart).
    private static ImportedChart? ReadChart(ImportedAppSet appSet, string folder, YamlMapping values, (string, YamlMapping)? fleetFile, List<(string, YamlMapping)> overlays, out string? problem)
    {
        problem = null;
        var chartPath = ValuesFiles.ChartFolder(appSet.Template.Source.Path.Original);
        if (chartPath.Length == 0 || chartPath.Split('/').Contains(".."))
        {
            problem = "the chart's source path '" + appSet.Template.Source.Path.Original + "' is not a folder inside the project, where [ChartValues] reads a chart";
            return null;
        }

        var files = new List<(string Name, string Text)>();
        foreach (var name in new[] { "Chart.yaml", "values.yaml", "values.schema.json" })
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path)) continue;
            if (new FileInfo(path).Length > YamlReaderLimits.MaxTextLength) throw new UserInputException("--values: '" + path + "' is larger than the " + YamlReaderLimits.MaxTextLength + " characters HubDsl reads from one file");
            try
            {
                files.Add((name, File.ReadAllText(path)));
            }
            catch (IOException e)
            {
                throw new UserInputException("--values: cannot read '" + path + "': " + e.Message);
            }
        }

        HelmChart chart;
        try
        {
            chart = ChartReader.Read(files.Select(f => new ChartFile(f.Name, f.Text)));
        }
        catch (Exception e) when (e is YamlReaderException or FormatException or InvalidOperationException or ArgumentException)
        {
            problem = "the chart cannot be read (" + e.Message + ")";
            return null;
        }

        // As the generator decides (ChartRecordGenerator.Generate): only unreadable values or schema leave the record untyped.
        if (chart.ValuesUnreadable)
        {
            problem = "the chart cannot be read (" + (chart.Problems.Count > 0 ? string.Join("; ", chart.Problems.Select(p => p.ToString())) : "its values.yaml is not a YAML mapping") + ")";
            return null;
        }

        if (chart.SchemaText is not null && HubDsl.Core.Charts.Schema.ChartSchemaValidator.SchemaProblem(chart) is { } schemaProblem)
        {
            problem = "the chart's values.schema.json cannot be read (" + schemaProblem + ")";
            return null;
        }

        return new ImportedChart(chartPath, chart, values, fleetFile, overlays, files);
    }

    // The fleet defaults file of a chart-typed record, as the build picks it (ValuesFiles.FleetDefaultsFile): the first
    // plain valueFiles entry other than values.yaml before the first per-cluster one; only a file in the chart folder.
    private static string? FleetDefaultsFile(ImportedSource source)
    {
        foreach (var file in source.ValueFiles)
        {
            if (file.HasParams || file.IsRaw) return null;
            var name = ValuesFiles.ChartFolder(file.Original);
            if (name.Length == 0 || name == "values.yaml") continue;
            return name.Contains('/') ? null : name;
        }

        return null;
    }

    private static YamlMapping Mapping(string file)
    {
        IReadOnlyList<YamlNode> documents;
        try
        {
            if (new FileInfo(file).Length > YamlReaderLimits.MaxTextLength) throw new UserInputException("--values: '" + file + "' is larger than the " + YamlReaderLimits.MaxTextLength + " characters HubDsl reads from one YAML file");
            documents = YamlReader.ParseAll(File.ReadAllText(file));
        }
        catch (YamlReaderException e)
        {
            throw new UserInputException("--values: '" + file + "' is not valid YAML (line " + e.Line + ", column " + e.Column + "): " + e.Reason);
        }
        catch (IOException e)
        {
            throw new UserInputException("--values: cannot read '" + file + "': " + e.Message);
        }

        if (documents.Count == 0 || documents[0] is YamlScalar { Kind: ScalarKind.Null }) return new YamlMapping();
        return documents[0] as YamlMapping ?? throw new UserInputException("--values: '" + file + "' is not a YAML mapping of values");
    }
}
