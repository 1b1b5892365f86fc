using HubDsl.Core.Yaml;

namespace HubDsl.Core.Model;

/// <summary>A declared spoke cluster, as Argo CD will see its Secret.</summary>
public sealed record ClusterModel(
    string MemberName,
    string Name,
    string Server,
    EquatableArray<StringPair> Labels,
    EquatableArray<StringPair> Annotations,
    string? Project,
    EquatableArray<string> Namespaces,
    bool ClusterResources,
    bool InsecureSkipTlsVerify)
{
    /// <summary>What the hub's ServiceAccount may do on the spoke: ClusterAdmin, Namespaced or LeastPrivilege.</summary>
    public string Access { get; init; } = "ClusterAdmin";

    /// <summary>Whether the access is LeastPrivilege: then its Secret and spoke RBAC depend on the ApplicationSets that target it.</summary>
    public bool IsLeastPrivilege => Access == "LeastPrivilege";

    /// <summary>The spoke namespace of the argocd-manager ServiceAccount.</summary>
    public string SystemNamespace { get; init; } = "kube-system";

    /// <summary>The declared shard weight, or null for the default (the Applications it gets).</summary>
    public int? ShardWeight { get; init; }

    /// <summary>Where the cluster was declared (analyzers only).</summary>
    public SourceSpan? Origin { get; init; }

    /// <summary>Where the server URL was written (analyzers only).</summary>
    public SourceSpan? ServerOrigin { get; init; }

    /// <summary>Where the name was written (analyzers only).</summary>
    public SourceSpan? NameOrigin { get; init; }

    /// <summary>Where the access mode was set (analyzers only).</summary>
    public SourceSpan? AccessOrigin { get; init; }

    /// <summary>Where TLS verification was turned off (analyzers only).</summary>
    public SourceSpan? InsecureOrigin { get; init; }
}
