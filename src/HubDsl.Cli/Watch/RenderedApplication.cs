using HubDsl.Core.Manifests;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Watch;

/// <summary>
/// The parts of a rendered Application the change report compares: name, cluster (named as the hub names it),
/// value files, destination and sync policy (as compact YAML), and the generated values files it reads
/// (Argo CD resolves valueFiles against the source's path), after the chart's own values.yaml, which Helm always
/// reads first.
/// </summary>
internal sealed record RenderedApplication(string Name, string Cluster, string? ValueFiles, string? Destination, string? SyncPolicy, IReadOnlyList<string> ValueFilePaths, string? ChartValuesPath)
{
    public static RenderedApplication From(YamlMapping app, IReadOnlyDictionary<string, string> clusterNames)
    {
        var spec = app["spec"] as YamlMapping;
        var destination = spec?["destination"] as YamlMapping;
        var server = destination?["server"]?.AsString();
        var cluster = destination?["name"]?.AsString() ?? (server is not null && clusterNames.TryGetValue(server.TrimEnd('/'), out var n) ? n : server ?? string.Empty);
        var source = spec?["source"] as YamlMapping;
        var files = ((source?["helm"] as YamlMapping)?["valueFiles"] as YamlSequence)?.Select(f => f.AsString() ?? string.Empty).ToList() ?? [];
        var folder = source?["path"]?.AsString() is { } path ? ValuesFiles.ChartFolder(path) : string.Empty;
        var paths = files.Select(f => ValuesFiles.ChartFolder((folder.Length == 0 ? string.Empty : folder + "/") + f)).ToList();
        return new RenderedApplication(
            (app["metadata"] as YamlMapping)?["name"]?.AsString() ?? string.Empty, cluster,
            files.Count == 0 ? null : string.Join(", ", files), FlatValues.Compact(destination), FlatValues.Compact(spec?["syncPolicy"]), paths,
            source?["path"] is null ? null : ValuesFiles.ChartFolder((folder.Length == 0 ? string.Empty : folder + "/") + "values.yaml"));
    }
}
