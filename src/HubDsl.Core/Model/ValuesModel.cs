using HubDsl.Core.Yaml;

namespace HubDsl.Core.Model;

/// <summary>The Helm values of one <c>[Values]</c> member: null environment for the defaults.</summary>
public sealed record ValuesModel(string MemberName, string? Environment, YamlMapping Values)
{
    /// <summary>The external secrets these values reference (written as ExternalSecret manifests per environment).</summary>
    public EquatableArray<SecretReferenceModel> Secrets { get; init; } = EquatableArray<SecretReferenceModel>.Empty;

    /// <summary>
    /// For a <c>[ChartValues]</c> record: its defaults, which are the chart's own values.yaml as the record writes them.
    /// The fleet's defaults are then written as what differs from these, to a file of their own (<c>ValuesFiles</c>).
    /// Null for a hand-written record.
    /// </summary>
    public YamlMapping? ChartBase { get; init; }

    /// <summary>Where the member was declared (analyzers only).</summary>
    public SourceSpan? Origin { get; init; }
}
