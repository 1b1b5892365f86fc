using System;

namespace HubDsl.Core.Rendering.Git;

/// <summary>
/// Git's wildmatch (wildmatch.c), the glob engine behind pathspecs: byte-wise (UTF-8), <c>*</c> <c>?</c>
/// <c>[...]</c> with ranges, <c>!</c>/<c>^</c> negation and <c>[:class:]</c> (ASCII only), <c>\</c> escapes.
/// Without <see cref="Flags.PathName"/> (plain pathspecs) <c>*</c>, <c>**</c> and <c>?</c> cross <c>/</c>;
/// with it (<c>:(glob)</c>) they do not, and <c>**/</c> matches zero or more directories. Case folding
/// (<c>:(icase)</c>) folds ASCII only, and (as in git) not the characters inside a bracket.
/// </summary>
internal static class GitWildmatch
{
    [Flags]
    public enum Flags
    {
        None = 0,
        PathName = 1,
        CaseFold = 2,
    }

    private const int Match = 0;
    private const int NoMatch = 1;
    private const int AbortAll = -1;
    private const int AbortToStarStar = -2;

    /// <summary>Steps one match may take; git's own matcher is bounded the same way by its abort rules.</summary>
    public const int MaxSteps = 1_000_000;

    /// <exception cref="GitRepositoryException">The match needed more than <see cref="MaxSteps"/> steps.</exception>
    public static bool IsMatch(byte[] pattern, byte[] text, Flags flags)
    {
        var steps = 0;
        return DoWild(pattern, 0, text, 0, flags, ref steps) == Match;
    }

    private static int At(byte[] s, int i) => i < s.Length ? s[i] : 0;

    private static int Lower(int c) => c >= 'A' && c <= 'Z' ? c + 32 : c;

    private static bool IsGlobSpecial(int c) => c == '*' || c == '?' || c == '[' || c == '\\';

    private static int DoWild(byte[] p, int pi, byte[] text, int ti, Flags flags, ref int steps)
    {
        var start = pi;
        var caseFold = (flags & Flags.CaseFold) != 0;
        var pathName = (flags & Flags.PathName) != 0;
        for (; At(p, pi) != 0; ti++, pi++)
        {
            if (++steps > MaxSteps) throw TooComplex();
            int pch = p[pi];
            var tch = At(text, ti);
            if (tch == 0 && pch != '*') return AbortAll;
            if (caseFold) tch = Lower(tch);
            if (caseFold) pch = Lower(pch);
            switch (pch)
            {
                case '\\':
                    // The escaped character compares literally (not folded, as in git).
                    pch = At(p, ++pi);
                    if (tch != pch) return NoMatch;
                    continue;
                case '?':
                    if (pathName && tch == '/') return NoMatch;
                    continue;
                case '*':
                {
                    bool matchSlash;
                    if (At(p, ++pi) == '*')
                    {
                        var previous = pi - 2;
                        while (At(p, ++pi) == '*')
                        {
                        }

                        if (!pathName)
                        {
                            matchSlash = true;
                        }
                        else if ((previous < start || p[previous] == '/') && (At(p, pi) == 0 || At(p, pi) == '/' || (At(p, pi) == '\\' && At(p, pi + 1) == '/')))
                        {
                            // "**/" may match no directory at all.
                            if (At(p, pi) == '/' && DoWild(p, pi + 1, text, ti, flags, ref steps) == Match) return Match;
                            matchSlash = true;
                        }
                        else
                        {
                            matchSlash = false;
                        }
                    }
                    else
                    {
                        matchSlash = !pathName;
                    }

                    if (At(p, pi) == 0)
                    {
                        if (!matchSlash && Array.IndexOf(text, (byte)'/', Math.Min(ti, text.Length)) >= 0) return NoMatch;
                        return Match;
                    }

                    if (!matchSlash && p[pi] == '/')
                    {
                        // One star before a slash matches exactly the next directory name.
                        var slash = Array.IndexOf(text, (byte)'/', Math.Min(ti, text.Length));
                        if (slash < 0) return NoMatch;
                        ti = slash;
                        continue;
                    }

                    while (true)
                    {
                        if (tch == 0) break;
                        if (!IsGlobSpecial(p[pi]))
                        {
                            // Skip ahead to the literal that must follow the star.
                            var literal = caseFold ? Lower(p[pi]) : p[pi];
                            while ((tch = At(text, ti)) != 0 && (matchSlash || tch != '/'))
                            {
                                if (++steps > MaxSteps) throw TooComplex();
                                if (caseFold) tch = Lower(tch);
                                if (tch == literal) break;
                                ti++;
                            }

                            if (tch != literal) return NoMatch;
                        }

                        var matched = DoWild(p, pi, text, ti, flags, ref steps);
                        if (matched != NoMatch)
                        {
                            if (!matchSlash || matched != AbortToStarStar) return matched;
                        }
                        else if (!matchSlash && tch == '/')
                        {
                            return AbortToStarStar;
                        }

                        tch = At(text, ++ti);
                    }

                    return AbortAll;
                }

                case '[':
                {
                    pch = At(p, ++pi);
                    if (pch == '^') pch = '!';
                    var negated = pch == '!';
                    if (negated) pch = At(p, ++pi);
                    var previousChar = 0;
                    var matched = false;
                    do
                    {
                        if (++steps > MaxSteps) throw TooComplex();
                        if (pch == 0) return AbortAll;
                        if (pch == '\\')
                        {
                            pch = At(p, ++pi);
                            if (pch == 0) return AbortAll;
                            if (tch == pch) matched = true;
                        }
                        else if (pch == '-' && previousChar != 0 && At(p, pi + 1) != 0 && At(p, pi + 1) != ']')
                        {
                            pch = At(p, ++pi);
                            if (pch == '\\')
                            {
                                pch = At(p, ++pi);
                                if (pch == 0) return AbortAll;
                            }

                            if (tch <= pch && tch >= previousChar)
                            {
                                matched = true;
                            }
                            else if (caseFold && tch >= 'a' && tch <= 'z')
                            {
                                var upper = tch - 32;
                                if (upper <= pch && upper >= previousChar) matched = true;
                            }

                            pch = 0;
                        }
                        else if (pch == '[' && At(p, pi + 1) == ':')
                        {
                            var s = pi += 2;
                            while ((pch = At(p, pi)) != 0 && pch != ']') pi++;
                            if (pch == 0) return AbortAll;
                            var length = pi - s - 1;
                            if (length < 0 || p[pi - 1] != ':')
                            {
                                // No ":]": the '[' is an ordinary member of the set.
                                pi = s - 2;
                                pch = '[';
                                if (tch == pch) matched = true;
                                continue;
                            }

                            var name = System.Text.Encoding.ASCII.GetString(p, s, length);
                            var inClass = ClassMatches(name, tch, caseFold);
                            if (inClass is null) return AbortAll;
                            if (inClass.Value) matched = true;
                            pch = 0;
                        }
                        else if (tch == pch)
                        {
                            matched = true;
                        }
                    }
                    while ((previousChar = pch) >= 0 && (pch = At(p, ++pi)) != ']');

                    if (matched == negated || (pathName && tch == '/')) return NoMatch;
                    continue;
                }

                default:
                    if (tch != pch) return NoMatch;
                    continue;
            }
        }

        return At(text, ti) != 0 ? NoMatch : Match;
    }

    // git's own ASCII ctype (ctype.c sane_ctype); null for an unknown class name, which aborts the match.
    private static bool? ClassMatches(string name, int c, bool caseFold)
    {
        var alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        var digit = c >= '0' && c <= '9';
        var graph = c > 0x20 && c < 0x7f;
        return name switch
        {
            "alnum" => alpha || digit,
            "alpha" => alpha,
            "blank" => c == ' ' || c == '\t',
            "cntrl" => c < 0x20 || c == 0x7f,
            "digit" => digit,
            "graph" => graph,
            "lower" => c >= 'a' && c <= 'z',
            "print" => c >= 0x20 && c < 0x7f,
            "punct" => graph && !alpha && !digit,
            "space" => c == ' ' || c == '\t' || c == '\n' || c == '\r',
            "upper" => (c >= 'A' && c <= 'Z') || (caseFold && c >= 'a' && c <= 'z'),
            "xdigit" => digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'),
            _ => null,
        };
    }

    private static GitRepositoryException TooComplex() =>
        new(RenderErrorReasons.RenderLimitExceeded, "a git file pattern needed more than " + MaxSteps.ToString(System.Globalization.CultureInfo.InvariantCulture) + " matching steps for one path (HubDsl's limit); simplify the pattern (fewer '*')");
}
