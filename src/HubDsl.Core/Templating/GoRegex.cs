using System.Collections.Generic;
using System.Linq;
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

    /// <summary>Thrown for patterns RE2 itself rejects (sprig's regexMatch turns those into false).</summary>
    public sealed class InvalidPatternException : System.Exception
    {
        public InvalidPatternException(string message) : base(message) { }
    }

    public static Regex Compile(string pattern)
    {
        try
        {
            return CompileOrThrow(pattern);
        }
        catch (InvalidPatternException e)
        {
            // Go's MustCompile panic text; the detail after "error parsing regexp:" is .NET's wording
            throw new FunctionException("regexp: Compile(" + BackQuote(pattern) + "): " + e.Message);
        }
    }

    /// <summary>regexp.MatchString ignoring the error, as sprig's regexMatch does.</summary>
    public static bool MatchOrFalse(string pattern, string s)
    {
        Regex re;
        try
        {
            re = CompileOrThrow(pattern);
        }
        catch (InvalidPatternException)
        {
            return false;
        }
        return Guard(() => re.IsMatch(s));
    }

    private static string BackQuote(string s) =>
        s.IndexOf('`') < 0 && s.All(c => c == '\t' || (c >= ' ' && c != '\u007f')) ? "`" + s + "`" : GoQuote.Quote(s);

    private static Regex CompileOrThrow(string pattern)
    {
        CheckParens(pattern);
        var sb = new StringBuilder();
        bool inClass = false;
        // (?m) anywhere makes '$' a line anchor in both engines; otherwise Go's '$' is end of text only
        bool multiline = System.Text.RegularExpressions.Regex.IsMatch(pattern, @"\(\?[a-zA-Z]*m");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                char n = pattern[i + 1];
                i++;
                if (char.IsDigit(n) && n != '0') throw Invalid("invalid escape sequence: `\\" + n + "`");
                // RE2 knows only these letter escapes; any other letter is a syntax error in Go
                if (((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z')) && "afntrvxpPdDsSwWbBAzQE".IndexOf(n) < 0)
                    throw Invalid("invalid escape sequence: `\\" + n + "`");
                if (n == 'Q' || n == 'E') throw Fail(pattern, "\\Q...\\E quoting");
                if (n == 'p' || n == 'P')
                {
                    // one-letter general categories (\pL) and braced ones .NET also knows (\p{Lu}); Go's script names differ
                    string? cat = null;
                    int consumed = 0;
                    if (i + 1 < pattern.Length && pattern[i + 1] != '{') { cat = pattern[i + 1].ToString(); consumed = 1; }
                    else if (i + 1 < pattern.Length)
                    {
                        int close = pattern.IndexOf('}', i + 1);
                        if (close > 0) { cat = pattern.Substring(i + 2, close - i - 2); consumed = close - i; }
                    }
                    if (cat == null || !System.Text.RegularExpressions.Regex.IsMatch(cat, "^[LMNPSZC][a-z]?$"))
                        throw Fail(pattern, "Unicode class \\" + n + (cat ?? "") + " (only general categories are translated)");
                    sb.Append('\\').Append(n).Append('{').Append(cat).Append('}');
                    i += consumed;
                    continue;
                }
                // Go's \d \w \s \b are ASCII-only; .NET's are Unicode
                string? ascii = n switch
                {
                    'd' => "0-9",
                    'w' => "0-9A-Za-z_",
                    's' => "\\t\\n\\f\\r ",
                    _ => null,
                };
                if (ascii != null)
                {
                    sb.Append(inClass ? ascii : "[" + ascii + "]");
                    continue;
                }
                if (n == 'D' || n == 'W' || n == 'S')
                {
                    string neg = n == 'D' ? "0-9" : n == 'W' ? "0-9A-Za-z_" : "\\t\\n\\f\\r ";
                    if (inClass) throw Fail(pattern, "negated class escape inside a character class");
                    sb.Append("[^" + neg + "]");
                    continue;
                }
                if (n == 'b' && !inClass)
                {
                    sb.Append("(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))");
                    continue;
                }
                if (n == 'B' && !inClass)
                {
                    sb.Append("(?:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?<![0-9A-Za-z_])(?![0-9A-Za-z_]))");
                    continue;
                }
                sb.Append(c).Append(n);
                continue;
            }
            if (inClass)
            {
                if (c == ']') inClass = false;
                if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':')
                {
                    int close = pattern.IndexOf(":]", i + 2, System.StringComparison.Ordinal);
                    string name = close > 0 ? pattern.Substring(i + 2, close - i - 2) : "";
                    if (!PosixClasses.TryGetValue(name, out var range)) throw Fail(pattern, "POSIX class [:" + name + ":]");
                    sb.Append(range);
                    i = close + 1;
                    continue;
                }
                if (c == '[') sb.Append('\\');
                sb.Append(c);
                continue;
            }
            if (c == '[')
            {
                inClass = true;
                sb.Append(c);
                // a leading ']' (after an optional '^') is a literal in both engines
                if (i + 1 < pattern.Length && pattern[i + 1] == '^') { sb.Append('^'); i++; }
                if (i + 1 < pattern.Length && pattern[i + 1] == ']') { sb.Append("\\]"); i++; }
                continue;
            }
            if (c == '(' && i + 1 < pattern.Length && pattern[i + 1] == '?')
            {
                string rest = pattern.Substring(i + 2);
                if (rest.StartsWith("=") || rest.StartsWith("!") || rest.StartsWith("<=") || rest.StartsWith("<!") || rest.StartsWith(">") || rest.StartsWith("(") || rest.StartsWith("#"))
                    throw Invalid("invalid or unsupported Perl syntax: `(?" + rest.Substring(0, System.Math.Min(1, rest.Length)) + "`");
                if (rest.StartsWith("P<"))
                {
                    sb.Append("(?<");
                    i += 3;
                    continue;
                }
            }
            if ((c == '+' || c == '*' || c == '?' || c == '}') && i + 1 < pattern.Length && pattern[i + 1] == '+')
                throw Invalid("invalid nested repetition operator: `" + c + "+`");
            if (c == '$' && !multiline)
            {
                sb.Append("\\z");
                continue;
            }
            sb.Append(c);
        }
        try
        {
            return new Regex(sb.ToString(), RegexOptions.CultureInvariant, Timeout);
        }
        catch (System.ArgumentException e)
        {
            throw Invalid(e.Message);
        }
    }

    // RE2's ASCII POSIX classes, as ranges usable inside a .NET character class
    private static readonly Dictionary<string, string> PosixClasses = new()
    {
        ["alnum"] = "0-9A-Za-z",
        ["alpha"] = "A-Za-z",
        ["ascii"] = "\\x00-\\x7F",
        ["blank"] = "\\t ",
        ["cntrl"] = "\\x00-\\x1F\\x7F",
        ["digit"] = "0-9",
        ["graph"] = "!-~",
        ["lower"] = "a-z",
        ["print"] = " -~",
        ["punct"] = "!-/:-@\\[-`{-~",
        ["space"] = "\\t\\n\\v\\f\\r ",
        ["upper"] = "A-Z",
        ["word"] = "0-9A-Za-z_",
        ["xdigit"] = "0-9A-Fa-f",
    };

    // Go's wording for the commonest syntax errors (the .NET message is kept for the rest)
    private static void CheckParens(string pattern)
    {
        int depth = 0;
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\') { i++; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') { inClass = true; if (i + 1 < pattern.Length && pattern[i + 1] == '^') i++; if (i + 1 < pattern.Length && pattern[i + 1] == ']') i++; continue; }
            if (c == '(') depth++;
            else if (c == ')' && --depth < 0) throw Invalid("unexpected ): `" + pattern + "`");
        }
        if (inClass) throw Invalid("missing closing ]: `" + pattern.Substring(pattern.LastIndexOf('[')) + "`");
        if (depth > 0) throw Invalid("missing closing ): `" + pattern + "`");
    }

    private static InvalidPatternException Invalid(string why) => new("error parsing regexp: " + why);

    private static FunctionException Fail(string pattern, string why) =>
        new("regular expression " + GoQuote.Quote(pattern) + " uses RE2 syntax HubDsl does not translate: " + why);

    /// <summary>Regexp.ReplaceAllString / ReplaceAllLiteralString, including Go's rule for empty matches.</summary>
    public static string ReplaceAll(string pattern, string s, string repl, bool literal)
    {
        var re = Compile(pattern);
        var sb = new StringBuilder();
        int lastMatchEnd = 0;
        int searchPos = 0;
        while (searchPos <= s.Length)
        {
            var m = Guard(() => re.Match(s, searchPos));
            if (!m.Success) break;
            int start = m.Index, end = m.Index + m.Length;
            sb.Append(s, lastMatchEnd, start - lastMatchEnd);
            // no replacement for an empty match right after the previous match
            if (end > lastMatchEnd || start == 0) sb.Append(literal ? repl : Expand(repl, m));
            lastMatchEnd = end;
            int width = searchPos < s.Length && char.IsHighSurrogate(s[searchPos]) && searchPos + 1 < s.Length ? 2 : 1;
            if (searchPos + width > end) searchPos += width;
            else if (searchPos + 1 > end) searchPos++;
            else searchPos = end;
        }
        if (lastMatchEnd < s.Length) sb.Append(s, lastMatchEnd, s.Length - lastMatchEnd);
        return sb.ToString();
    }

    /// <summary>Regexp.FindAllStringIndex: an empty match right after the previous match is skipped.</summary>
    public static List<Match> FindAll(Regex re, string s, int n)
    {
        var result = new List<Match>();
        int pos = 0, prevMatchEnd = -1;
        while ((n < 0 || result.Count < n) && pos <= s.Length)
        {
            var m = Guard(() => re.Match(s, pos));
            if (!m.Success) break;
            bool accept = true;
            int end = m.Index + m.Length;
            if (end == pos)
            {
                if (m.Index == prevMatchEnd) accept = false;
                pos += pos < s.Length && char.IsHighSurrogate(s[pos]) && pos + 1 < s.Length ? 2 : 1;
            }
            else
            {
                pos = end;
            }
            prevMatchEnd = end;
            if (accept) result.Add(m);
        }
        return result;
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

    /// <summary>Regexp.Split.</summary>
    public static string[] Split(string pattern, string s, int n)
    {
        if (n == 0) return new string[0];
        var re = Compile(pattern);
        if (pattern.Length > 0 && s.Length == 0) return new[] { "" };
        var result = new List<string>();
        int beg = 0, end = 0;
        foreach (var m in FindAll(re, s, n))
        {
            if (n > 0 && result.Count == n - 1) break;
            end = m.Index;
            if (m.Index + m.Length != 0) result.Add(s.Substring(beg, end - beg));
            beg = m.Index + m.Length;
        }
        if (end != s.Length) result.Add(s.Substring(beg));
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
