using System.Collections.Generic;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Analysis;

/// <summary>
/// Checks a whole fleet (all clusters, all ApplicationSets) against what Argo CD, Kubernetes and Helm will do
/// with it. One implementation: the analyzers report its findings in the editor, and the CLI can run it too.
/// </summary>
public static partial class FleetValidator
{
    /// <summary>
    /// Every finding, in a stable order, without duplicates. <paramref name="hubNamespaces"/> are the namespaces of
    /// the project's <c>[Hub]</c> declarations (null when unknown, e.g. one failed to evaluate).
    /// </summary>
    /// <param name="fleets">The fleets.</param>
    /// <param name="applicationSets">The ApplicationSets.</param>
    /// <param name="hubNamespaces">The namespaces of the project's <c>[Hub]</c> declarations, or null when unknown.</param>
    /// <param name="everyClusterEvaluated">
    /// False when a cluster declaration could not be evaluated (HUB001) and is missing: the findings that rest on no
    /// cluster being there (a selector that matches nothing, values nobody reads, a RollingSync step that selects
    /// nothing) are left out, since the missing cluster may be the one, and the error already says what to fix.
    /// </param>
    /// <param name="fleetId">The project's fleet identity: the clusters are rendered with the fleet label the build puts on their Secrets.</param>
    /// <param name="hubs">The project's <c>[Hub]</c> declarations that evaluated: their controller shards are checked.</param>
    /// <param name="renders">Renders kept from earlier validations (used for ApplicationSets without source spans only).</param>
    /// <param name="declarations">
    /// Receives the <see cref="Finding.Declaration"/> of every finding, also of those dropped as duplicates of another
    /// (with spans, a duplicate may be a finding of its own): the declarations to bind with spans to place them all.
    /// </param>
    public static IReadOnlyList<Finding> Validate(IReadOnlyList<FleetModel> fleets, IReadOnlyList<ApplicationSetModel> applicationSets, IReadOnlyCollection<string>? hubNamespaces = null, bool everyClusterEvaluated = true, string? fleetId = null, IReadOnlyList<HubModel>? hubs = null, RenderMemo? renders = null, ISet<string>? declarations = null)
    {
        var findings = new FindingList { ReportAbsence = everyClusterEvaluated, Declarations = declarations };
        var clusters = new List<(FleetModel Fleet, ClusterModel Cluster)>();
        foreach (var fleet in fleets)
        {
            foreach (var cluster in fleet.Clusters) clusters.Add((fleet, cluster));
        }

        CheckClusters(findings, clusters);
        CheckOutputPaths(findings, fleets, applicationSets);
        foreach (var appSet in applicationSets)
        {
            findings.Owner = appSet.ClassName;
            CheckSelector(findings, appSet, clusters, fleetId);
            CheckSyncPolicy(findings, appSet);
            CheckTemplateText(findings, appSet);
            CheckRendering(findings, appSet, clusters, fleetId, renders);
            CheckProject(findings, appSet, clusters, fleetId);
            foreach (var values in appSet.Values) CheckValues(findings, appSet, values);
        }

        CheckFailovers(findings, applicationSets, clusters, fleetId);
        CheckLeastPrivilege(findings, fleets, applicationSets, hubNamespaces, fleetId);
        foreach (var hub in hubs ?? System.Array.Empty<HubModel>()) CheckShards(findings, hub, fleets, applicationSets, fleetId);

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

        /// <summary>Whether findings about something no cluster has are reported (every cluster was evaluated).</summary>
        public bool ReportAbsence { get; init; } = true;

        /// <summary>Collects the declaration of every finding added, duplicates included.</summary>
        public ISet<string>? Declarations { get; init; }

        /// <summary>
        /// The class of the declaration whose model the next findings take their places from; each check sets it before
        /// adding (a finding about an ApplicationSet placed at a cluster belongs to the cluster's fleet).
        /// </summary>
        public string? Owner { get; set; }

        /// <summary>A finding that holds only if no missing cluster would change it.</summary>
        public void AddAbsence(Finding finding)
        {
            if (ReportAbsence) Add(finding);
        }

        public void AddAbsence(string id, string message, SourceSpan? origin) => AddAbsence(new Finding(id, message, origin));

        public void Add(Finding finding)
        {
            finding = finding with { Declaration = Owner };
            if (Owner is not null) Declarations?.Add(Owner);
            var key = finding.Origin is null ? (finding.Id, finding.Message, null) : (finding.Id, (string?)null, finding.Origin);
            if (_seen.Add(key)) Items.Add(finding);
        }

        public void Add(string id, string message, SourceSpan? origin) => Add(new Finding(id, message, origin));
    }
}
