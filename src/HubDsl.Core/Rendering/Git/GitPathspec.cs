using System;
using System.Text;

namespace HubDsl.Core.Rendering.Git;

/// <summary>
/// One git pathspec as <c>git ls-files -- &lt;pattern&gt;</c> reads it at the repository root: Argo CD's default
/// ("old") Git files globbing (util/git/client.go LsFiles). Magic (<c>:(top,literal,glob,icase,exclude)</c>,
/// <c>:/</c>, <c>:!</c>, <c>:^</c>) is parsed as pathspec.c does; the path is normalised (<c>./</c>, <c>..</c>,
/// <c>//</c>), and one that leaves the repository is refused as git refuses it. A path matches when the pattern
/// equals it, names a directory above it, or (from the first wildcard on) wildmatches it: without
/// <c>:(glob)</c> a <c>*</c> crosses <c>/</c> (dir.c match_pathspec_item, git_fnmatch).
/// </summary>
internal sealed class GitPathspec
{
    private readonly byte[] match;
    private readonly int noWildcardLength;
    private readonly bool oneStar;
    private readonly bool icase;
    private readonly bool glob;

    private GitPathspec(byte[] match, int noWildcardLength, bool oneStar, bool icase, bool glob, bool exclude)
    {
        this.match = match;
        this.noWildcardLength = noWildcardLength;
        this.oneStar = oneStar;
        this.icase = icase;
        this.glob = glob;
        IsExclude = exclude;
    }

    /// <summary>An exclude pathspec (<c>:!x</c>): it matches what it names, and ls-files keeps everything else.</summary>
    public bool IsExclude { get; }

    /// <summary>
    /// Parses a pattern. A problem is returned as git's own fatal message (without "fatal: "), for the caller to
    /// word as Argo CD reports a failed <c>git ls-files</c>; <paramref name="unsupported"/> is set instead for
    /// magic HubDsl cannot evaluate offline (<c>attr:</c>, which reads .gitattributes).
    /// </summary>
    public static GitPathspec? Parse(string element, string repositoryRoot, out string? error, out string? unsupported)
    {
        error = null;
        unsupported = null;
        var top = false;
        var literal = false;
        var glob = false;
        var icase = false;
        var exclude = false;
        var prefixLength = -1;
        var rest = element;
        if (element.Length > 0 && element[0] == ':')
        {
            if (element.Length > 1 && element[1] == '(')
            {
                var pos = 2;
                while (pos < element.Length && element[pos] != ')')
                {
                    var length = SpanEscaped(element, pos, ",)");
                    var next = pos + length < element.Length && element[pos + length] == ',' ? pos + length + 1 : pos + length;
                    if (length > 0)
                    {
                        var word = element.Substring(pos, length);
                        if (word.StartsWith("prefix:", StringComparison.Ordinal))
                        {
                            if (!int.TryParse(word.Substring(7), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out prefixLength))
                            {
                                error = "invalid parameter for pathspec magic 'prefix'";
                                return null;
                            }
                        }
                        else if (word.StartsWith("attr:", StringComparison.Ordinal))
                        {
                            unsupported = "the pathspec magic 'attr' in '" + element + "' selects files by .gitattributes, which HubDsl does not evaluate";
                            return null;
                        }
                        else
                        {
                            switch (word)
                            {
                                case "top": top = true; break;
                                case "literal": literal = true; break;
                                case "glob": glob = true; break;
                                case "icase": icase = true; break;
                                case "exclude": exclude = true; break;
                                default:
                                    error = "Invalid pathspec magic '" + word + "' in '" + element + "'";
                                    return null;
                            }
                        }
                    }

                    pos = next;
                }

                if (pos >= element.Length)
                {
                    error = "Missing ')' at the end of pathspec magic in '" + element + "'";
                    return null;
                }

                rest = element.Substring(pos + 1);
            }
            else
            {
                var pos = 1;
                for (; pos < element.Length && element[pos] != ':'; pos++)
                {
                    var c = element[pos];
                    if (c == '^' || c == '!')
                    {
                        exclude = true;
                        continue;
                    }

                    if (!IsPathspecMagic(c)) break;
                    if (c == '/')
                    {
                        top = true;
                        continue;
                    }

                    error = "Unimplemented pathspec magic '" + c + "' in '" + element + "'";
                    return null;
                }

                if (pos < element.Length && element[pos] == ':') pos++;
                rest = element.Substring(pos);
            }
        }

        if (literal && glob)
        {
            error = element + ": 'literal' and 'glob' are incompatible";
            return null;
        }

        string normalized;
        var prefix = 0;
        if (prefixLength >= 0 || top)
        {
            normalized = rest;
            prefix = Math.Max(prefixLength, 0);
        }
        else
        {
            var n = Normalize(rest);
            if (n is null)
            {
                error = element + ": '" + rest + "' is outside repository at '" + repositoryRoot + "'";
                return null;
            }

            normalized = n;
        }

        var bytes = Encoding.UTF8.GetBytes(normalized);
        int noWildcard;
        if (literal)
        {
            noWildcard = bytes.Length;
        }
        else
        {
            noWildcard = SimpleLength(bytes, 0);
            if (noWildcard < prefix) noWildcard = Math.Min(prefix, bytes.Length);
        }

        // "*.yaml"-style: one star then no wildcard is a suffix compare (pathspec.c PATHSPEC_ONESTAR).
        var oneStar = !glob && noWildcard < bytes.Length && bytes[noWildcard] == '*' && SimpleLength(bytes, noWildcard + 1) == bytes.Length - noWildcard - 1;
        return new GitPathspec(bytes, noWildcard, oneStar, icase, glob, exclude);
    }

    /// <summary>Whether this pathspec matches <paramref name="path"/> (a tracked path; directories are submodules).</summary>
    public bool Matches(string path, bool isDirectory)
    {
        var name = Encoding.UTF8.GetBytes(path);
        if (match.Length == 0) return true;
        var length = match.Length;
        if (length <= name.Length && Equal(match, 0, name, 0, length))
        {
            if (length == name.Length) return true;
            if (match[length - 1] == '/' || name[length] == '/') return true;
        }
        else if (isDirectory && match[length - 1] == '/' && name.Length == length - 1 && Equal(match, 0, name, 0, name.Length))
        {
            return true;
        }

        return noWildcardLength < length && FnMatch(name);
    }

    private bool FnMatch(byte[] name)
    {
        var prefix = noWildcardLength;
        if (prefix > 0)
        {
            if (name.Length < prefix || !Equal(match, 0, name, 0, prefix)) return false;
        }

        if (oneStar)
        {
            var suffixLength = match.Length - prefix - 1;
            var stringLength = name.Length - prefix;
            return stringLength >= suffixLength && Equal(match, prefix + 1, name, name.Length - suffixLength, suffixLength);
        }

        var pattern = new byte[match.Length - prefix];
        Array.Copy(match, prefix, pattern, 0, pattern.Length);
        var text = new byte[name.Length - prefix];
        Array.Copy(name, prefix, text, 0, text.Length);
        var flags = (glob ? GitWildmatch.Flags.PathName : GitWildmatch.Flags.None) | (icase ? GitWildmatch.Flags.CaseFold : GitWildmatch.Flags.None);
        return GitWildmatch.IsMatch(pattern, text, flags);
    }

    private bool Equal(byte[] a, int aStart, byte[] b, int bStart, int count)
    {
        for (var i = 0; i < count; i++)
        {
            int x = a[aStart + i], y = b[bStart + i];
            if (icase)
            {
                if (x >= 'A' && x <= 'Z') x += 32;
                if (y >= 'A' && y <= 'Z') y += 32;
            }

            if (x != y) return false;
        }

        return true;
    }

    // The length before the first of * ? [ \ (dir.c simple_length).
    private static int SimpleLength(byte[] s, int from)
    {
        var i = from;
        while (i < s.Length && s[i] != '*' && s[i] != '?' && s[i] != '[' && s[i] != '\\') i++;
        return i - from;
    }

    // pathspec.c strcspn_escaped: the span up to a stop character, skipping backslash-escaped ones.
    private static int SpanEscaped(string s, int from, string stop)
    {
        var i = from;
        for (; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                i++;
                continue;
            }

            if (stop.IndexOf(s[i]) >= 0) break;
        }

        return i - from;
    }

    // ctype.c GIT_PATHSPEC_MAGIC: the ASCII punctuation that is not a glob or regex special, nor ']' or '}'.
    private static bool IsPathspecMagic(char c) => "!\"#%&',-/:;<=>@_`~".IndexOf(c) >= 0;

    /// <summary>
    /// path.c normalize_path_copy_len at the repository root: "." and empty components dropped, ".." pops one;
    /// null when ".." leaves the root or the path is absolute (git accepts an absolute path only inside the work
    /// tree, and Argo CD's checkout lives in a temporary folder no pattern names).
    /// </summary>
    internal static string? Normalize(string path)
    {
        if (path.Length > 0 && path[0] == '/') return null;
        var output = new StringBuilder(path.Length);
        var i = 0;
        while (i < path.Length && path[i] == '/') i++;
        while (true)
        {
            if (i < path.Length && path[i] == '.')
            {
                if (i + 1 == path.Length)
                {
                    i++;
                }
                else if (path[i + 1] == '/')
                {
                    i += 2;
                    while (i < path.Length && path[i] == '/') i++;
                    continue;
                }
                else if (path[i + 1] == '.' && (i + 2 == path.Length || path[i + 2] == '/'))
                {
                    i += 2;
                    while (i < path.Length && path[i] == '/') i++;
                    // Go up one: drop the trailing '/' and the component before it.
                    if (output.Length == 0) return null;
                    output.Length--;
                    while (output.Length > 0 && output[output.Length - 1] != '/') output.Length--;
                    continue;
                }
            }

            while (i < path.Length && path[i] != '/') output.Append(path[i++]);
            if (i < path.Length)
            {
                output.Append('/');
                while (i < path.Length && path[i] == '/') i++;
                continue;
            }

            break;
        }

        return output.ToString();
    }
}
