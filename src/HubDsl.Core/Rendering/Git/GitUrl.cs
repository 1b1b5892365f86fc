using System;
using System.Text;
using System.Text.RegularExpressions;

namespace HubDsl.Core.Rendering.Git;

/// <summary>
/// Repository URL equality as Argo CD decides it (util/git/git.go NormalizeGitURL, SameURL): the whole URL
/// lower-cased and trimmed, an scp-style SSH URL (<c>git@host:org/repo</c>) turned into <c>ssh://</c> form, one
/// <c>.git</c> suffix dropped, then re-serialised by Go's <c>net/url</c> (which escapes what the path may not hold).
/// A trailing slash is kept: <c>https://host/repo/</c> is not the same URL as <c>https://host/repo</c>
/// (git_test.go TestSameURL, TestNormalizeUrl).
/// </summary>
public static class GitUrl
{
    private static readonly Regex SshUrl = new("^(ssh://)?([^/:]*?)@[^@]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Scheme = new("^[a-zA-Z][a-zA-Z0-9+.-]*:", RegexOptions.CultureInvariant);

    /// <summary>Argo CD's <c>NormalizeGitURL</c>: the normalised form, or "" when Go's URL parser refuses it.</summary>
    public static string Normalize(string url)
    {
        var s = (url ?? string.Empty).Trim().ToLowerInvariant();
        if (SshUrl.IsMatch(s) && !s.StartsWith("ssh://", StringComparison.Ordinal))
        {
            var colon = s.IndexOf(':');
            if (colon >= 0) s = s.Substring(0, colon) + "/" + s.Substring(colon + 1);
            s = "ssh://" + s;
        }

        if (s.EndsWith(".git", StringComparison.Ordinal)) s = s.Substring(0, s.Length - 4);
        var serialized = GoUrlString(s);
        if (serialized is null) return string.Empty;
        return serialized.StartsWith("ssh://", StringComparison.Ordinal) ? serialized.Substring(6) : serialized;
    }

    /// <summary>Argo CD's <c>SameURL</c>: equal normalised forms (a URL Go cannot parse compares as written), neither empty.</summary>
    public static bool Same(string left, string right)
    {
        var a = Normalize(left);
        if (a.Length == 0) a = left ?? string.Empty;
        var b = Normalize(right);
        if (b.Length == 0) b = right ?? string.Empty;
        return a.Length > 0 && b.Length > 0 && string.Equals(a, b, StringComparison.Ordinal);
    }

    // url.Parse(s).String() for the URLs repositories use; null where url.Parse returns an error.
    private static string? GoUrlString(string s)
    {
        foreach (var c in s)
        {
            if (c < 0x20 || c == 0x7f) return null;
        }

        var fragment = string.Empty;
        var hash = s.IndexOf('#');
        if (hash >= 0)
        {
            fragment = s.Substring(hash + 1);
            s = s.Substring(0, hash);
            if (Unescape(fragment) is null) return null;
        }

        if (s.Length > 0 && s[0] == ':') return null; // missing protocol scheme
        var scheme = string.Empty;
        var m = Scheme.Match(s);
        if (m.Success)
        {
            scheme = s.Substring(0, m.Length - 1);
            s = s.Substring(m.Length);
        }

        var query = (string?)null;
        var question = s.IndexOf('?');
        if (question >= 0)
        {
            query = s.Substring(question + 1);
            s = s.Substring(0, question);
        }

        var output = new StringBuilder();
        if (scheme.Length > 0) output.Append(scheme).Append(':');
        if (scheme.Length > 0 && !s.StartsWith("/", StringComparison.Ordinal))
        {
            // Opaque: scheme:rest, kept as written.
            output.Append(s);
        }
        else
        {
            var path = s;
            if (s.StartsWith("//", StringComparison.Ordinal))
            {
                var authorityEnd = s.IndexOf('/', 2);
                var authority = authorityEnd < 0 ? s.Substring(2) : s.Substring(2, authorityEnd - 2);
                path = authorityEnd < 0 ? string.Empty : s.Substring(authorityEnd);
                var at = authority.LastIndexOf('@');
                var host = at < 0 ? authority : authority.Substring(at + 1);
                if (!ValidHost(host)) return null;
                output.Append("//");
                if (at >= 0)
                {
                    var user = authority.Substring(0, at);
                    foreach (var c in user)
                    {
                        if (!(IsUnreserved(c) || "!$&'()*+,;=%@:".IndexOf(c) >= 0)) return null;
                    }

                    output.Append(user).Append('@');
                }

                output.Append(host);
            }
            else if (scheme.Length == 0)
            {
                var slash = path.IndexOf('/');
                var first = slash < 0 ? path : path.Substring(0, slash);
                if (first.IndexOf(':') >= 0) return null; // first path segment in URL cannot contain colon
            }

            var decoded = Unescape(path);
            if (decoded is null) return null;
            output.Append(ValidEncodedPath(path) ? path : EscapePath(decoded));
        }

        // A query is kept raw; a lone trailing '?' too (Go's ForceQuery).
        if (query is not null) output.Append('?').Append(query);
        if (fragment.Length > 0) output.Append('#').Append(fragment);
        return output.ToString();
    }

    private static bool ValidHost(string host)
    {
        if (host.StartsWith("[", StringComparison.Ordinal))
        {
            var close = host.IndexOf(']');
            if (close < 0) return false;
            return ValidPort(host.Substring(close + 1));
        }

        var colon = host.LastIndexOf(':');
        return colon < 0 || ValidPort(host.Substring(colon));
    }

    private static bool ValidPort(string port)
    {
        if (port.Length == 0) return true;
        if (port[0] != ':') return false;
        for (var i = 1; i < port.Length; i++)
        {
            if (port[i] < '0' || port[i] > '9') return false;
        }

        return true;
    }

    private static bool IsUnreserved(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';

    // Go's shouldEscape(c, encodePath).
    private static bool ShouldEscapePath(byte c) =>
        !(c < 0x80 && (IsUnreserved((char)c) || "$&+,/:;=@".IndexOf((char)c) >= 0));

    // Go's validEncoded(s, encodePath): nothing that escaping would change.
    private static bool ValidEncodedPath(string s)
    {
        foreach (var c in s)
        {
            if ("!$&'()*+,;=:@[]%".IndexOf(c) >= 0) continue;
            if (c >= 0x80 || ShouldEscapePath((byte)c)) return false;
        }

        return true;
    }

    private static string EscapePath(byte[] bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (ShouldEscapePath(b)) sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append((char)b);
        }

        return sb.ToString();
    }

    // Percent-decoding to bytes; null for a '%' without two hex digits ("invalid URL escape").
    private static byte[]? Unescape(string s)
    {
        var source = Encoding.UTF8.GetBytes(s);
        var bytes = new System.Collections.Generic.List<byte>(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] != '%')
            {
                bytes.Add(source[i]);
                continue;
            }

            if (i + 2 >= source.Length || !IsHex(source[i + 1]) || !IsHex(source[i + 2])) return null;
            bytes.Add(Convert.ToByte(Encoding.ASCII.GetString(source, i + 1, 2), 16));
            i += 2;
        }

        return bytes.ToArray();
    }

    private static bool IsHex(byte b) => (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
}
