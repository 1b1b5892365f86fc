using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HubDsl.Cli.Runtime;

/// <summary>
/// Checks of the PEM a kubeconfig or cluster Secret carries, so a bad CA or client certificate is named where it
/// is written rather than failing a TLS handshake later. Problems never quote the content (it may be a key).
/// </summary>
public static class Pem
{
    /// <summary>Why <paramref name="text"/> is not one or more PEM certificates, or null.</summary>
    public static string? CertificateProblem(string text)
    {
        if (!text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)) return "holds no PEM certificate (-----BEGIN CERTIFICATE-----)";
        try
        {
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPem(text);
            return certificates.Count == 0 ? "holds no PEM certificate (-----BEGIN CERTIFICATE-----)" : null;
        }
        catch (CryptographicException)
        {
            return "holds a PEM certificate that cannot be read (damaged or not X.509)";
        }
    }

    /// <summary>Why <paramref name="text"/> is not a PEM private key, or null.</summary>
    public static string? PrivateKeyProblem(string text) =>
        PemEncoding.TryFind(text, out var fields) && text[fields.Label].EndsWith("PRIVATE KEY", StringComparison.Ordinal)
            ? null
            : "holds no PEM private key (-----BEGIN ... PRIVATE KEY-----)";

    /// <summary>Why the certificate and key cannot be used together for TLS client authentication, or null.</summary>
    public static string? PairProblem(string certificatePem, string keyPem)
    {
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(certificatePem, keyPem);
            return null;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return "do not form a pair (the key does not match the certificate, or is damaged)";
        }
    }
}
