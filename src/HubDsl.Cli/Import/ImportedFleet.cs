using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Import;

/// <summary>
/// An existing Argo CD fleet read into HubDsl's terms: the clusters (Core's <see cref="ClusterModel"/>, without
/// credentials), the ApplicationSets the DSL can express, the Helm values per chart, and everything left out.
/// </summary>
internal sealed record ImportedFleet(
    string Namespace,
    IReadOnlyList<ImportedCluster> Clusters,
    IReadOnlyList<ImportedAppSet> AppSets,
    IReadOnlyList<ImportOmission> Omissions);

/// <summary>A cluster Secret as a declared cluster, and where it came from.</summary>
internal sealed record ImportedCluster(string SourceFile, string SecretName, ClusterModel Cluster);

/// <summary>An ApplicationSet in the DSL's shape: one Cluster generator and an ApplicationTemplate.</summary>
internal sealed record ImportedAppSet(
    string SourceFile,
    string Name,
    string Namespace,
    bool GoTemplate,
    string? MissingKey,
    bool PreserveResourcesOnDeletion,
    LabelSelectorModel Selector,
    IReadOnlyList<(string Key, TemplateText Value)> GeneratorValues,
    ImportedTemplate Template)
{
    /// <summary>The chart's values, when a values folder belongs to this ApplicationSet.</summary>
    public ImportedValues? Values { get; init; }

    /// <summary><c>spec.strategy</c> as a <c>RollingSync</c>; null syncs all at once.</summary>
    public ImportedRollout? Rollout { get; init; }
}

/// <summary>A RollingSync strategy: its steps, in order.</summary>
internal sealed record ImportedRollout(IReadOnlyList<ImportedRolloutStep> Steps);

/// <summary>One RollingSync step: In/NotIn expressions over the Applications' labels, and maxUpdate (a count or a percentage).</summary>
internal sealed record ImportedRolloutStep(IReadOnlyList<LabelRequirementModel> MatchExpressions, string? MaxUpdate);

/// <summary><c>spec.template</c>.</summary>
internal sealed record ImportedTemplate(
    TemplateText Name,
    IReadOnlyList<(TemplateText Key, TemplateText Value)> Labels,
    IReadOnlyList<(TemplateText Key, TemplateText Value)> Annotations,
    IReadOnlyList<TemplateText> Finalizers,
    TemplateText? Project,
    TemplateText Server,
    TemplateText DestinationNamespace,
    ImportedSource Source,
    ImportedSyncPolicy? SyncPolicy);

/// <summary><c>spec.template.spec.source</c> as a <c>HelmSource</c>.</summary>
internal sealed record ImportedSource(
    TemplateText RepoUrl,
    TemplateText Path,
    TemplateText? TargetRevision,
    TemplateText? ReleaseName,
    IReadOnlyList<TemplateText> ValueFiles,
    YamlMapping? InlineValues,
    bool IgnoreMissingValueFiles)
{
    /// <summary>The per-environment value file (one parameter between literal text), when there is one.</summary>
    public EnvironmentFilePattern? EnvironmentFiles { get; init; }
}

/// <summary><c>spec.template.spec.syncPolicy</c>.</summary>
internal sealed record ImportedSyncPolicy(
    (bool Prune, bool SelfHeal, bool AllowEmpty)? Automated,
    IReadOnlyList<TemplateText> SyncOptions,
    ImportedRetry? Retry);

/// <summary><c>syncPolicy.retry</c>; null backoff fields are Argo CD's defaults.</summary>
internal sealed record ImportedRetry(long Limit, bool HasBackoff, string? Duration, long? Factor, string? MaxDuration);

/// <summary>
/// A chart's values: the defaults (<c>values.yaml</c>) and each environment's values as Helm sees them (the
/// environment's file merged over the defaults), with the files they came from.
/// </summary>
internal sealed record ImportedValues(
    string Folder,
    YamlMapping Defaults,
    IReadOnlyList<(string Environment, string File, YamlMapping Merged)> Environments)
{
    /// <summary>The chart, when the values folder is the chart itself (it holds a Chart.yaml); null for values files alone.</summary>
    public ImportedChart? Chart { get; init; }

    /// <summary>Why a values folder holding a Chart.yaml is still typed from its values files, when it is.</summary>
    public string? NotChartTyped { get; init; }
}

/// <summary>
/// A values folder that is the chart itself: its <c>values.yaml</c> is the chart's defaults (never written by HubDsl),
/// the fleet's defaults are the first plain value file listed before the per-environment one (<see cref="FleetFile"/>),
/// and the record is typed from the chart (<c>[ChartValues(ChartPath)]</c>).
/// </summary>
/// <param name="ChartPath">The chart folder relative to the imported project: the source path, as the build places the values files.</param>
/// <param name="Chart">The chart as Core reads it (Chart.yaml, values.yaml, values.schema.json).</param>
/// <param name="Values">The chart's values.yaml.</param>
/// <param name="FleetFile">The fleet defaults file's name and values, when the ApplicationSet lists one.</param>
/// <param name="Overlays">The files the fleet writes over the chart (the fleet defaults file, then each environment's), by name.</param>
/// <param name="Files">The chart files the generator reads, by name, with their text: the imported project holds them.</param>
internal sealed record ImportedChart(
    string ChartPath,
    HubDsl.Core.Charts.HelmChart Chart,
    YamlMapping Values,
    (string Name, YamlMapping Values)? FleetFile,
    IReadOnlyList<(string File, YamlMapping Values)> Overlays,
    IReadOnlyList<(string Name, string Text)> Files);
