using System;

namespace HubDsl.Core.Manifests;

/// <summary>
/// Argo CD's name for a cluster Secret (<c>cluster-&lt;host&gt;-&lt;FNV-32a of the URL&gt;</c>, util/db/secrets.go), so the
/// Secret HubDsl commits and the one <c>hubdsl cluster add</c> registers are the same object.
/// </summary>
public static class ClusterSecretNames
{
    /// <summary>The Secret name for a server URL, or null when the URL is not absolute.</summary>
    public static string? ForServer(string server)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Authority)) return null;
        var host = HostOf(server);
        return "cluster-" + host.ToLowerInvariant() + "-" + Fnv32a(server).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    // The authority without user info and port; an IPv6 literal's colons become dashes.
    private static string HostOf(string server)
    {
        var start = server.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = server.IndexOfAny(new[] { '/', '?', '#' }, start);
        var authority = end < 0 ? server.Substring(start) : server.Substring(start, end - start);
        var at = authority.LastIndexOf('@');
        if (at >= 0) authority = authority.Substring(at + 1);
        if (authority.StartsWith("[", StringComparison.Ordinal))
        {
            var close = authority.IndexOf(']');
            if (close > 0 && System.Net.IPAddress.TryParse(authority.Substring(1, close - 1), out var address))
            {
                return address.ToString().Replace(":", "-");
            }
        }

        var colon = authority.IndexOf(':');
        return colon >= 0 ? authority.Substring(0, colon) : authority;
    }

    internal static uint Fnv32a(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= 16777619u;
        }

        return hash;
    }
}
