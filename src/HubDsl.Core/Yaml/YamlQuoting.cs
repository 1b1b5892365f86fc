using System;
using System.Text;

namespace HubDsl.Core.Yaml;

/// <summary>
/// Chooses how a string scalar is written so that every YAML 1.1 and 1.2 reader (Go's yaml.v2/v3 in
/// Helm and Argo CD, YamlDotNet, PyYAML) reads back the same string. Plain style is used only for a
/// conservative safe set; everything else is single-quoted, double-quoted with escapes, or a literal block.
/// </summary>
public static class YamlQuoting
{
    // Words some YAML version reads as a bool or null (YAML 1.1 booleans include y/n/on/off).
    private static readonly System.Collections.Generic.HashSet<string> SpecialWords = new(StringComparer.Ordinal)
    {
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
    };

    /// <summary>
    /// Whether the string may be written without quotes: it starts with a letter, '_' or '/', holds only
    /// characters that are never indicators (letters, digits and <c>_./:@+=~-</c>), is no special word, and has
    /// no ':' at the end or doubled. Hand-written rather than a regex: it runs for every scalar the emitter writes.
    /// </summary>
    public static bool CanBePlain(string value)
    {
        if (value.Length == 0 || value == "_" || SpecialWords.Contains(value)) return false;
        var first = value[0];
        if (!(IsAsciiLetter(first) || first == '_' || first == '/')) return false;
        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (IsAsciiLetter(c) || (c >= '0' && c <= '9')) continue;
            switch (c)
            {
                case '_': case '.': case '/': case '@': case '+': case '=': case '~': case '-':
                    continue;
                case ':':
                    if (i == value.Length - 1 || value[i + 1] == ':') return false;
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    /// <summary>Whether the string is fit for a literal block (<c>|</c>): multi-line, printable, no CR.</summary>
    public static bool CanBeLiteralBlock(string value)
    {
        if (value.IndexOf('\n') < 0 || value.Length == 0) return false;
        // A leading space or blank first line would need an indentation indicator; keep it simple.
        if (value[0] == ' ' || value[0] == '\n' || value[0] == '\t') return false;
        foreach (var c in value)
        {
            if (c == '\n') continue;
            if (!IsPrintableInQuotes(c) || c == '\t') return false;
        }

        // Lines that end in spaces survive in literal blocks, but editors strip them; quote instead.
        foreach (var line in value.Split('\n'))
        {
            if (line.EndsWith(" ", StringComparison.Ordinal)) return false;
        }

        return true;
    }

    /// <summary>Whether the string can be single-quoted (printable, one line).</summary>
    public static bool CanBeSingleQuoted(string value)
    {
        foreach (var c in value)
        {
            if (!IsPrintableInQuotes(c)) return false;
        }

        return true;
    }

    /// <summary>Writes the string single-quoted.</summary>
    public static string SingleQuote(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>Writes the string double-quoted with YAML escapes.</summary>
    public static string DoubleQuote(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                case '\u0085': sb.Append("\\N"); break;
                case '\u2028': sb.Append("\\L"); break;
                case '\u2029': sb.Append("\\P"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        sb.Append(c).Append(value[i + 1]);
                        i++;
                    }
                    else if (char.IsSurrogate(c) || !IsPrintableInQuotes(c))
                    {
                        // Lone surrogates cannot be encoded in UTF-8; escape everything unprintable by code.
                        sb.Append(c < 0x100 ? "\\x" + ((int)c).ToString("X2") : "\\u" + ((int)c).ToString("X4"));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>The scalar as it should appear in a flow or block position on one line.</summary>
    public static string Inline(string value)
    {
        if (CanBePlain(value)) return value;
        return CanBeSingleQuoted(value) ? SingleQuote(value) : DoubleQuote(value);
    }

    // YAML's printable set, minus characters some parsers treat as line breaks or BOMs.
    private static bool IsPrintableInQuotes(char c) =>
        c >= 0x20 && c != 0x7F
        && !(c >= 0x80 && c <= 0x9F)
        && c != '\u2028' && c != '\u2029' && c != '\uFEFF'
        && !char.IsSurrogate(c)
        && c != '\uFFFE' && c != '\uFFFF';
}
