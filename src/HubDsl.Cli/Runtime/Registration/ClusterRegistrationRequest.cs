using HubDsl.Core.Model;

namespace HubDsl.Cli.Runtime.Registration;

/// <summary>What <c>cluster add</c> registers.</summary>
public sealed record ClusterRegistrationRequest
{
    /// <summary>The spoke's kubeconfig context (server, CA, TLS settings; its credentials create the RBAC).</summary>
    public required KubeContext Spoke { get; init; }

    /// <summary>data.name (default: the context name).</summary>
    public string? Name { get; init; }

    /// <summary>--label.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>--annotation.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>--project.</summary>
    public string? Project { get; init; }

    /// <summary>--shard: the application controller shard.</summary>
    public int? Shard { get; init; }

    /// <summary>--cluster-resources (meaningful only with namespaces).</summary>
    public bool ClusterResources { get; init; }

    /// <summary>What to grant on the spoke; its namespaces become data.namespaces.</summary>
    public SpokeRbac Rbac { get; init; } = SpokeRbac.ArgoCdDefault();

    /// <summary>--upsert: overwrite a different existing cluster Secret.</summary>
    public bool Upsert { get; init; }

    /// <summary>How long to wait for the token controller.</summary>
    public TimeSpan TokenTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often to look at the token Secret.</summary>
    public TimeSpan TokenPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>--insecure-skip-tls-verify: talk to the spoke without verification and store insecure: true.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>The cluster the hub Secret registers, in Core's model (what Core's cluster Secret builder reads).</summary>
    public ClusterModel Cluster(string name, string server) =>
        new(name, name, server,
            Labels.Select(l => new StringPair(l.Key, l.Value)).ToEquatableArray(),
            Annotations.Select(a => new StringPair(a.Key, a.Value)).ToEquatableArray(),
            Project, Rbac.Namespaces.ToEquatableArray(), ClusterResources || Rbac.ClusterResources, InsecureSkipTlsVerify);
}
