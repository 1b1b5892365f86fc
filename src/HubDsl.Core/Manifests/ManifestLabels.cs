namespace HubDsl.Core.Manifests;

/// <summary>Labels HubDsl puts on the hub objects it generates (so <c>hubdsl apply --prune</c> deletes only its own).</summary>
public static class ManifestLabels
{
    /// <summary>The standard managed-by label key.</summary>
    public const string ManagedByKey = "app.kubernetes.io/managed-by";

    /// <summary>HubDsl's value for it.</summary>
    public const string ManagedByValue = "hubdsl";

    /// <summary>Argo CD's label that makes a Secret a cluster.</summary>
    public const string SecretTypeKey = "argocd.argoproj.io/secret-type";
}
