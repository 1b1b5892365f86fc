using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Import;

/// <summary>Reads ApplicationSets, cluster Secrets and values folders into an <see cref="ImportedFleet"/>.</summary>
internal static class FleetImporter
{
    /// <summary>
    /// Imports what the DSL can express and lists the rest. Each input object comes with the file (or hub Secret) it
    /// came from, for the report.
    /// </summary>
    public static ImportedFleet Import(IReadOnlyList<(string File, YamlMapping Object)> appSets, IReadOnlyList<(string File, YamlMapping Object)> secrets, IReadOnlyList<string> valuesFolders)
    {
        var omissions = new List<ImportOmission>();
        var clusters = new List<ImportedCluster>();
        foreach (var (file, secret) in secrets)
        {
            if (ClusterSecretImporter.Import(secret, file, omissions) is not { } cluster) continue;
            if (clusters.FirstOrDefault(c => c.Cluster.Name == cluster.Cluster.Name) is { } twin)
            {
                omissions.Add(new ImportOmission(file, "data.name", "a second cluster named '" + cluster.Cluster.Name + "' (the first is in " + twin.SourceFile + "); Argo CD's names must be unique, so only the first is imported"));
                continue;
            }

            clusters.Add(cluster);
        }

        var imported = new List<ImportedAppSet>();
        foreach (var (file, appSet) in appSets)
        {
            if (ApplicationSetImporter.Import(appSet, file, omissions) is not { } result) continue;
            if (imported.Any(a => a.Name == result.Name))
            {
                omissions.Add(new ImportOmission(file, "metadata.name", "a second ApplicationSet named '" + result.Name + "'; only the first is imported"));
                continue;
            }

            imported.Add(result);
        }

        var withValues = ValuesImporter.Attach(imported, valuesFolders, omissions);
        var hubNamespace = secrets.Select(s => (s.Object["metadata"] as YamlMapping)?["namespace"]?.AsString()).FirstOrDefault(n => n is not null) ?? "argocd";
        return new ImportedFleet(hubNamespace, clusters, withValues, omissions);
    }
}
