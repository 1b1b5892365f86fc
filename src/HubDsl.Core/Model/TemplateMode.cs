using HubDsl.Core.Templating;

namespace HubDsl.Core.Model;

/// <summary>The ApplicationSet's template engine: fasttemplate (default) or Go text/template.</summary>
public sealed record TemplateMode(bool GoTemplate, string? MissingKey)
{
    /// <summary>fasttemplate, Argo CD's default.</summary>
    public static TemplateMode FastTemplate { get; } = new(false, null);

    /// <summary>
    /// A Cluster generator parameter in this mode's syntax. goTemplate reads labels and annotations with
    /// <c>index</c> because a dotted path cannot hold '-' or '/'.
    /// </summary>
    public string Render(ParamKind kind, string? key)
    {
        if (!GoTemplate)
        {
            return kind switch
            {
                ParamKind.Name => "{{name}}",
                ParamKind.NameNormalized => "{{nameNormalized}}",
                ParamKind.Server => "{{server}}",
                ParamKind.Project => "{{project}}",
                ParamKind.Label => "{{metadata.labels." + key + "}}",
                ParamKind.Annotation => "{{metadata.annotations." + key + "}}",
                _ => "{{values." + key + "}}",
            };
        }

        return kind switch
        {
            ParamKind.Name => "{{ .name }}",
            ParamKind.NameNormalized => "{{ .nameNormalized }}",
            ParamKind.Server => "{{ .server }}",
            ParamKind.Project => "{{ .project }}",
            ParamKind.Label => "{{ index .metadata.labels " + GoQuote.Quote(key!) + " }}",
            ParamKind.Annotation => "{{ index .metadata.annotations " + GoQuote.Quote(key!) + " }}",
            _ => IsGoIdentifier(key!) ? "{{ .values." + key + " }}" : "{{ index .values " + GoQuote.Quote(key!) + " }}",
        };
    }

    private static bool IsGoIdentifier(string value)
    {
        if (value.Length == 0 || !(char.IsLetter(value[0]) || value[0] == '_')) return false;
        foreach (var c in value)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
        }

        return true;
    }
}

/// <summary>The Cluster generator's parameters (mirrors <c>HubDsl.TemplateParamKind</c>).</summary>
public enum ParamKind
{
    /// <summary><c>name</c></summary>
    Name,
    /// <summary><c>nameNormalized</c></summary>
    NameNormalized,
    /// <summary><c>server</c></summary>
    Server,
    /// <summary><c>project</c></summary>
    Project,
    /// <summary><c>metadata.labels.KEY</c></summary>
    Label,
    /// <summary><c>metadata.annotations.KEY</c></summary>
    Annotation,
    /// <summary><c>values.KEY</c></summary>
    Value,
}
