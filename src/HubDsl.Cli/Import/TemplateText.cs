using System.Text;
using System.Text.RegularExpressions;
using HubDsl.Core.Model;
using HubDsl.Core.Rendering;

namespace HubDsl.Cli.Import;

/// <summary>
/// A template string of an ApplicationSet, split into literal text and the Cluster generator parameters it uses,
/// so the C# can say <c>$"agent-{Param.Name}"</c> instead of repeating the syntax. A string with template actions
/// that are not plain parameters (a pipeline, a function) is kept <see cref="IsRaw"/>: the DSL passes literal text
/// through as written.
/// </summary>
internal sealed class TemplateText
{
    private TemplateText(string original, IReadOnlyList<TemplatePart> parts, bool isRaw)
    {
        Original = original;
        Parts = parts;
        IsRaw = isRaw;
    }

    /// <summary>The text as the YAML had it.</summary>
    public string Original { get; }

    /// <summary>Literal text and parameters, in order (one literal part when <see cref="IsRaw"/>).</summary>
    public IReadOnlyList<TemplatePart> Parts { get; }

    /// <summary>Whether the text has template actions other than plain parameters.</summary>
    public bool IsRaw { get; }

    /// <summary>Whether the text uses any parameter.</summary>
    public bool HasParams => Parts.Any(p => p.Kind is not null);

    // fasttemplate: {{tag}} with the tag trimmed (Argo CD's applicationset/utils Replace trims the tag).
    private static readonly Regex FastTag = new(@"\{\{(.*?)\}\}", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    // goTemplate actions that are exactly one parameter: {{ .name }}, {{ .metadata.labels.env }}, {{ index .metadata.labels "k" }}.
    private static readonly Regex GoAction = new(@"\{\{-?\s*(.*?)\s*-?\}\}", RegexOptions.CultureInvariant | RegexOptions.Singleline);
    private static readonly Regex GoField = new(@"^\.([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?(?:\.([A-Za-z_][A-Za-z0-9_]*))?$", RegexOptions.CultureInvariant);
    private static readonly Regex GoIndex = new(@"^index\s+\.(metadata\.labels|metadata\.annotations|values)\s+""((?:[^""\\]|\\.)*)""$", RegexOptions.CultureInvariant);

    /// <summary>Splits <paramref name="text"/> as the ApplicationSet's template mode reads it.</summary>
    public static TemplateText Parse(string text, bool goTemplate) => goTemplate ? ParseGo(text) : ParseFast(text);

    /// <summary>A literal with no template syntax.</summary>
    public static TemplateText Literal(string text) => new(text, new[] { new TemplatePart(text, null, null) }, false);

    /// <summary>
    /// The text in one canonical form per meaning: parameters as <c>⟦kind:key⟧</c>, so <c>{{.name}}</c> and
    /// <c>{{ .name }}</c> compare equal.
    /// </summary>
    public string Canonical()
    {
        if (IsRaw) return Original;
        var sb = new StringBuilder();
        foreach (var part in Parts) sb.Append(part.Kind is null ? part.Text : "⟦" + part.Kind + ":" + part.Key + "⟧");
        return sb.ToString();
    }

    private static TemplateText ParseFast(string text)
    {
        var parts = new List<TemplatePart>();
        var at = 0;
        foreach (Match match in FastTag.Matches(text))
        {
            if (match.Index > at) parts.Add(new TemplatePart(text.Substring(at, match.Index - at), null, null));
            var tag = match.Groups[1].Value.Trim();
            if (FastParam(tag) is not { } param) return new TemplateText(text, new[] { new TemplatePart(text, null, null) }, true);
            parts.Add(new TemplatePart(match.Value, param.Kind, param.Key));
            at = match.Index + match.Length;
        }

        if (at < text.Length) parts.Add(new TemplatePart(text.Substring(at), null, null));
        return new TemplateText(text, parts, false);
    }

    /// <summary>The Cluster generator parameter a fasttemplate tag names (Core's table: <c>name</c>, <c>metadata.labels.KEY</c>).</summary>
    private static (ParamKind Kind, string? Key)? FastParam(string tag)
    {
        foreach (var parameter in ClusterParameter.All)
        {
            if (!parameter.IsKeyed && tag == parameter.Key) return (parameter.Kind, null);
            var prefix = parameter.Key + ".";
            if (parameter.IsKeyed && tag.StartsWith(prefix, StringComparison.Ordinal) && tag.Length > prefix.Length) return (parameter.Kind, tag.Substring(prefix.Length));
        }

        return null;
    }

    private static TemplateText ParseGo(string text)
    {
        var parts = new List<TemplatePart>();
        var at = 0;
        foreach (Match match in GoAction.Matches(text))
        {
            // Trim markers ({{- -}}) eat the literal white space beside them: not a plain parameter.
            if (match.Value.StartsWith("{{-", StringComparison.Ordinal) || match.Value.EndsWith("-}}", StringComparison.Ordinal)) return Raw(text);
            if (match.Index > at) parts.Add(new TemplatePart(text.Substring(at, match.Index - at), null, null));
            if (GoParam(match.Groups[1].Value) is not { } param) return Raw(text);
            parts.Add(new TemplatePart(match.Value, param.Kind, param.Key));
            at = match.Index + match.Length;
        }

        if (at < text.Length) parts.Add(new TemplatePart(text.Substring(at), null, null));
        return new TemplateText(text, parts, false);
    }

    private static TemplateText Raw(string text) => new(text, new[] { new TemplatePart(text, null, null) }, true);

    /// <summary>The parameter a goTemplate action reads: <c>.name</c>, <c>.values.key</c>, <c>index .metadata.labels "key"</c>.</summary>
    private static (ParamKind Kind, string? Key)? GoParam(string action)
    {
        var index = GoIndex.Match(action);
        if (index.Success) return Keyed(index.Groups[1].Value, Regex.Unescape(index.Groups[2].Value));

        var field = GoField.Match(action);
        if (!field.Success) return null;
        var path = field.Groups[1].Value + (field.Groups[2].Success ? "." + field.Groups[2].Value : string.Empty);
        var last = field.Groups[3].Success ? field.Groups[3].Value : null;
        if (last is null)
        {
            foreach (var parameter in ClusterParameter.All)
            {
                if (!parameter.IsKeyed && path == parameter.Key) return (parameter.Kind, null);
            }

            // .values.key: a keyed parameter a path may write (ClusterParameter.DottedInGoTemplate).
            var dot = path.IndexOf('.');
            return dot < 0 ? null : Keyed(path.Substring(0, dot), path.Substring(dot + 1), dotted: true);
        }

        return Keyed(path, last);
    }

    private static (ParamKind Kind, string? Key)? Keyed(string map, string key, bool dotted = false)
    {
        foreach (var parameter in ClusterParameter.All)
        {
            if (parameter.IsKeyed && map == parameter.Key && (!dotted || parameter.DottedInGoTemplate)) return (parameter.Kind, key);
        }

        return null;
    }
}

/// <summary>Literal text (<see cref="Kind"/> null) or one parameter, with the text it had in the YAML.</summary>
internal sealed record TemplatePart(string Text, ParamKind? Kind, string? Key);
