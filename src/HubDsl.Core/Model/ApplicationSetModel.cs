using HubDsl.Core.Yaml;

namespace HubDsl.Core.Model;

/// <summary>
/// An <c>[ApplicationSet]</c> class, bound: the ApplicationSet manifest as Argo CD reads it, the clusters it
/// targets (its selector), and its Helm values per environment.
/// </summary>
public sealed record ApplicationSetModel(
    string ClassName,
    string Name,
    string Namespace,
    TemplateMode Mode,
    LabelSelectorModel Selector,
    YamlMapping Manifest,
    string? ChartPath,
    EnvironmentFilePattern? EnvironmentFiles,
    EquatableArray<ValuesModel> Values)
{
    /// <summary>The API resources the chart deploys, for least-privilege spoke RBAC and the hub's resource inclusions.</summary>
    public EquatableArray<DeployedResourceModel> DeployedResources { get; init; } = EquatableArray<DeployedResourceModel>.Empty;

    /// <summary>Whether the template syncs with <c>CreateNamespace=true</c> (it then needs to create namespaces).</summary>
    public bool CreatesNamespace { get; init; }

    /// <summary>The ApplicationSet's own AppProject, when it declares one.</summary>
    public AppProjectModel? Project { get; init; }

    /// <summary>The inline <c>HelmSource.Values</c> as a tree with their keys' places (also in <see cref="Manifest"/> as text), or null.</summary>
    public YamlMapping? InlineValues { get; init; }

    /// <summary>The failover pairs declared among the ApplicationSet's members.</summary>
    public EquatableArray<FailoverModel> Failovers { get; init; } = EquatableArray<FailoverModel>.Empty;

    /// <summary>Where the cluster selector was declared (analyzers only).</summary>
    public SourceSpan? SelectorOrigin { get; init; }

    /// <summary>Where the ApplicationSet class was declared (analyzers only).</summary>
    public SourceSpan? Origin { get; init; }

    /// <summary>The template's destination namespace when it is a literal, else null (a templated one differs per cluster).</summary>
    public string? LiteralDestinationNamespace() =>
        YamlTree.Find(Manifest, "spec", "template", "spec", "destination", "namespace")?.AsString() is { } ns && !ns.Contains("{{") ? ns : null;
}
