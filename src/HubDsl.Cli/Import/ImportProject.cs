using System.Reflection;
using System.Text;

namespace HubDsl.Cli.Import;

/// <summary>
/// The files of an imported fleet project: the csproj, the <c>[Fleet]</c> class, one class per ApplicationSet and
/// one values file per chart. Names come from the YAML names in input order, so the same input gives the same bytes.
/// </summary>
internal sealed class ImportProject
{
    private ImportProject(string projectName, IReadOnlyDictionary<string, string> files, IReadOnlyDictionary<string, string> chartFiles, IReadOnlyList<ImportOmission> placeholders, IReadOnlyList<string> chartTyped, IReadOnlyList<string> valuesTyped)
    {
        ProjectName = projectName;
        Files = files;
        ChartFiles = chartFiles;
        Placeholders = placeholders;
        ChartTyped = chartTyped;
        ValuesTyped = valuesTyped;
    }

    /// <summary>The project's name (its csproj is <c>&lt;name&gt;.csproj</c>).</summary>
    public string ProjectName { get; }

    /// <summary>Each file's path relative to the project folder, and its text: what the import writes.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>
    /// The chart files the generator types <c>[ChartValues]</c> records from, relative to the project: the build needs
    /// them there. They are among <see cref="Files"/> unless the project is written where the chart already is.
    /// </summary>
    public IReadOnlyDictionary<string, string> ChartFiles { get; }

    /// <summary>Credentials in values files that became <c>ExternalSecretRef</c> placeholders.</summary>
    public IReadOnlyList<ImportOmission> Placeholders { get; }

    /// <summary>The values records typed from their chart (<c>[ChartValues]</c>), each as "record (chart folder)".</summary>
    public IReadOnlyList<string> ChartTyped { get; }

    /// <summary>The values records typed from the values files, each as "record (values folder)" and, for a chart folder, why.</summary>
    public IReadOnlyList<string> ValuesTyped { get; }

    /// <summary>How the project references HubDsl: a package version, or a clone's <c>HubDsl.Local.props</c>.</summary>
    public sealed record HubDslReference(string? PackageVersion, string? LocalProps);

    /// <summary>Emits the project for <paramref name="fleet"/>, to be written to <paramref name="outputFolder"/> (null: somewhere new).</summary>
    public static ImportProject Emit(ImportedFleet fleet, string projectName, string @namespace, HubDslReference reference, string? outputFolder = null)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var chartFiles = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var types = new Identifiers("Clusters");
        var placeholders = new List<ImportOmission>();
        var chartTyped = new List<string>();
        var valuesTyped = new List<string>();

        var fleetMembers = new Identifiers("Clusters");
        var clusters = fleet.Clusters.Select(c => (c, fleetMembers.Member(c.Cluster.Name))).ToList();
        if (clusters.Count > 0) files["Clusters.cs"] = FleetEmitter.Emit(@namespace, "Clusters", fleet.Namespace, clusters);

        foreach (var appSet in fleet.AppSets)
        {
            var className = types.Type(appSet.Name);
            ValuesRecordEmitter? values = null;
            ChartValuesRecordEmitter? chartValues = null;
            string rootName = string.Empty;
            string recordText = string.Empty;
            List<(string File, string Path)> credentials = new();
            if (appSet.Values is { } imported)
            {
                rootName = types.Type(className, "Values");
                string? notChartTyped = imported.NotChartTyped;
                if (imported.Chart is { } chart)
                {
                    chartValues = ChartValuesRecordEmitter.Create(imported, chart, appSet.Name, rootName, out notChartTyped);
                }

                if (chartValues is not null)
                {
                    var typedChart = imported.Chart!;
                    chartTyped.Add(rootName + " (" + typedChart.ChartPath + ")");
                    // The generator reads the chart in the project's folder at the source path. Written there, unless that
                    // folder is the chart itself (the project is written where the chart is): the user's chart is never rewritten.
                    var inPlace = outputFolder is not null && string.Equals(Path.GetFullPath(Path.Combine(outputFolder, typedChart.ChartPath)).TrimEnd(Path.DirectorySeparatorChar),
                        Path.GetFullPath(imported.Folder).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
                    foreach (var (name, text) in typedChart.Files)
                    {
                        chartFiles[typedChart.ChartPath + "/" + name] = text;
                        if (!inPlace) files[typedChart.ChartPath + "/" + name] = text;
                    }
                }
                else
                {
                    values = ValuesRecordEmitter.Create(imported, appSet.Name, className, rootName, types);
                    valuesTyped.Add(rootName + " (" + imported.Folder + ")" + (notChartTyped is null ? string.Empty : ", not from its chart: " + notChartTyped));
                }
            }

            files[className + ".cs"] = ApplicationSetEmitter.Emit(@namespace, className, appSet, values, chartValues);
            if (values is not null)
            {
                recordText = values.Records();
                credentials = values.Placeholders;
            }
            else if (chartValues is not null)
            {
                recordText = chartValues.Records();
                credentials = chartValues.Placeholders;
            }

            if (appSet.Values is not null)
            {
                files[rootName + ".cs"] = "using System.Collections.Generic;\nusing HubDsl;\n\nnamespace " + @namespace + ";\n\n" + recordText;
                foreach (var (file, path) in credentials.Distinct())
                {
                    placeholders.Add(new ImportOmission(Path.Combine(appSet.Values!.Folder, file), path,
                        "a credential (HUB013) is not imported as text: " + rootName + " holds an ExternalSecretRef placeholder; store the secret, set Store and RemoteKey, and make the chart read the Secret it names"));
                }
            }
        }

        files[projectName + ".csproj"] = ProjectFile(reference);
        return new ImportProject(projectName, files, chartFiles, placeholders, chartTyped, valuesTyped);
    }

    private static string ProjectFile(HubDslReference reference)
    {
        var sb = new StringBuilder();
        sb.Append("<Project Sdk=\"Microsoft.NET.Sdk\">\n");
        sb.Append("  <!-- Imported by hubdsl import. `dotnet build` writes the fleet's manifests next to this file. -->\n");
        sb.Append("  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <OutputType>Library</OutputType>\n    <Nullable>enable</Nullable>\n  </PropertyGroup>\n");
        if (reference.LocalProps is { } props)
        {
            sb.Append("  <Import Project=\"").Append(System.Security.SecurityElement.Escape(props)).Append("\" />\n");
        }
        else
        {
            sb.Append("  <ItemGroup>\n    <PackageReference Include=\"HubDsl\" Version=\"").Append(System.Security.SecurityElement.Escape(reference.PackageVersion ?? ToolVersion())).Append("\" />\n  </ItemGroup>\n");
        }

        return sb.Append("</Project>\n").ToString();
    }

    /// <summary>This tool's version, which the HubDsl package it matches has too.</summary>
    public static string ToolVersion()
    {
        var version = typeof(ImportProject).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.1.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }
}
