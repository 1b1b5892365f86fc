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
    /// <summary>Where the cluster selector was declared (analyzers only).</summary>
    public SourceSpan? SelectorOrigin { get; init; }

    /// <summary>Where the ApplicationSet class was declared (analyzers only).</summary>
    public SourceSpan? Origin { get; init; }
}
