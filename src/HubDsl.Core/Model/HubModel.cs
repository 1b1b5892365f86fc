using HubDsl.Core.Yaml;

namespace HubDsl.Core.Model;

/// <summary>A <c>[Hub]</c> declaration: the argo-cd chart values it produces, and how its controller is sharded.</summary>
public sealed record HubModel(string ClassName, string MemberName, string Namespace, YamlMapping ChartValues)
{
    /// <summary>The default <see cref="ShardTolerancePercent"/>.</summary>
    public const int DefaultShardTolerancePercent = 5;

    /// <summary>Application controller replicas (<c>controller.replicas</c>): the number of shards.</summary>
    public int ControllerReplicas { get; init; } = 1;

    /// <summary>How far above the average a shard's load may go, in percent.</summary>
    public int ShardTolerancePercent { get; init; } = DefaultShardTolerancePercent;

    /// <summary>Where the HubInstall was declared (analyzers only).</summary>
    public SourceSpan? Origin { get; init; }

    /// <summary>Where ControllerReplicas was set (analyzers only).</summary>
    public SourceSpan? ControllerReplicasOrigin { get; init; }

    /// <summary>Where ShardTolerancePercent was set (analyzers only).</summary>
    public SourceSpan? ShardToleranceOrigin { get; init; }
}
