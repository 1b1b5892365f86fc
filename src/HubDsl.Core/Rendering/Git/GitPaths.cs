using System;
using System.Collections.Generic;
using System.Text;

namespace HubDsl.Core.Rendering.Git;

/// <summary>Orderings of repository paths as Go produces them.</summary>
internal static class GitPaths
{
    /// <summary>Go's string order (sort.Strings): byte-wise over UTF-8.</summary>
    public static readonly IComparer<string> ByteOrder = Comparer<string>.Create(CompareBytes);

    /// <summary>
    /// filepath.WalkDir's visiting order: depth first, each directory's entries sorted by name, so the paths
    /// compare segment by segment ("a/b" comes before "a b", although ' ' sorts before '/').
    /// </summary>
    public static readonly IComparer<string> WalkOrder = Comparer<string>.Create(CompareWalk);

    public static int CompareBytes(string a, string b)
    {
        var x = Encoding.UTF8.GetBytes(a);
        var y = Encoding.UTF8.GetBytes(b);
        var n = Math.Min(x.Length, y.Length);
        for (var i = 0; i < n; i++)
        {
            if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
        }

        return x.Length.CompareTo(y.Length);
    }

    private static int CompareWalk(string a, string b)
    {
        var x = a.Split('/');
        var y = b.Split('/');
        var n = Math.Min(x.Length, y.Length);
        for (var i = 0; i < n; i++)
        {
            var c = CompareBytes(x[i], y[i]);
            if (c != 0) return c;
        }

        return x.Length.CompareTo(y.Length);
    }
}
