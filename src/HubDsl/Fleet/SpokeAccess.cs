namespace HubDsl;

/// <summary>What the hub's <c>argocd-manager</c> ServiceAccount may do on a spoke.</summary>
public enum SpokeAccess
{
    /// <summary>
    /// What <c>argocd cluster add</c> creates: a ClusterRole with every verb on every resource and non-resource
    /// URL. The default, for parity.
    /// </summary>
    ClusterAdmin,

    /// <summary>A Role and RoleBinding in each of the cluster's <see cref="Cluster.Namespaces"/> only (no cluster-scoped rights).</summary>
    Namespaced,

    /// <summary>
    /// Read-only access everywhere (Argo CD's cache needs it) and write access only to the API resources the
    /// ApplicationSets targeting the cluster declare they deploy (<see cref="DeployedResources"/>).
    /// </summary>
    LeastPrivilege,
}
