using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace HubDsl.Core.Rendering.Git;

/// <summary>
/// Resolves a Git generator <c>revision</c> to a commit the way Argo CD's repo-server does against
/// <c>git ls-remote</c> (util/git/client.go lsRemote): a 40-hex SHA as it is; "" means HEAD; a semver
/// constraint becomes the highest matching tag (util/versions MaxVersion); then the first advertised ref whose
/// full name, or short name (<c>main</c>, <c>v1.0</c>), equals it (a symbolic ref through its target); else a
/// 7+ hex string is taken as an abbreviated SHA; else "unable to resolve '...' to a commit SHA".
/// </summary>
internal static class GitRevisionResolver
{
    private static readonly Regex CommitSha = new("^[0-9A-Fa-f]{40}$", RegexOptions.CultureInvariant);
    private static readonly Regex TruncatedSha = new("^[0-9A-Fa-f]{7,}$", RegexOptions.CultureInvariant);

    /// <summary>The commit to read (full, or an abbreviated SHA for the repository to expand), or null with Argo CD's error text.</summary>
    public static string? Resolve(string revision, IReadOnlyList<GitRef> refs, out string? error)
    {
        error = null;
        if (CommitSha.IsMatch(revision)) return revision;
        if (revision.Length == 0) revision = "HEAD";

        var tags = new List<string>();
        foreach (var r in refs)
        {
            if (r.Name.StartsWith("refs/tags/", StringComparison.Ordinal)) tags.Add(Short(r.Name));
        }

        if (Templating.SemverCompare.MaxVersion(revision, tags) is { } version) revision = version;

        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        string? toResolve = null;
        var isShort = Short(revision) == revision;
        foreach (var r in refs)
        {
            if (r.Commit is not null) hashes[r.Name] = r.Commit;
            if ((isShort && Short(r.Name) == revision) || r.Name == revision)
            {
                if (r.Commit is not null) return r.Commit;
                if (r.SymbolicTarget is not null) toResolve = r.SymbolicTarget;
            }
        }

        if (toResolve is not null && hashes.TryGetValue(toResolve, out var target)) return target;
        if (TruncatedSha.IsMatch(revision)) return revision;
        error = "unable to resolve '" + revision + "' to a commit SHA";
        return null;
    }

    /// <summary>
    /// go-git's ReferenceName.Short: the last of the rules refs/, refs/tags/, refs/heads/, refs/remotes/ that
    /// strips a prefix ("refs/heads/main" is "main", "refs/pull/1/head" is "pull/1/head").
    /// </summary>
    public static string Short(string name)
    {
        var result = name;
        foreach (var prefix in new[] { "refs/", "refs/tags/", "refs/heads/", "refs/remotes/" })
        {
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal)) result = name.Substring(prefix.Length);
        }

        return result;
    }
}
