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
    /// Only what the ApplicationSets targeting the cluster deploy (<see cref="DeployedResources"/>), in their
    /// destination namespaces: a Role and RoleBinding per namespace that lets the hub write those resources and read
    /// them and what Argo CD shows beneath them (a Deployment's ReplicaSets and Pods, and Events); no Secret unless
    /// the fleet deploys Secrets. The cluster Secret puts Argo CD in namespaced mode for those namespaces, and the
    /// <c>[Hub]</c> values tell it (<c>resource.inclusions</c>) to watch only those kinds on the cluster.
    /// </summary>
    LeastPrivilege,
}
