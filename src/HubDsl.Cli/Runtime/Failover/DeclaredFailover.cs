using System.Text.Json;
using HubDsl.Core.Manifests;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Runtime.Failover;

/// <summary>
/// A failover pair as the project declares it, read from the build's <c>monitoring/failover-alerts.yaml</c>, whose
/// <c>failover.hubdsl.io/&lt;name&gt;</c> annotation describes each pair (<see cref="FailoverAlertsManifest"/>).
/// </summary>
public sealed record DeclaredFailover(string Name, string Primary, string Standby, string Host, string TrafficLabelKey, string TrafficLabelValue)
{
    /// <summary>The largest alerts file read (the generated one is a few kilobytes per failover).</summary>
    private const long MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>The failover <paramref name="name"/> of the project in <paramref name="projectFolder"/>; a user error naming the file and the fix otherwise.</summary>
    public static DeclaredFailover Load(string projectFolder, string name)
    {
        var path = Path.Combine(projectFolder, FleetManifests.FailoverAlertsFile);
        var info = new FileInfo(path);
        if (!info.Exists) throw new UserInputException(path + " does not exist: declare a Failover in the project and build it (dotnet build), or give the project folder with --project");
        if (info.Length > MaxFileBytes) throw new UserInputException(path + " is larger than " + MaxFileBytes / (1024 * 1024) + " MiB; it is not the file the build writes");
        YamlMapping? annotations;
        try
        {
            annotations = ((YamlReader.Parse(File.ReadAllText(path), path) as YamlMapping)?["metadata"] as YamlMapping)?["annotations"] as YamlMapping;
        }
        catch (YamlReaderException e)
        {
            throw new UserInputException(path + ": " + e.Message);
        }

        var declared = annotations?.Keys.Where(k => k.StartsWith(FailoverAlertsManifest.DescriptionKeyPrefix, StringComparison.Ordinal)).Select(k => k.Substring(FailoverAlertsManifest.DescriptionKeyPrefix.Length)).ToList() ?? new List<string>();
        var text = annotations?[FailoverAlertsManifest.DescriptionKeyPrefix + name]?.AsString();
        if (text is null)
        {
            throw new UserInputException("the project declares no failover '" + name + "' (" + path + " has " + (declared.Count == 0 ? "none" : string.Join(", ", declared)) + ")");
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            var label = root.GetProperty("trafficLabel").GetString() ?? string.Empty;
            var equals = label.IndexOf('=');
            return new DeclaredFailover(name, root.GetProperty("primary").GetString()!, root.GetProperty("standby").GetString()!, root.GetProperty("host").GetString() ?? string.Empty,
                equals < 0 ? label : label.Substring(0, equals), equals < 0 ? string.Empty : label.Substring(equals + 1));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new UserInputException(path + ": the description of failover '" + name + "' cannot be read (" + e.Message + "); rebuild the project");
        }
    }
}
