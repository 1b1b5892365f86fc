using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Charts;

/// <summary>
/// Reads the doc comments of a values.yaml. The YAML reader drops comments but keeps where each key starts
/// (<see cref="YamlMapping.KeyOrigins"/>), so this scanner looks at the comment lines directly above each key
/// (helm-docs takes the node's head comment, pkg/document/values.go getDescriptionFromNode) and at the whole text
/// for the path-addressed forms (helm-docs' old style, bitnami's @param).
/// </summary>
public static class ValuesDocs
{
    private static readonly Regex BitnamiParam = new(@"^\s*##\s*@(param|extra)\s+(\S+)\s*((?:\[[^\]]*\]\s*)*)(.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex OldStyle = new(@"^\s*#\s*([A-Za-z0-9_""./-]+(?:\.[A-Za-z0-9_""./-]+)*)\s+--\s?(.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex NewStyle = new(@"^\s*#\s*--\s?(.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex TypePrefix = new(@"^\(([A-Za-z0-9\[\]/ ,.-]+)\)\s*(.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
    private static readonly Regex DefaultLine = new(@"^\s*#\s*@default\s*--\s?(.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex Annotation = new(@"^\s*#\s*@\w+", RegexOptions.CultureInvariant);

    /// <summary>The documented keys of a values.yaml (text and its parsed mapping, for the key positions).</summary>
    public static IReadOnlyDictionary<ValuesPath, ValueDoc> Read(string text, YamlMapping values)
    {
        var docs = new Dictionary<ValuesPath, ValueDoc>();
        if (string.IsNullOrEmpty(text)) return docs;
        var lines = SplitLines(text, out var lineStarts);

        // Path-addressed forms first; a comment above the key itself wins.
        foreach (var line in lines)
        {
            var bitnami = BitnamiParam.Match(line);
            if (bitnami.Success)
            {
                var modifiers = bitnami.Groups[3].Value;
                string? type = null;
                string? defaultText = null;
                foreach (Match m in Regex.Matches(modifiers, @"\[([^\]]*)\]"))
                {
                    foreach (var part in m.Groups[1].Value.Split(','))
                    {
                        var p = part.Trim();
                        if (p.StartsWith("default:", StringComparison.Ordinal)) defaultText = p.Substring("default:".Length).Trim();
                        else if (p is "array" or "object" or "string") type = p;
                    }
                }

                var description = bitnami.Groups[4].Value.Trim();
                if (description.Length > 0) docs[new ValuesPath(bitnami.Groups[2].Value.Split('.'))] = new ValueDoc(description, type, defaultText);
                continue;
            }

            if (NewStyle.IsMatch(line)) continue;
            var old = OldStyle.Match(line);
            if (old.Success && old.Groups[2].Value.Trim().Length > 0 && !line.TrimStart().StartsWith("##", StringComparison.Ordinal))
            {
                var (description, type) = SplitType(old.Groups[2].Value.Trim());
                docs[ValuesPath.Parse(old.Groups[1].Value)] = new ValueDoc(description, type, null);
            }
        }

        Walk(values, new List<string>(), lines, lineStarts, docs, 0);
        return docs;
    }

    private static void Walk(YamlMapping mapping, List<string> path, string[] lines, int[] lineStarts, Dictionary<ValuesPath, ValueDoc> docs, int depth)
    {
        if (depth > 64) return;
        foreach (var entry in mapping)
        {
            path.Add(entry.Key);
            if (mapping.KeyOrigins != null && mapping.KeyOrigins.TryGetValue(entry.Key, out var origin))
            {
                var line = LineOf(lineStarts, origin.Start);
                if (HeadComment(lines, line) is { } doc) docs[new ValuesPath(path)] = doc;
            }

            if (entry.Value is YamlMapping child) Walk(child, path, lines, lineStarts, docs, depth + 1);
            path.RemoveAt(path.Count - 1);
        }
    }

    // The comment lines directly above the key's line; helm-docs keeps the last "# --" group of them.
    private static ValueDoc? HeadComment(string[] lines, int keyLine)
    {
        var first = keyLine;
        while (first > 0 && lines[first - 1].TrimStart().StartsWith("#", StringComparison.Ordinal)) first--;
        var start = -1;
        for (var i = keyLine - 1; i >= first; i--)
        {
            if (NewStyle.IsMatch(lines[i]))
            {
                start = i;
                break;
            }
        }

        if (start < 0) return null;
        var description = new List<string> { NewStyle.Match(lines[start]).Groups[1].Value.TrimEnd() };
        string? defaultText = null;
        var inDescription = true;
        for (var i = start + 1; i < keyLine; i++)
        {
            var d = DefaultLine.Match(lines[i]);
            if (d.Success)
            {
                defaultText = d.Groups[1].Value.Trim();
                inDescription = false;
                continue;
            }

            if (Annotation.IsMatch(lines[i])) { inDescription = false; continue; }
            if (inDescription) description.Add(Regex.Replace(lines[i], @"^\s*#\s?", "").TrimEnd());
        }

        var (text, type) = SplitType(string.Join("\n", description).Trim());
        return text.Length == 0 && type == null ? null : new ValueDoc(text, type, defaultText);
    }

    private static (string Description, string? Type) SplitType(string text)
    {
        var m = TypePrefix.Match(text);
        return m.Success ? (m.Groups[2].Value.Trim(), m.Groups[1].Value.Trim()) : (text, null);
    }

    private static string[] SplitLines(string text, out int[] starts)
    {
        var lines = text.Split('\n');
        starts = new int[lines.Length];
        var offset = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            starts[i] = offset;
            offset += lines[i].Length + 1;
            lines[i] = lines[i].TrimEnd('\r');
        }

        return lines;
    }

    private static int LineOf(int[] starts, int offset)
    {
        var i = Array.BinarySearch(starts, offset);
        return i >= 0 ? i : ~i - 1;
    }
}
