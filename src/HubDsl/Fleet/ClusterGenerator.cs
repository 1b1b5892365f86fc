using System.Collections.Generic;

namespace HubDsl;

/// <summary>
/// The ApplicationSet's Cluster generator: which clusters get an Application, and extra
/// <c>values</c> the template can use as <see cref="Param.Value"/>. Declare either this or a plain
/// <see cref="ClusterSelector"/> member.
/// </summary>
public sealed class ClusterGenerator
{
    /// <param name="selector">Which clusters are targeted.</param>
    public ClusterGenerator(ClusterSelector selector) => Selector = selector;

    /// <summary>Which clusters are targeted.</summary>
    public ClusterSelector Selector { get; }

    /// <summary>
    /// Generator <c>values</c>. Each may use the cluster's own parameters (not other values); the
    /// template reads them with <see cref="Param.Value"/>.
    /// </summary>
    public Dictionary<string, string> Values { get; } = new Dictionary<string, string>();
}
