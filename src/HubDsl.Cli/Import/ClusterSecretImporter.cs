using HubDsl.Core.Manifests;
using HubDsl.Core.Model;
using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Import;

/// <summary>
/// Reads a cluster Secret into a declared cluster. The credentials (<c>config</c>) are removed before anything is
/// parsed, so they never reach the model, the C# or a message.
/// </summary>
internal static class ClusterSecretImporter
{
    // The data keys the DSL declares (Cluster's name, server, Project, Namespaces, ClusterResources), and config,
    // which stays on the hub.
    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal) { "name", "server", "project", "namespaces", "clusterResources", "config" };

    /// <summary>The cluster, or null (with an omission saying why) when the Secret cannot be one.</summary>
    public static ImportedCluster? Import(YamlMapping secret, string file, List<ImportOmission> omissions)
    {
        var withoutCredentials = WithoutConfig(secret);
        if (!ClusterSecretParser.TryParse(withoutCredentials, out var info, out var error))
        {
            omissions.Add(new ImportOmission(file, string.Empty, "not a readable cluster Secret: " + error));
            return null;
        }

        var where = file + (info.SecretName.Length == 0 ? string.Empty : " (Secret " + info.SecretName + ")");
        if (!info.IsClusterSecret)
        {
            omissions.Add(new ImportOmission(where, "metadata.labels", "not a cluster Secret (no label " + ManifestLabels.SecretTypeKey + ": cluster); a repository or other Secret is not part of the fleet"));
            return null;
        }

        if (info.Server.Length == 0)
        {
            omissions.Add(new ImportOmission(where, "data.server", "the cluster Secret has no server URL; Argo CD cannot use it"));
            return null;
        }

        foreach (var section in new[] { "data", "stringData" })
        {
            if (secret[section] is not YamlMapping data) continue;
            foreach (var key in data.Keys.Where(k => !KnownKeys.Contains(k)))
            {
                omissions.Add(new ImportOmission(where, section + "." + key, "the DSL's Cluster has no '" + key + "' (it declares name, server, project, namespaces and clusterResources); set it on the hub"));
            }
        }

        var name = info.Name.Length == 0 ? info.Server : info.Name;
        var labels = info.Labels
            .Where(l => l.Key != ManifestLabels.SecretTypeKey && l.Key != ManifestLabels.ManagedByKey && !l.Key.StartsWith(ManifestLabels.FleetKeyPrefix, StringComparison.Ordinal))
            .Select(l => new StringPair(l.Key, l.Value));
        var annotations = info.Annotations
            .Where(a => a.Key != "kubectl.kubernetes.io/last-applied-configuration")
            .Select(a => new StringPair(a.Key, a.Value));
        if (info.Annotations.ContainsKey("kubectl.kubernetes.io/last-applied-configuration"))
        {
            omissions.Add(new ImportOmission(where, "metadata.annotations.kubectl.kubernetes.io/last-applied-configuration", "kubectl's record of the last apply (it can hold the whole Secret, credentials included) is not imported"));
        }

        var expected = ClusterSecretNames.ForServer(info.Server);
        if (info.SecretName.Length > 0 && expected is not null && info.SecretName != expected)
        {
            omissions.Add(new ImportOmission(where, "metadata.name",
                "HubDsl names the Secret '" + expected + "', as argocd cluster add does; applying it would make a second Secret for " + info.Server + " beside '" + info.SecretName + "'. Re-register the cluster (hubdsl cluster add) or rename the Secret on the hub"));
        }

        var model = new ClusterModel(string.Empty, name, info.Server, labels.ToEquatableArray(), annotations.ToEquatableArray(), info.Project, info.Namespaces.ToEquatableArray(), info.ClusterResources, false);
        return new ImportedCluster(file, info.SecretName, model);
    }

    /// <summary>The Secret without <c>data.config</c> and <c>stringData.config</c>, the credentials.</summary>
    internal static YamlMapping WithoutConfig(YamlMapping secret)
    {
        var copy = new YamlMapping();
        foreach (var entry in secret)
        {
            if (entry.Key is "data" or "stringData" && entry.Value is YamlMapping data)
            {
                var kept = new YamlMapping();
                foreach (var item in data)
                {
                    if (item.Key != "config") kept.Set(item.Key, item.Value);
                }

                copy.Set(entry.Key, kept);
            }
            else
            {
                copy.Set(entry.Key, entry.Value);
            }
        }

        return copy;
    }
}
