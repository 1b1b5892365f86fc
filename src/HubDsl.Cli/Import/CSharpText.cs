using System.Globalization;
using System.Text;
using HubDsl.Core.Model;
using HubDsl.Core.Rendering;

namespace HubDsl.Cli.Import;

/// <summary>C# source text for literals and template strings.</summary>
internal static class CSharpText
{
    /// <summary>A regular string literal, escaped.</summary>
    public static string String(string value)
    {
        var sb = new StringBuilder("\"");
        Escape(sb, value, interpolated: false);
        return sb.Append('"').ToString();
    }

    /// <summary>
    /// A template string: <c>$"agent-{Param.Name}"</c> when it uses parameters, a plain literal otherwise (a raw
    /// template with other actions is kept as written: the DSL passes literal text through).
    /// </summary>
    public static string Template(TemplateText text)
    {
        if (text.IsRaw || !text.HasParams) return String(text.Original);
        if (text.Parts.Count == 1) return Param(text.Parts[0]);
        var sb = new StringBuilder("$\"");
        foreach (var part in text.Parts)
        {
            if (part.Kind is null) Escape(sb, part.Text, interpolated: true);
            else sb.Append('{').Append(Param(part)).Append('}');
        }

        return sb.Append('"').ToString();
    }

    /// <summary>The <c>Param</c> member for a parameter (Core's table names it: <c>Param.Name</c>, <c>Param.Label("env")</c>).</summary>
    public static string Param(TemplatePart part)
    {
        var parameter = ClusterParameter.Of(part.Kind!.Value);
        return "Param." + parameter.DslMember + (parameter.IsKeyed ? "(" + String(part.Key!) + ")" : string.Empty);
    }

    /// <summary>An integer literal.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture) + (value is > int.MaxValue or < int.MinValue ? "L" : string.Empty);

    /// <summary>A double literal that reads back as the same value.</summary>
    public static string Double(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    /// <summary>A comment line's text with no line breaks, so input cannot end the comment.</summary>
    /// <summary>Text for an XML doc comment: '&amp;', '&lt;' and '&gt;' escaped.</summary>
    public static string XmlDoc(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public static string Comment(string text) => text.Replace("\r", " ").Replace("\n", " ").Replace("*/", "* /");

    private static void Escape(StringBuilder sb, string value, bool interpolated)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                case '{' when interpolated: sb.Append("{{"); break;
                case '}' when interpolated: sb.Append("}}"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
    }
}
