using HubDsl.Core.Rendering;

namespace HubDsl.Core.Manifests;

/// <summary>Labels HubDsl puts on the hub objects it generates (so <c>hubdsl apply --prune</c> deletes only its own).</summary>
public static class ManifestLabels
{
    /// <summary>The standard managed-by label key.</summary>
    public const string ManagedByKey = "app.kubernetes.io/managed-by";

    /// <summary>HubDsl's value for it.</summary>
    public const string ManagedByValue = "hubdsl";

    /// <summary>Argo CD's label that makes a Secret a cluster: <see cref="ClusterInfo.SecretTypeLabel"/>, under the name the writers of hub objects use.</summary>
    public const string SecretTypeKey = ClusterInfo.SecretTypeLabel;

    /// <summary>
    /// The prefix of the per-fleet ownership label <c>fleet.hubdsl.io/&lt;fleet id&gt;: "true"</c> (see
    /// <see cref="FleetIdentity"/>): one key per fleet, so one object (a cluster Secret two projects declare) can
    /// belong to several fleets.
    /// </summary>
    public const string FleetKeyPrefix = "fleet.hubdsl.io/";

    /// <summary>The value of the fleet label.</summary>
    public const string FleetValue = "true";
}
