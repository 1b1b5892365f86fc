using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace HubDsl.KubeEmulator;

/// <summary>
/// Bearer tokens (static ones such as the admin token, and service-account tokens that are still backed by
/// their Secret and ServiceAccount) and client certificates signed by the cluster CA.
/// </summary>
public sealed class RequestAuthenticator(CertificateAuthority authority, ResourceOperations operations)
{
    private readonly ConcurrentDictionary<string, AuthenticatedUser> _staticTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Namespace, string SecretName, string ServiceAccount)> _serviceAccountTokens = new(StringComparer.Ordinal);

    public void AddStaticToken(string token, AuthenticatedUser user) => _staticTokens[token] = user;

    internal void RememberServiceAccountToken(string token, string ns, string secretName, string serviceAccount) =>
        _serviceAccountTokens[token] = (ns, secretName, serviceAccount);

    /// <summary>Null when the credentials are invalid; <see cref="AuthenticatedUser.Anonymous"/> when none were sent.</summary>
    public AuthenticatedUser? Authenticate(string? authorizationHeader, X509Certificate2? clientCertificate)
    {
        if (!string.IsNullOrEmpty(authorizationHeader))
        {
            const string scheme = "Bearer ";
            if (!authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return AuthenticateToken(authorizationHeader[scheme.Length..].Trim());
        }

        if (clientCertificate is not null)
        {
            if (!authority.Issued(clientCertificate))
            {
                return null;
            }

            var name = clientCertificate.GetNameInfo(X509NameType.SimpleName, false);
            var groups = clientCertificate.SubjectName.EnumerateRelativeDistinguishedNames()
                .Where(rdn => rdn.GetSingleElementType().Value == "2.5.4.10")
                .Select(rdn => rdn.GetSingleElementValue() ?? "")
                .Append("system:authenticated")
                .ToList();
            return new AuthenticatedUser(name, groups);
        }

        return AuthenticatedUser.Anonymous;
    }

    private AuthenticatedUser? AuthenticateToken(string token)
    {
        foreach (var (known, user) in _staticTokens)
        {
            if (FixedTimeEquals(known, token))
            {
                return user;
            }
        }

        if (!_serviceAccountTokens.TryGetValue(token, out var binding))
        {
            return null;
        }

        // Like the legacy token authenticator: the Secret must still hold this token and the ServiceAccount must exist.
        var secret = operations.TryGet(ResourceCatalog.Secrets, binding.Namespace, binding.SecretName);
        if (secret is null || SecretData.ReadString(secret, "token") != token
            || operations.TryGet(ResourceCatalog.ServiceAccounts, binding.Namespace, binding.ServiceAccount) is null)
        {
            return null;
        }

        return ServiceAccountUser(binding.Namespace, binding.ServiceAccount);
    }

    private static AuthenticatedUser ServiceAccountUser(string ns, string account) =>
        new($"system:serviceaccount:{ns}:{account}", ["system:serviceaccounts", $"system:serviceaccounts:{ns}", "system:authenticated"]);

    private static bool FixedTimeEquals(string left, string right) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right));
}
