namespace HubDsl.Core.Model;

/// <summary>An <c>ExternalSecretRef</c> in Helm values: the Secret to create, from which store and path.</summary>
public sealed record SecretReferenceModel(string SecretName, string Store, string StoreKind, string RemoteKey, string RefreshInterval);
