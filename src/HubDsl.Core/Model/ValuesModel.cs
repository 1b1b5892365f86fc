using HubDsl.Core.Yaml;

namespace HubDsl.Core.Model;

/// <summary>The Helm values of one <c>[Values]</c> member: null environment for the defaults.</summary>
public sealed record ValuesModel(string MemberName, string? Environment, YamlMapping Values)
{
    /// <summary>The external secrets these values reference (written as ExternalSecret manifests per environment).</summary>
    public EquatableArray<SecretReferenceModel> Secrets { get; init; } = EquatableArray<SecretReferenceModel>.Empty;

    /// <summary>Where the member was declared (analyzers only).</summary>
    public SourceSpan? Origin { get; init; }
}
