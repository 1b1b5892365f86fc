using HubDsl.Core.Model;

namespace HubDsl.Generators.Models;

/// <summary>One cluster with the fleet it belongs to: the unit the per-cluster pipeline steps cache on.</summary>
internal sealed record FleetCluster(string FleetClass, string Namespace, ClusterModel Cluster);
