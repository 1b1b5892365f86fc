using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace HubDsl.Core.Templating;

/// <summary>
/// Go regexp (RE2) patterns run on .NET: the common syntax is the same; constructs RE2 rejects (backreferences,
/// lookaround, possessive/atomic groups) are rejected here too, and RE2-only syntax that .NET reads differently
/// (\z vs \Z, \C, [[:alpha:]] classes, \pN) fails clearly instead of matching differently.
/// </summary>
internal static class GoRegex
{
    private static readonly System.TimeSpan Timeout = System.TimeSpan.FromSeconds(2);

    public static Regex Compile(string pattern)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                char n = pattern[i + 1];
                if (char.IsDigit(n) && n != '0') throw Fail(pattern, "invalid escape sequence: `\\" + n + "`");
                if (n == 'k' || n == 'Z' || n == 'G' || n == 'C' || n == 'p' || n == 'P' || n == 'X' || n == 'R')
                    throw Fail(pattern, "unsupported escape \\" + n);
                sb.Append(c).Append(n);
                i++;
                continue;
            }
            if (c == '(' && i + 1 < pattern.Length && pattern[i + 1] == '?')
            {
                string rest = pattern.Substring(i + 2);
                if (rest.StartsWith("=") || rest.StartsWith("!") || rest.StartsWith("<=") || rest.StartsWith("<!") || rest.StartsWith(">"))
                    throw Fail(pattern, "invalid or unsupported Perl syntax: `(?" + rest.Substring(0, System.Math.Min(2, rest.Length)) + "`");
                if (rest.StartsWith("P<"))
                {
                    sb.Append("(?<");
                    i += 3;
                    continue;
                }
            }
            if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == '[' && i + 2 < pattern.Length && pattern[i + 2] == ':')
                throw Fail(pattern, "POSIX character classes are not supported by HubDsl");
            if ((c == '+' || c == '*' || c == '?' || c == '}') && i + 1 < pattern.Length && pattern[i + 1] == '+')
                throw Fail(pattern, "invalid nested repetition operator");
            sb.Append(c);
        }
        try
        {
            // RE2: $ matches only at the end (no trailing-newline allowance) unless (?m)
            string translated = sb.ToString().Replace("\\z", "\\z");
            return new Regex(translated, RegexOptions.CultureInvariant, Timeout);
        }
        catch (System.ArgumentException e)
        {
            throw Fail(pattern, e.Message);
        }
    }

    private static FunctionException Fail(string pattern, string why) =>
        new("error parsing regexp: " + why + " (pattern " + GoQuote.Quote(pattern) + ")");

    public static string ReplaceAll(string pattern, string s, string repl, bool literal)
    {
        var re = Compile(pattern);
        return Guard(() => re.Replace(s, m => literal ? repl : Expand(repl, m)));
    }

    /// <summary>Go's Expand: $1, ${1}, $name, ${name}; $$ is a dollar; an unknown name expands to "".</summary>
    private static string Expand(string template, Match m)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if (c != '$' || i + 1 >= template.Length)
            {
                sb.Append(c);
                continue;
            }
            if (template[i + 1] == '$')
            {
                sb.Append('$');
                i++;
                continue;
            }
            string name;
            int end;
            if (template[i + 1] == '{')
            {
                int close = template.IndexOf('}', i + 2);
                if (close < 0)
                {
                    sb.Append(c);
                    continue;
                }
                name = template.Substring(i + 2, close - i - 2);
                end = close;
            }
            else
            {
                int j = i + 1;
                while (j < template.Length && (char.IsLetterOrDigit(template[j]) || template[j] == '_')) j++;
                name = template.Substring(i + 1, j - i - 1);
                end = j - 1;
            }
            if (name.Length == 0)
            {
                sb.Append(c);
                continue;
            }
            var g = int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int num) ? m.Groups[num] : m.Groups[name];
            if (g.Success) sb.Append(g.Value);
            i = end;
        }
        return sb.ToString();
    }

    public static string[] Split(string pattern, string s, int n)
    {
        if (n == 0) return new string[0];
        var re = Compile(pattern);
        if (pattern.Length > 0 && s.Length == 0) return new[] { "" };
        var result = new List<string>();
        int beg = 0;
        foreach (Match m in Guard(() => re.Matches(s)))
        {
            if (n > 0 && result.Count == n - 1) break;
            int end = m.Index;
            if (m.Length == 0 && m.Index == 0) continue;
            result.Add(s.Substring(beg, end - beg));
            beg = m.Index + m.Length;
        }
        result.Add(s.Substring(beg));
        return result.ToArray();
    }

    private static T Guard<T>(System.Func<T> f)
    {
        try
        {
            return f();
        }
        catch (RegexMatchTimeoutException)
        {
            throw new FunctionException("regular expression took too long (HubDsl limit)");
        }
    }
}
