using HubDsl.Core.Rendering;

namespace HubDsl.Core.Model;

/// <summary>The ApplicationSet's template engine: fasttemplate (default) or Go text/template.</summary>
public sealed record TemplateMode(bool GoTemplate, string? MissingKey)
{
    /// <summary>fasttemplate, Argo CD's default.</summary>
    public static TemplateMode FastTemplate { get; } = new(false, null);

    /// <summary>A Cluster generator parameter in this mode's syntax (<see cref="ClusterParameter"/>).</summary>
    public string Render(ParamKind kind, string? key)
    {
        var parameter = ClusterParameter.Of(kind);
        return GoTemplate ? parameter.InGoTemplate(key) : parameter.InFastTemplate(key);
    }
}
