using System;
using System.Collections.Generic;
using System.Text;

namespace HubDsl.Core.Yaml;

/// <summary>
/// Writes <see cref="YamlNode"/> trees as block YAML: two-space indentation, sequences indented under
/// their key, keys in insertion order, '\n' line endings. Same tree, same bytes.
/// </summary>
public static class YamlWriter
{
    /// <summary>Writes one document, optionally preceded by comment lines.</summary>
    public static string Write(YamlNode document, params string[] headerComments)
    {
        var sb = new StringBuilder();
        foreach (var comment in headerComments)
        {
            foreach (var line in comment.Split('\n'))
            {
                sb.Append(line.Length == 0 ? "#" : "# " + line).Append('\n');
            }
        }

        WriteRoot(sb, document);
        return sb.ToString();
    }

    /// <summary>Writes several documents separated by <c>---</c>, after the header comments.</summary>
    public static string WriteDocuments(IEnumerable<YamlNode> documents, params string[] headerComments)
    {
        var sb = new StringBuilder(Write(new YamlMapping(), headerComments).Replace("{}\n", string.Empty));
        var first = true;
        foreach (var document in documents)
        {
            if (!first) sb.Append("---\n");
            first = false;
            WriteRoot(sb, document);
        }

        return sb.ToString();
    }

    private static void WriteRoot(StringBuilder sb, YamlNode node)
    {
        switch (node)
        {
            case YamlMapping { Count: > 0 } mapping:
                WriteMappingEntries(sb, mapping, 0);
                break;
            case YamlSequence { Count: > 0 } sequence:
                WriteSequenceItems(sb, sequence, 0);
                break;
            default:
                sb.Append(Inline(node, 0)).Append('\n');
                break;
        }
    }

    private static void WriteMappingEntries(StringBuilder sb, YamlMapping mapping, int indent)
    {
        var first = true;
        foreach (var entry in mapping)
        {
            // The first key of a mapping inside a sequence item shares the "- " line.
            if (!first || indent == 0 || sb.Length == 0 || sb[sb.Length - 1] == '\n') Indent(sb, indent);
            first = false;
            sb.Append(YamlQuoting.Inline(entry.Key)).Append(':');
            WriteValueAfterKey(sb, entry.Value, indent);
        }
    }

    private static void WriteSequenceItems(StringBuilder sb, YamlSequence sequence, int indent)
    {
        foreach (var item in sequence)
        {
            Indent(sb, indent);
            sb.Append('-');
            switch (item)
            {
                case YamlMapping { Count: > 0 } mapping:
                    sb.Append(' ');
                    WriteMappingEntries(sb, mapping, indent + 2);
                    break;
                case YamlSequence { Count: > 0 } nested:
                    sb.Append('\n');
                    WriteSequenceItems(sb, nested, indent + 2);
                    break;
                default:
                    sb.Append(' ').Append(Inline(item, indent + 2)).Append('\n');
                    break;
            }
        }
    }

    private static void WriteValueAfterKey(StringBuilder sb, YamlNode value, int indent)
    {
        switch (value)
        {
            case YamlMapping { Count: > 0 } mapping:
                sb.Append('\n');
                WriteMappingEntries(sb, mapping, indent + 2);
                break;
            case YamlSequence { Count: > 0 } sequence:
                sb.Append('\n');
                WriteSequenceItems(sb, sequence, indent + 2);
                break;
            default:
                sb.Append(' ').Append(Inline(value, indent + 2)).Append('\n');
                break;
        }
    }

    // Scalars and empty collections; a multi-line string becomes a literal block indented at blockIndent.
    private static string Inline(YamlNode node, int blockIndent)
    {
        switch (node)
        {
            case YamlMapping:
                return "{}";
            case YamlSequence:
                return "[]";
            case YamlScalar { Kind: ScalarKind.String } s when YamlQuoting.CanBeLiteralBlock(s.Value):
                return LiteralBlock(s.Value, blockIndent);
            case YamlScalar { Kind: ScalarKind.String } s:
                return YamlQuoting.Inline(s.Value);
            case YamlScalar s:
                return s.Value;
            default:
                throw new InvalidOperationException("Unknown YAML node " + node.GetType().Name);
        }
    }

    private static string LiteralBlock(string value, int indent)
    {
        // Chomping: '-' strips the final newline, '+' keeps extra ones, none keeps exactly one.
        var trailing = 0;
        while (trailing < value.Length && value[value.Length - 1 - trailing] == '\n') trailing++;
        var chomp = trailing == 0 ? "-" : trailing == 1 ? "" : "+";
        var body = trailing == 1 ? value.Substring(0, value.Length - 1) : value.Substring(0, value.Length - trailing);
        var sb = new StringBuilder("|").Append(chomp);
        foreach (var line in body.Split('\n'))
        {
            sb.Append('\n');
            if (line.Length > 0) sb.Append(' ', Math.Max(indent, 2)).Append(line);
        }

        for (var i = 1; i < trailing; i++) sb.Append('\n');
        return sb.ToString();
    }

    private static void Indent(StringBuilder sb, int indent) => sb.Append(' ', indent);
}
