using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Manifests;
using HubDsl.Core.Model;
using HubDsl.Core.Rendering;
using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Analysis;

// HUB028 to HUB031: a failover pair that cannot take over. The standby must run the same Applications (targeted by
// the same ApplicationSet), with the same capacity ("DR gets the same as prod"), somewhere else (another region).
public static partial class FleetValidator
{
    /// <summary>The values keys that decide capacity: a standby with less of them cannot carry the primary's traffic.</summary>
    internal static readonly string[] CapacityKeys = { "replicas", "replicaCount", "resources", "autoscaling" };

    private static void CheckFailovers(FindingList findings, IReadOnlyList<ApplicationSetModel> applicationSets, List<(FleetModel Fleet, ClusterModel Cluster)> clusters, string? fleetId)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var appSet in applicationSets)
        {
            var declared = clusters.Where(c => c.Fleet.Namespace == appSet.Namespace).Select(c => c.Cluster).ToList();
            findings.Owner = appSet.ClassName;
            foreach (var failover in appSet.Failovers)
            {
                var declaration = Declaration(appSet.ClassName, failover.MemberName);
                var problems = FailoverRules.Problems(failover, declared);
                foreach (var (message, origin) in problems) findings.Add(DiagnosticIds.InvalidFailover, declaration + ": " + message, origin ?? failover.Origin ?? appSet.Origin);
                if (failover.Name.Length > 0 && names.TryGetValue(failover.Name, out var other))
                {
                    findings.Add(DiagnosticIds.InvalidFailover, declaration + ": the failover name '" + failover.Name + "' is already used by " + other + "; both would write runbooks/" + failover.Name + ".md. Give each failover its own name.", failover.NameOrigin ?? failover.Origin);
                }
                else
                {
                    names[failover.Name] = declaration;
                }

                var primary = declared.FirstOrDefault(c => c.Name == failover.Primary);
                var standby = declared.FirstOrDefault(c => c.Name == failover.Standby);
                if (primary is null || standby is null || ReferenceEquals(primary, standby)) continue;
                CheckTargeted(findings, appSet, declaration, failover, primary, standby, fleetId);
                CheckSameCapacity(findings, appSet, declaration, failover, primary, standby);
                CheckRegions(findings, declaration, failover, primary, standby);
            }
        }
    }

    private static void CheckTargeted(FindingList findings, ApplicationSetModel appSet, string declaration, FailoverModel failover, ClusterModel primary, ClusterModel standby, string? fleetId)
    {
        var targeted = ClusterTargeting.For(appSet.Selector, fleetId);
        foreach (var (cluster, role, origin) in new[] { (primary, "primary", failover.PrimaryOrigin), (standby, "standby", failover.StandbyOrigin) })
        {
            if (targeted(cluster)) continue;
            findings.Add(DiagnosticIds.FailoverNotTargeted,
                declaration + ": the " + role + " cluster '" + cluster.Name + "' is not targeted by ApplicationSet '" + appSet.Name + "' (its selector " + SelectorText(appSet.Selector) + " does not match the cluster's labels), so it does not run the Applications it is to " + (role == "standby" ? "take over" : "serve") + ". Label the cluster so the selector matches it, or widen the selector.",
                origin ?? failover.Origin ?? appSet.Origin);
        }
    }

    private static void CheckSameCapacity(FindingList findings, ApplicationSetModel appSet, string declaration, FailoverModel failover, ClusterModel primary, ClusterModel standby)
    {
        var primaryValues = EffectiveValues(appSet, primary);
        var standbyValues = EffectiveValues(appSet, standby);
        if (primaryValues is null || standbyValues is null || ReferenceEquals(primaryValues, standbyValues)) return;
        var differing = new List<string>();
        CompareCapacity(primaryValues.Values, standbyValues.Values, string.Empty, differing);
        if (differing.Count == 0) return;
        findings.Add(DiagnosticIds.FailoverValuesDiffer,
            declaration + ": standby '" + standby.Name + "' gets " + Describe(standbyValues) + " and primary '" + primary.Name + "' gets " + Describe(primaryValues) + ", which differ in " + string.Join(", ", differing) + "; after a failover the standby cannot carry the primary's load. Derive the standby's values from the primary's (e.g. Dr = Prod with { ... }) and change only what is not capacity.",
            standbyValues.Environment is not null ? standbyValues.Origin ?? failover.StandbyOrigin : failover.StandbyOrigin ?? failover.Origin);
    }

    private static string SelectorText(LabelSelectorModel selector)
    {
        var parts = selector.MatchLabels.Select(l => l.Key + "=" + l.Value)
            .Concat(selector.MatchExpressions.Select(e => e.Key + " " + e.Operator + (e.Values.Count == 0 ? string.Empty : " (" + string.Join(", ", e.Values) + ")")));
        return "'" + string.Join(", ", parts) + "'";
    }

    private static string Describe(ValuesModel values) => values.Environment is null ? "the defaults (" + values.MemberName + ")" : "the values of '" + values.Environment + "' (" + values.MemberName + ")";

    // The values a cluster's Applications get: its environment's [Values(env)] (a complete record, which Helm merges
    // over the defaults), else the defaults.
    private static ValuesModel? EffectiveValues(ApplicationSetModel appSet, ClusterModel cluster)
    {
        var defaults = appSet.Values.FirstOrDefault(v => v.Environment is null);
        var environment = EnvironmentOf(appSet.EnvironmentFiles, cluster);
        return (environment is null ? null : appSet.Values.FirstOrDefault(v => v.Environment == environment)) ?? defaults;
    }

    private static string? EnvironmentOf(EnvironmentFilePattern? pattern, ClusterModel cluster)
    {
        if (pattern is null) return null;
        return pattern.Kind switch
        {
            ParamKind.Name or ParamKind.NameNormalized => cluster.Name,
            ParamKind.Label when pattern.Key is not null => cluster.Labels.FirstOrDefault(l => l.Key == pattern.Key)?.Value,
            _ => null,
        };
    }

    private static void CompareCapacity(YamlMapping primary, YamlMapping standby, string path, List<string> differing)
    {
        foreach (var key in primary.Keys.Concat(standby.Keys.Where(k => primary[k] is null)))
        {
            var full = path.Length == 0 ? key : path + "." + key;
            var a = primary[key];
            var b = standby[key];
            if (CapacityKeys.Contains(key, StringComparer.Ordinal))
            {
                if (Text(a) != Text(b)) differing.Add(full);
            }
            else if (a is YamlMapping nestedA && b is YamlMapping nestedB)
            {
                CompareCapacity(nestedA, nestedB, full, differing);
            }
        }
    }

    private static string Text(YamlNode? node) => node is null ? string.Empty : YamlWriter.Write(new YamlMapping().Set("v", node));

    private static void CheckRegions(FindingList findings, string declaration, FailoverModel failover, ClusterModel primary, ClusterModel standby)
    {
        var primaryRegion = primary.Labels.FirstOrDefault(l => l.Key == failover.RegionLabel)?.Value;
        var standbyRegion = standby.Labels.FirstOrDefault(l => l.Key == failover.RegionLabel)?.Value;
        if (primaryRegion is null || standbyRegion is null || primaryRegion != standbyRegion) return;
        findings.Add(DiagnosticIds.FailoverSameRegion,
            declaration + ": standby '" + standby.Name + "' is in region '" + standbyRegion + "' (label " + failover.RegionLabel + "), the primary's region; a regional outage takes both down. Put the standby in another region.",
            failover.StandbyOrigin ?? failover.Origin);
    }
}
