namespace HubDsl;

/// <summary>
/// The parameters Argo CD's Cluster generator produces for each cluster. Use them in template strings
/// (<c>$"agent-{Param.Name}"</c>); the build writes each in the syntax of the ApplicationSet's template
/// mode, so a misspelt parameter does not compile.
/// </summary>
public static class Param
{
    /// <summary>The cluster's name (<c>{{name}}</c>).</summary>
    public static TemplateParam Name { get; } = new TemplateParam(TemplateParamKind.Name, null);

    /// <summary>The cluster's name normalized to a DNS-friendly form (<c>{{nameNormalized}}</c>).</summary>
    public static TemplateParam NameNormalized { get; } = new TemplateParam(TemplateParamKind.NameNormalized, null);

    /// <summary>The cluster's API server URL (<c>{{server}}</c>).</summary>
    public static TemplateParam Server { get; } = new TemplateParam(TemplateParamKind.Server, null);

    /// <summary>The cluster's project, or empty (<c>{{project}}</c>).</summary>
    public static TemplateParam Project { get; } = new TemplateParam(TemplateParamKind.Project, null);

    /// <summary>A label of the cluster Secret (<c>{{metadata.labels.KEY}}</c>).</summary>
    public static TemplateParam Label(string key) => new TemplateParam(TemplateParamKind.Label, key);

    /// <summary>An annotation of the cluster Secret (<c>{{metadata.annotations.KEY}}</c>).</summary>
    public static TemplateParam Annotation(string key) => new TemplateParam(TemplateParamKind.Annotation, key);

    /// <summary>A value declared in the <see cref="ClusterGenerator"/>'s values (<c>{{values.KEY}}</c>).</summary>
    public static TemplateParam Value(string key) => new TemplateParam(TemplateParamKind.Value, key);
}
