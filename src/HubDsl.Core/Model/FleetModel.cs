namespace HubDsl.Core.Model;

/// <summary>A <c>[Fleet]</c> class: the clusters it declares and the hub namespace their Secrets go to.</summary>
public sealed record FleetModel(string ClassName, string Namespace, EquatableArray<ClusterModel> Clusters);
