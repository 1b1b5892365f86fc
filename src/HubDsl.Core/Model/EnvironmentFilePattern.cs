namespace HubDsl.Core.Model;

/// <summary>
/// The per-environment entry of <c>valueFiles</c>, e.g. <c>values-{{metadata.labels.env}}.yaml</c>: literal
/// prefix and suffix around one parameter. It decides which file each targeted cluster reads.
/// </summary>
public sealed record EnvironmentFilePattern(string Prefix, ParamKind Kind, string? Key, string Suffix)
{
    /// <summary>The file name for an environment.</summary>
    public string FileFor(string environment) => Prefix + environment + Suffix;

    /// <summary>The environment a cluster resolves to, or null when the cluster lacks the parameter.</summary>
    public string? EnvironmentOf(ClusterModel cluster) => Kind switch
    {
        ParamKind.Name => cluster.Name,
        ParamKind.NameNormalized => null,
        ParamKind.Server => cluster.Server,
        ParamKind.Project => cluster.Project ?? string.Empty,
        ParamKind.Label => cluster.Label(Key!),
        _ => null,
    };
}
