using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Manifests;

/// <summary>
/// The hub side of least privilege: <c>resource.inclusions</c> entries (in <c>argocd-cm</c>) that limit what the
/// application controller watches on each <c>SpokeAccess.LeastPrivilege</c> cluster to the kinds its Roles let it
/// read.
/// <para>
/// Why inclusions and not <c>resource.respectRBAC</c> ("Auto respect RBAC for controller", declarative-setup.md):
/// inclusions are filtered at discovery, before any request (gitops-engine <c>pkg/utils/kube/ctl.go</c>
/// <c>filterAPIResources</c> calls <c>IsExcludedResource(group, kind, config.Host)</c>), so Argo CD never asks for
/// what it may not read; respectRBAC lists every discovered kind and drops those whose list is forbidden
/// (<c>pkg/cache/cluster.go</c> <c>sync</c>, <c>isRestrictedResource</c>), one refused call per kind and namespace on
/// each cache sync, plus a SelfSubjectAccessReview each in <c>strict</c> mode (<c>checkPermission</c>). An entry's
/// <c>clusters</c> scopes it to the least-privilege clusters (<c>util/settings/filtered_resource.go</c>
/// <c>MatchCluster</c>); respectRBAC is one switch for the whole hub (<c>SettingsManager.RespectRBAC</c>). And the
/// entries come from the same model as the Roles, so what Argo CD watches is what it may read, by construction.
/// </para>
/// <para>
/// Once a cluster matches any inclusion entry, every kind not included is excluded on it
/// (<c>util/settings/resources_filter.go</c> <c>IsExcludedResource</c>); clusters no entry names are unaffected.
/// </para>
/// </summary>
public static class ResourceInclusions
{
    /// <summary>The <c>argocd-cm</c> key.</summary>
    public const string Key = "resource.inclusions";

    /// <summary>
    /// The entries for the least-privilege clusters of the fleets (with the ApplicationSets that target them), or
    /// null when there are none: one entry per API group and set of kinds, listing every cluster that watches
    /// exactly those kinds of that group.
    /// </summary>
    public static YamlSequence? Build(IEnumerable<FleetModel> fleets, IReadOnlyList<ApplicationSetModel> applicationSets, string? fleetId = null)
    {
        // (group, kinds) -> clusters
        var entries = new Dictionary<string, (string Group, List<string> Kinds, SortedSet<string> Clusters)>(StringComparer.Ordinal);
        foreach (var fleet in fleets)
        {
            foreach (var cluster in fleet.Clusters.Where(c => c.IsLeastPrivilege))
            {
                var access = LeastPrivilegeAccess.For(cluster, fleet.Namespace, applicationSets, fleetId);
                foreach (var group in access.WatchedKinds.GroupBy(k => k.Group))
                {
                    var kinds = group.Select(k => k.Kind).ToList();
                    var key = group.Key + "\n" + string.Join(",", kinds);
                    if (!entries.TryGetValue(key, out var entry)) entries[key] = entry = (group.Key, kinds, new SortedSet<string>(StringComparer.Ordinal));
                    entry.Clusters.Add(ClusterPattern(cluster.Server));
                }
            }
        }

        if (entries.Count == 0) return null;
        var result = new YamlSequence();
        foreach (var entry in entries.Values.OrderBy(e => e.Group, StringComparer.Ordinal).ThenBy(e => string.Join(",", e.Kinds), StringComparer.Ordinal))
        {
            result.Add(new YamlMapping()
                .Set("apiGroups", new YamlSequence().Add(YamlScalar.String(GlobQuote(entry.Group))))
                .Set("kinds", new YamlSequence(entry.Kinds.Select(k => (YamlNode)YamlScalar.String(k))))
                .Set("clusters", new YamlSequence(entry.Clusters.Select(c => (YamlNode)YamlScalar.String(c)))));
        }

        return result;
    }

    /// <summary>
    /// The pattern that matches exactly this cluster: the server as Argo CD holds it (without a trailing '/', as
    /// <c>util/db/cluster.go</c> <c>SecretToCluster</c> reads it), glob characters escaped, since entries are globs
    /// and an invalid one drops the whole rule (an IPv6 address's '[' would).
    /// </summary>
    public static string ClusterPattern(string server) => GlobQuote(server.TrimEnd('/'));

    // gobwas/glob's special characters (glob.QuoteMeta): * ? [ ] { } and the escape itself.
    private static string GlobQuote(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '*' or '?' or '[' or ']' or '{' or '}' or '\\') sb.Append('\\');
            sb.Append(c);
        }

        return sb.ToString();
    }
}
