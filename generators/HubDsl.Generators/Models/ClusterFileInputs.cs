using System.Collections.Immutable;
using HubDsl.Core.Model;

namespace HubDsl.Generators.Models;

/// <summary>
/// What one cluster's Secret and spoke files are built from: the cluster, its controller shard, and the ApplicationSets
/// only when the cluster is least-privilege (its grants come from them; the other access modes never read them). An
/// edit to an ApplicationSet's values then leaves every other cluster's input equal, so a large fleet's per-cluster
/// files are not built again on each keystroke.
/// </summary>
internal sealed record ClusterFileInputs(FleetCluster Cluster, int? Shard, EquatableArray<ApplicationSetModel> ApplicationSets)
{
    public static ClusterFileInputs For(FleetCluster cluster, int? shard, ImmutableArray<ApplicationSetModel> applicationSets) =>
        new(cluster, shard, cluster.Cluster.IsLeastPrivilege ? applicationSets.ToEquatableArray() : EquatableArray<ApplicationSetModel>.Empty);
}
