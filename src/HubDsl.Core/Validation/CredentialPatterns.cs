using System.Text.RegularExpressions;

namespace HubDsl.Core.Validation;

/// <summary>
/// Recognises credentials written as text (HUB013): tokens and keys by their shape, and non-empty values of
/// members whose names say they hold a secret. Secrets must be references, never text in Git.
/// </summary>
public static class CredentialPatterns
{
    private static readonly (string Kind, Regex Pattern)[] Shapes =
    {
        ("a JWT bearer token", new Regex(@"eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*", RegexOptions.CultureInvariant)),
        ("a PEM private key", new Regex(@"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----", RegexOptions.CultureInvariant)),
        ("a bearer token", new Regex(@"^Bearer\s+[A-Za-z0-9._~+/-]{16,}=*$", RegexOptions.CultureInvariant)),
        ("an AWS access key", new Regex(@"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b", RegexOptions.CultureInvariant)),
        ("a GitHub token", new Regex(@"\bgh[pousr]_[A-Za-z0-9]{36,}\b", RegexOptions.CultureInvariant)),
        ("a Slack token", new Regex(@"\bxox[baprs]-[A-Za-z0-9-]{10,}\b", RegexOptions.CultureInvariant)),
    };

    private static readonly Regex SecretName = new(
        @"(?:^|[-_.]|(?<=[a-z])(?=[A-Z]))(?:password|passwd|pwd|secret|token|apikey|api[-_]?key|privatekey|private[-_]?key|credentials?|bearertoken|clientsecret|client[-_]?secret|accesskey|access[-_]?key)(?:$|[-_.A-Z])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex NotASecretName = new(@"(?:name|ref|reference|path|file|key[-_]?name|secret[-_]?name|existing|store)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>What kind of credential the text looks like, or null.</summary>
    public static string? ShapeOf(string text)
    {
        foreach (var (kind, pattern) in Shapes)
        {
            if (pattern.IsMatch(text)) return kind;
        }

        return null;
    }

    /// <summary>
    /// Whether a member or key name says it holds a secret value (<c>password</c>, <c>apiKey</c>, <c>db_token</c>),
    /// as opposed to naming one (<c>passwordSecretName</c>, <c>tokenRef</c>).
    /// </summary>
    public static bool IsSecretName(string name) => SecretName.IsMatch(name) && !NotASecretName.IsMatch(name);
}
