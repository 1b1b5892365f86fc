using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Templating;

namespace HubDsl.Core.Rendering.Git;

/// <summary>
/// Argo CD's new Git file globbing (util/git/client.go LsFiles with <c>--enable-new-git-file-globbing</c>):
/// <c>doublestar.FilepathGlob(filepath.Join(root, pattern))</c> over the checkout. The pattern is cleaned (a
/// leading '/' is harmless, <c>..</c> that leaves the root selects nothing); <c>*</c> <c>?</c> <c>[...]</c> (with
/// <c>!</c> or <c>^</c>) stay within a path segment, a whole <c>**</c> segment matches zero or more directories,
/// <c>{a,b}</c> are alternatives; hidden paths are not special. Directories match too (the root itself for
/// <c>**</c>): the repo-server then fails to read them. The checkout's <c>.git</c> folder is not part of the tree
/// HubDsl matches.
/// </summary>
internal static class DoublestarGlob
{
    private const int MaxAlternatives = 1024;
    private const string Sentinel = "\u0001root";

    /// <summary>The paths the pattern selects (with whether each is a directory); <paramref name="badPattern"/> for a malformed one.</summary>
    public static List<(string Path, bool IsDirectory)> Select(string pattern, IReadOnlyList<GitEntry> entries, out bool badPattern, out bool escapes)
    {
        escapes = false;
        var selected = new List<(string, bool)>();
        var joined = GoPath.Clean(Sentinel + "/" + pattern);
        badPattern = !Validate(joined);
        if (badPattern) return selected;
        if (joined != Sentinel && !joined.StartsWith(Sentinel + "/", StringComparison.Ordinal))
        {
            // The glob starts above the checkout: what it selects inside depends on the repo-server's own folder
            // names, unless a literal name there can only miss them.
            var outside = GoPath.Clean(pattern.TrimStart('/')).Split('/');
            var levels = outside.TakeWhile(s => s == "..").Count();
            var named = outside.Skip(levels).Take(levels).ToArray();
            if (named.Length == levels && named.All(s => s.IndexOfAny(new[] { '*', '?', '[', '{', '\\' }) < 0)) return selected;
            escapes = true;
            return selected;
        }
        var relative = joined == Sentinel ? string.Empty : joined.Substring(Sentinel.Length + 1);

        var alternatives = new List<string>();
        if (!Expand(relative, alternatives))
        {
            badPattern = true;
            return selected;
        }

        var patterns = new List<string[]>();
        foreach (var alternative in alternatives) patterns.Add(alternative.Length == 0 ? Array.Empty<string>() : alternative.Split('/'));

        // The root folder itself: an empty pattern, or one that can match no segment at all.
        foreach (var p in patterns)
        {
            if (Array.TrueForAll(p, s => s == "**"))
            {
                selected.Add((".", true));
                break;
            }
        }

        var directories = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            for (var slash = entry.Path.IndexOf('/'); slash >= 0; slash = entry.Path.IndexOf('/', slash + 1)) directories.Add(entry.Path.Substring(0, slash));
        }

        foreach (var directory in directories)
        {
            if (MatchesAny(patterns, directory, isDirectory: true)) selected.Add((directory, true));
        }

        foreach (var entry in entries)
        {
            var isDirectory = entry.Kind == GitEntryKind.Submodule;
            if (MatchesAny(patterns, entry.Path, isDirectory)) selected.Add((entry.Path, isDirectory));
        }

        return selected;
    }

    // Glob walks folders: a trailing "**" that matches no segment selects the path only if it is a folder.
    private static bool MatchesAny(List<string[]> patterns, string path, bool isDirectory)
    {
        var segments = path.Split('/');
        foreach (var p in patterns)
        {
            var steps = 0;
            if (MatchSegments(p, 0, segments, 0, isDirectory, ref steps)) return true;
        }

        return false;
    }

    private static bool MatchSegments(string[] pattern, int pi, string[] name, int ni, bool isDirectory, ref int steps)
    {
        if (++steps > GitWildmatch.MaxSteps) throw TooComplex();
        while (pi < pattern.Length)
        {
            if (pattern[pi] == "**")
            {
                // Zero or more whole segments; consecutive ones are one.
                while (pi < pattern.Length && pattern[pi] == "**") pi++;
                if (pi == pattern.Length) return ni < name.Length || isDirectory;
                for (var skip = ni; skip < name.Length; skip++)
                {
                    if (MatchSegments(pattern, pi, name, skip, isDirectory, ref steps)) return true;
                }

                return false;
            }

            if (ni >= name.Length || !MatchSegment(pattern[pi], 0, name[ni], 0, ref steps)) return false;
            pi++;
            ni++;
        }

        return ni == name.Length;
    }

    // One segment: '*' any run, '?' one rune, [..] a class, '\' escapes (no '/' occurs on either side here).
    private static bool MatchSegment(string p, int pi, string s, int si, ref int steps)
    {
        if (++steps > GitWildmatch.MaxSteps) throw TooComplex();
        while (pi < p.Length)
        {
            var c = p[pi];
            if (c == '*')
            {
                while (pi < p.Length && p[pi] == '*') pi++;
                if (pi == p.Length) return true;
                for (var k = si; k <= s.Length; k++)
                {
                    if (MatchSegment(p, pi, s, k, ref steps)) return true;
                }

                return false;
            }

            if (si >= s.Length) return false;
            var (rune, runeLength) = Rune(s, si);
            if (c == '?')
            {
                pi++;
                si += runeLength;
                continue;
            }

            if (c == '[')
            {
                pi++;
                var negate = p[pi] == '!' || p[pi] == '^';
                if (negate) pi++;
                var matched = false;
                var first = true;
                while (pi < p.Length && (first || p[pi] != ']'))
                {
                    first = false;
                    var lo = ClassRune(p, ref pi);
                    var hi = lo;
                    if (pi + 1 < p.Length && p[pi] == '-' && p[pi + 1] != ']')
                    {
                        pi++;
                        hi = ClassRune(p, ref pi);
                    }

                    if (lo <= rune && rune <= hi) matched = true;
                }

                pi++; // the ']'
                if (matched == negate) return false;
                si += runeLength;
                continue;
            }

            if (c == '\\') pi++;
            var (patternRune, patternLength) = Rune(p, pi);
            if (patternRune != rune) return false;
            pi += patternLength;
            si += runeLength;
        }

        return si == s.Length;
    }

    private static GitRepositoryException TooComplex() =>
        new(RenderErrorReasons.RenderLimitExceeded, "a git file pattern needed more than " + GitWildmatch.MaxSteps.ToString(System.Globalization.CultureInfo.InvariantCulture) + " matching steps for one path (HubDsl's limit); simplify the pattern (fewer '*')");

    private static int ClassRune(string p, ref int pi)
    {
        if (p[pi] == '\\') pi++;
        var (rune, length) = Rune(p, pi);
        pi += length;
        return rune;
    }

    private static (int Rune, int Length) Rune(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
            ? (char.ConvertToUtf32(s[i], s[i + 1]), 2)
            : (s[i], 1);

    // doublestar ValidatePattern: escapes complete, classes closed and non-empty, braces balanced.
    private static bool Validate(string s)
    {
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '\\':
                    if (++i >= s.Length) return false;
                    break;
                case '[':
                    if (++i >= s.Length) return false;
                    if (s[i] == '^' || s[i] == '!') i++;
                    if (i >= s.Length || s[i] == ']') return false;
                    var closed = false;
                    for (; i < s.Length; i++)
                    {
                        if (s[i] == '\\') i++;
                        else if (s[i] == ']')
                        {
                            closed = true;
                            break;
                        }
                    }

                    if (!closed) return false;
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    if (depth == 0) return false;
                    depth--;
                    break;
            }
        }

        return depth == 0;
    }

    // Alternatives {a,b} expanded into whole patterns (nested ones too), as doublestar substitutes each in place.
    private static bool Expand(string pattern, List<string> output)
    {
        var open = -1;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\') i++;
            else if (pattern[i] == '[')
            {
                // A class is literal text here.
                i++;
                if (i < pattern.Length && (pattern[i] == '!' || pattern[i] == '^')) i++;
                i++;
                while (i < pattern.Length && pattern[i] != ']')
                {
                    if (pattern[i] == '\\') i++;
                    i++;
                }
            }
            else if (pattern[i] == '{')
            {
                open = i;
                break;
            }
        }

        if (open < 0)
        {
            if (output.Count >= MaxAlternatives) return false;
            output.Add(pattern);
            return true;
        }

        var depth = 0;
        var starts = new List<int> { open + 1 };
        var close = -1;
        for (var i = open + 1; i < pattern.Length && close < 0; i++)
        {
            switch (pattern[i])
            {
                case '\\': i++; break;
                case '{': depth++; break;
                case '}':
                    if (depth == 0) close = i;
                    else depth--;
                    break;
                case ',':
                    if (depth == 0) starts.Add(i + 1);
                    break;
            }
        }

        if (close < 0) return false;
        var head = pattern.Substring(0, open);
        var tail = pattern.Substring(close + 1);
        for (var k = 0; k < starts.Count; k++)
        {
            var end = k + 1 < starts.Count ? starts[k + 1] - 1 : close;
            if (!Expand(head + pattern.Substring(starts[k], end - starts[k]) + tail, output)) return false;
        }

        return true;
    }
}
