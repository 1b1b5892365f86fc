namespace HubDsl;

/// <summary>One Cluster generator parameter; see <see cref="Param"/>.</summary>
public sealed class TemplateParam
{
    internal TemplateParam(TemplateParamKind kind, string? key)
    {
        Kind = kind;
        Key = key;
    }

    /// <summary>Which parameter.</summary>
    public TemplateParamKind Kind { get; }

    /// <summary>The label, annotation or value key, where the kind has one.</summary>
    public string? Key { get; }

    /// <summary>
    /// The fasttemplate form, for display only: the build writes the ApplicationSet's own syntax. (The same forms as
    /// HubDsl.Core's <c>ClusterParameter</c> table, which the DSL cannot reference; a Core test ties the two.)
    /// </summary>
    public override string ToString() => Kind switch
    {
        TemplateParamKind.Name => "{{name}}",
        TemplateParamKind.NameNormalized => "{{nameNormalized}}",
        TemplateParamKind.Server => "{{server}}",
        TemplateParamKind.Project => "{{project}}",
        TemplateParamKind.Label => "{{metadata.labels." + Key + "}}",
        TemplateParamKind.Annotation => "{{metadata.annotations." + Key + "}}",
        _ => "{{values." + Key + "}}",
    };

    /// <summary>A parameter can stand wherever a template string can.</summary>
    public static implicit operator string(TemplateParam param) => param.ToString();
}

/// <summary>The Cluster generator's parameter kinds (in the order of HubDsl.Core's <c>ClusterParameter</c> table).</summary>
public enum TemplateParamKind
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
