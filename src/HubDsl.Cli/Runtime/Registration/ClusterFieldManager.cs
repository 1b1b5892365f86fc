namespace HubDsl.Cli.Runtime.Registration;

/// <summary>
/// The field manager of what <c>cluster add|set</c> writes: the hub's cluster Secret and the spoke's RBAC. Distinct
/// from apply's fleet managers (<see cref="FleetOwnership.FieldManagerPrefix"/>), which never declare a cluster
/// Secret's <c>config</c>, so never own or remove the credentials.
/// </summary>
public static class ClusterFieldManager
{
    /// <summary>The manager's name.</summary>
    public const string Name = "hubdsl-cluster";
}
