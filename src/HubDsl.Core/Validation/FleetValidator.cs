using System.Collections.Generic;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Validation;

/// <summary>
/// Checks a whole fleet (all clusters, all ApplicationSets) against what Argo CD, Kubernetes and Helm will do
/// with it. One implementation: the analyzers report its findings in the editor, and the CLI can run it too.
/// </summary>
public static partial class FleetValidator
{
    /// <summary>Every finding, in a stable order, without duplicates.</summary>
    public static IReadOnlyList<Finding> Validate(IReadOnlyList<FleetModel> fleets, IReadOnlyList<ApplicationSetModel> applicationSets)
    {
        var findings = new FindingList();
        var clusters = new List<(FleetModel Fleet, ClusterModel Cluster)>();
        foreach (var fleet in fleets)
        {
            foreach (var cluster in fleet.Clusters) clusters.Add((fleet, cluster));
        }

        CheckClusters(findings, clusters);
        CheckOutputPaths(findings, fleets, applicationSets);
        foreach (var appSet in applicationSets)
        {
            CheckSelector(findings, appSet, clusters);
            CheckSyncPolicy(findings, appSet);
            CheckTemplateText(findings, appSet);
            CheckRendering(findings, appSet, clusters);
            CheckProject(findings, appSet, clusters);
            foreach (var values in appSet.Values) CheckValues(findings, appSet, values);
        }

        return findings.Items;
    }

    /// <summary>The declaration name used in messages: the class's short name, and the member when given.</summary>
    internal static string Declaration(string className, string? member = null)
    {
        var dot = className.LastIndexOf('.');
        var shortName = dot < 0 ? className : className.Substring(dot + 1);
        return member is null ? shortName : shortName + "." + member;
    }

    /// <summary>
    /// Findings without duplicates: derived values (<c>Prod = Defaults with {...}</c>) share nodes, so one
    /// mistake in a shared default is reported once, at the place it was written.
    /// </summary>
    private sealed class FindingList
    {
        private readonly HashSet<(string, string?, SourceSpan?)> _seen = new();

        public List<Finding> Items { get; } = new();

        public void Add(Finding finding)
        {
            var key = finding.Origin is null ? (finding.Id, finding.Message, null) : (finding.Id, (string?)null, finding.Origin);
            if (_seen.Add(key)) Items.Add(finding);
        }

        public void Add(string id, string message, SourceSpan? origin) => Add(new Finding(id, message, origin));
    }
}
