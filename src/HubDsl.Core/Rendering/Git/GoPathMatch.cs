namespace HubDsl.Core.Rendering.Git;

/// <summary>
/// Go's <c>path.Match</c>, which the Git generator's directory filter uses (applicationset/generators/git.go
/// filterApps): anchored, case-sensitive, <c>*</c> and <c>?</c> never match <c>/</c> (so <c>**</c> is <c>*</c>),
/// <c>[...]</c> with ranges and <c>^</c> negation (<c>!</c> is a literal), <c>\</c> escapes. A malformed pattern
/// is an error (<c>syntax error in pattern</c>), reported even when an earlier part already failed to match.
/// </summary>
internal static class GoPathMatch
{
    /// <summary>Whether <paramref name="name"/> matches; false with <paramref name="badPattern"/> set for a malformed pattern.</summary>
    public static bool Match(string pattern, string name, out bool badPattern)
    {
        badPattern = false;
        while (pattern.Length > 0)
        {
            var (star, chunk, rest) = ScanChunk(pattern);
            pattern = rest;
            if (star && chunk.Length == 0)
            {
                // A trailing star matches the rest of the name, which must hold no '/'.
                return name.IndexOf('/') < 0;
            }

            var (t, ok, error) = MatchChunk(chunk, name);
            if (ok && (t.Length == 0 || pattern.Length > 0))
            {
                name = t;
                continue;
            }

            if (error)
            {
                badPattern = true;
                return false;
            }

            if (star)
            {
                var advanced = false;
                for (var i = 0; i < name.Length && name[i] != '/'; i++)
                {
                    (t, ok, error) = MatchChunk(chunk, name.Substring(i + 1));
                    if (ok)
                    {
                        // The last chunk must consume the whole name.
                        if (pattern.Length == 0 && t.Length > 0) continue;
                        name = t;
                        advanced = true;
                        break;
                    }

                    if (error)
                    {
                        badPattern = true;
                        return false;
                    }
                }

                if (advanced) continue;
            }

            // No match: the rest of the pattern must still be well-formed.
            while (pattern.Length > 0)
            {
                (_, chunk, pattern) = ScanChunk(pattern);
                if (MatchChunk(chunk, string.Empty).Error)
                {
                    badPattern = true;
                    return false;
                }
            }

            return false;
        }

        return name.Length == 0;
    }

    private static (bool Star, string Chunk, string Remainder) ScanChunk(string pattern)
    {
        var star = false;
        while (pattern.Length > 0 && pattern[0] == '*')
        {
            pattern = pattern.Substring(1);
            star = true;
        }

        var inRange = false;
        var i = 0;
        for (; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 < pattern.Length) i++;
            }
            else if (c == '[')
            {
                inRange = true;
            }
            else if (c == ']')
            {
                inRange = false;
            }
            else if (c == '*' && !inRange)
            {
                break;
            }
        }

        return (star, pattern.Substring(0, i), pattern.Substring(i));
    }

    // One rune (code point) of s from index i, and its length in chars.
    private static (int Rune, int Length) Rune(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
            ? (char.ConvertToUtf32(s[i], s[i + 1]), 2)
            : (s[i], 1);

    private static (string Remainder, bool Ok, bool Error) MatchChunk(string chunk, string s)
    {
        // Once failed, the chunk is still scanned to the end to report a malformed pattern.
        var failed = false;
        var ci = 0;
        var si = 0;
        while (ci < chunk.Length)
        {
            if (!failed && si >= s.Length) failed = true;
            switch (chunk[ci])
            {
                case '[':
                {
                    var r = -1;
                    if (!failed)
                    {
                        var (rune, n) = Rune(s, si);
                        r = rune;
                        si += n;
                    }

                    ci++;
                    var negated = false;
                    if (ci < chunk.Length && chunk[ci] == '^')
                    {
                        negated = true;
                        ci++;
                    }

                    var matched = false;
                    var ranges = 0;
                    while (true)
                    {
                        if (ci < chunk.Length && chunk[ci] == ']' && ranges > 0)
                        {
                            ci++;
                            break;
                        }

                        if (!GetEscaped(chunk, ref ci, out var lo)) return (string.Empty, false, true);
                        var hi = lo;
                        if (chunk[ci] == '-')
                        {
                            ci++;
                            if (!GetEscaped(chunk, ref ci, out hi)) return (string.Empty, false, true);
                        }

                        if (lo <= r && r <= hi) matched = true;
                        ranges++;
                    }

                    if (matched == negated) failed = true;
                    break;
                }

                case '?':
                    if (!failed)
                    {
                        if (s[si] == '/') failed = true;
                        si += Rune(s, si).Length;
                    }

                    ci++;
                    break;
                case '\\':
                    ci++;
                    if (ci >= chunk.Length) return (string.Empty, false, true);
                    goto default;
                default:
                    if (!failed)
                    {
                        if (chunk[ci] != s[si]) failed = true;
                        si++;
                    }

                    ci++;
                    break;
            }
        }

        return failed ? (string.Empty, false, false) : (s.Substring(si), true, false);
    }

    // Go's getEsc: one (possibly escaped) rune of a character class; false when the class is malformed,
    // including when nothing follows it.
    private static bool GetEscaped(string chunk, ref int ci, out int rune)
    {
        rune = 0;
        if (ci >= chunk.Length || chunk[ci] == '-' || chunk[ci] == ']') return false;
        if (chunk[ci] == '\\')
        {
            ci++;
            if (ci >= chunk.Length) return false;
        }

        var (r, n) = Rune(chunk, ci);
        rune = r;
        ci += n;
        return ci < chunk.Length;
    }
}
