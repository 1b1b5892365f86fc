namespace HubDsl.Core.Rendering;

/// <summary>What the offline renderer assumes about the hub it imitates.</summary>
public sealed class RenderOptions
{
    /// <summary>
    /// Whether the local "in-cluster" cluster is enabled on the hub (<c>cluster.inClusterEnabled</c> in
    /// <c>argocd-cm</c>, default true). Like Argo CD, the Cluster generator does not look at it (it still emits
    /// the in-cluster parameter set); an Application whose destination is the in-cluster address or name then
    /// fails validation with "cluster ... is disabled" (util/db/cluster.go GetCluster).
    /// </summary>
    public bool IncludeInCluster { get; set; } = true;

    /// <summary>
    /// The namespace assumed for an ApplicationSet or Secret whose manifest has no <c>metadata.namespace</c>
    /// (kubectl would use the context's namespace; Argo CD's is normally <c>argocd</c>).
    /// </summary>
    public string DefaultNamespace { get; set; } = "argocd";

    /// <summary>
    /// The AppProjects that exist on the hub, or null to skip the check. When set, an Application whose
    /// <c>spec.project</c> ("" means <c>default</c>) is not listed fails validation like in Argo CD
    /// ("application references project X which does not exist").
    /// </summary>
    public System.Collections.Generic.IReadOnlyCollection<string>? Projects { get; set; }
}
