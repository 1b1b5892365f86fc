using System.Reflection;
using System.Text;

namespace HubDsl.Cli.Import;

/// <summary>
/// The files of an imported fleet project: the csproj, the <c>[Fleet]</c> class, one class per ApplicationSet and
/// one values file per chart. Names come from the YAML names in input order, so the same input gives the same bytes.
/// </summary>
internal sealed class ImportProject
{
    private ImportProject(string projectName, IReadOnlyDictionary<string, string> files, IReadOnlyList<ImportOmission> placeholders)
    {
        ProjectName = projectName;
        Files = files;
        Placeholders = placeholders;
    }

    /// <summary>The project's name (its csproj is <c>&lt;name&gt;.csproj</c>).</summary>
    public string ProjectName { get; }

    /// <summary>Each file's path relative to the project folder, and its text.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>Credentials in values files that became <c>ExternalSecretRef</c> placeholders.</summary>
    public IReadOnlyList<ImportOmission> Placeholders { get; }

    /// <summary>How the project references HubDsl: a package version, or a clone's <c>HubDsl.Local.props</c>.</summary>
    public sealed record HubDslReference(string? PackageVersion, string? LocalProps);

    /// <summary>Emits the project for <paramref name="fleet"/>.</summary>
    public static ImportProject Emit(ImportedFleet fleet, string projectName, string @namespace, HubDslReference reference)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var types = new Identifiers("Clusters");
        var placeholders = new List<ImportOmission>();

        var fleetMembers = new Identifiers("Clusters");
        var clusters = fleet.Clusters.Select(c => (c, fleetMembers.Member(c.Cluster.Name))).ToList();
        if (clusters.Count > 0) files["Clusters.cs"] = FleetEmitter.Emit(@namespace, "Clusters", fleet.Namespace, clusters);

        foreach (var appSet in fleet.AppSets)
        {
            var className = types.Type(appSet.Name);
            ValuesRecordEmitter? values = null;
            if (appSet.Values is { } imported)
            {
                values = ValuesRecordEmitter.Create(imported, appSet.Name, className, types);
            }

            files[className + ".cs"] = ApplicationSetEmitter.Emit(@namespace, className, appSet, values);
            if (values is not null)
            {
                files[values.RootName + ".cs"] = "using System.Collections.Generic;\nusing HubDsl;\n\nnamespace " + @namespace + ";\n\n" + values.Records();
                foreach (var (file, path) in values.Placeholders.Distinct())
                {
                    placeholders.Add(new ImportOmission(Path.Combine(appSet.Values!.Folder, file), path,
                        "a credential (HUB013) is not imported as text: " + values.RootName + " holds an ExternalSecretRef placeholder; store the secret, set Store and RemoteKey, and make the chart read the Secret it names"));
                }
            }
        }

        files[projectName + ".csproj"] = ProjectFile(reference);
        return new ImportProject(projectName, files, placeholders);
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
