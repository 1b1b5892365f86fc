using HubDsl.Core.Rendering;

namespace HubDsl.Core.Model;

/// <summary>
/// The per-environment entry of <c>valueFiles</c>, e.g. <c>values-{{metadata.labels.env}}.yaml</c>: literal
/// prefix and suffix around one parameter: the values file of environment E is Prefix + E + Suffix.
/// </summary>
public sealed record EnvironmentFilePattern(string Prefix, ParamKind Kind, string? Key, string Suffix)
{
    /// <summary>The file name for an environment.</summary>
    public string FileFor(string environment) => Prefix + environment + Suffix;

}
