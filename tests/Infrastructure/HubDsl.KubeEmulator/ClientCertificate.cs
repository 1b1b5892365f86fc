namespace HubDsl.KubeEmulator;

/// <summary>A client certificate issued by the cluster CA, in the PEM forms kubeconfig embeds.</summary>
public sealed record ClientCertificate(string CommonName, string CertificatePem, string PrivateKeyPem);
