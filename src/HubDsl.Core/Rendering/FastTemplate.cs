using System;
using System.Collections.Generic;
using System.Text;
using HubDsl.Core.Templating;

namespace HubDsl.Core.Rendering;

/// <summary>
/// Argo CD's default template mode (applicationset/utils/utils.go Render.Replace with
/// valyala/fasttemplate): <c>{{ key }}</c> is looked up as one flat, whitespace-trimmed, case-sensitive key;
/// unknown keys, non-string values and empty tags are written back unchanged; output is never re-scanned.
/// </summary>
public static class FastTemplate
{
    private const string StartTag = "{{";
    private const string EndTag = "}}";

    /// <summary>
    /// Whether Argo CD processes the string at all: a <c>{{</c> followed later on the same line by <c>}}</c>
    /// (Argo's regex <c>.*{{.*}}.*</c>, where '.' does not match a line break).
    /// </summary>
    public static bool IsTemplated(string text)
    {
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            var open = text.IndexOf(StartTag, lineStart, lineEnd - lineStart, StringComparison.Ordinal);
            if (open >= 0 && text.IndexOf(EndTag, open + 2, lineEnd - open - 2, StringComparison.Ordinal) >= 0) return true;
            lineStart = lineEnd + 1;
        }

        return false;
    }

    /// <summary>
    /// Renders one string. <paramref name="onUnresolved"/> is called with the trimmed key of every tag
    /// written back literally (Argo CD itself says nothing).
    /// </summary>
    /// <exception cref="FastTemplateException">The string qualified and has a <c>{{</c> with no <c>}}</c> after it.</exception>
    public static string Render(string text, IReadOnlyDictionary<string, object?> parameters, Action<string>? onUnresolved = null) =>
        Render(text, parameters, onUnresolved, new WorkBudget(WorkBudget.DefaultMaxSteps, WorkBudget.DefaultMaxOutputCharacters));

    /// <summary>Renders one string within <paramref name="budget"/>: a step per tag, and output no longer than what is left.</summary>
    /// <exception cref="WorkLimitExceededException">The budget ran out.</exception>
    internal static string Render(string text, IReadOnlyDictionary<string, object?> parameters, Action<string>? onUnresolved, WorkBudget budget)
    {
        budget.Spend(1 + (text.Length / 16));
        if (!IsTemplated(text)) return text;
        var sb = new StringBuilder(text.Length);
        var pos = 0;
        while (true)
        {
            var open = text.IndexOf(StartTag, pos, StringComparison.Ordinal);
            if (open < 0)
            {
                sb.Append(text, pos, text.Length - pos);
                return sb.ToString();
            }

            sb.Append(text, pos, open - pos);
            var tagStart = open + StartTag.Length;
            // The end tag may be on a later line: only qualification is line-bound, not parsing.
            var close = text.IndexOf(EndTag, tagStart, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FastTemplateException(
                    "invalid template: Cannot find end tag=" + GoQuote.Quote(EndTag) + " in the template=" + GoQuote.Quote(text) + " starting from " + GoQuote.Quote(text.Substring(tagStart)));
            }

            budget.Spend(1);
            var tag = text.Substring(tagStart, close - tagStart);
            var key = tag.Trim(GoSpace);
            if (key.Length > 0 && parameters.TryGetValue(key, out var value) && value is string replacement)
            {
                sb.Append(replacement);
            }
            else
            {
                sb.Append(StartTag).Append(tag).Append(EndTag);
                onUnresolved?.Invoke(key);
            }

            pos = close + EndTag.Length;
            if (sb.Length > budget.RemainingOutput) throw new WorkLimitExceededException(WorkLimit.Output, budget.MaxOutputCharacters);
        }
    }

    // Go's strings.TrimSpace trims Unicode white space.
    private static readonly char[] GoSpace = { ' ', '\t', '\n', '\v', '\f', '\r', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000' };
}
