using System;
using System.Collections.Generic;
using HubDsl.Core.Templating;

namespace HubDsl.Core.Rendering;

/// <summary>
/// The parameters Argo CD's Cluster generator gives each cluster (applicationset/generators/cluster.go
/// <c>getClusterParameters</c>, and <c>GenerateParams</c> for the in-cluster pseudo-cluster), one row each: the key,
/// how each template mode writes it, the <c>HubDsl.Param</c> member that stands for it, and its value. The generator,
/// the binders (<c>Param.X</c> in a template string), <c>TemplateMode</c> and the analyzers' hints all read this
/// table: a new parameter is a row here, plus its <c>HubDsl.Param</c> member and <c>HubDsl.TemplateParamKind</c>
/// (the DSL ships without Core; a test ties them to this table).
/// </summary>
public sealed class ClusterParameter
{
    /// <summary><c>name</c>: <c>data.name</c> verbatim.</summary>
    public static readonly ClusterParameter Name = new(ParamKind.Name, "Name", "name", cluster => cluster.Name);

    /// <summary><c>nameNormalized</c>: the name made DNS-friendly (applicationset/utils <c>SanitizeName</c>).</summary>
    public static readonly ClusterParameter NameNormalized = new(ParamKind.NameNormalized, "NameNormalized", "nameNormalized", cluster => ArgoNames.Normalize(cluster.Name));

    /// <summary><c>server</c>: <c>data.server</c> verbatim (a trailing '/' is kept).</summary>
    public static readonly ClusterParameter Server = new(ParamKind.Server, "Server", "server", cluster => cluster.Server);

    /// <summary><c>project</c>: <c>data.project</c>, or "" without one.</summary>
    public static readonly ClusterParameter Project = new(ParamKind.Project, "Project", "project", cluster => cluster.Project ?? string.Empty);

    /// <summary><c>metadata.labels.KEY</c>: a label of the Secret (the in-cluster pseudo-cluster has none).</summary>
    public static readonly ClusterParameter Label = new(ParamKind.Label, "Label", "metadata.labels", value: null);

    /// <summary><c>metadata.annotations.KEY</c>: an annotation of the Secret.</summary>
    public static readonly ClusterParameter Annotation = new(ParamKind.Annotation, "Annotation", "metadata.annotations", value: null);

    /// <summary><c>values.KEY</c>: a value of the generator's <c>values</c>, rendered for the cluster.</summary>
    public static readonly ClusterParameter Value = new(ParamKind.Value, "Value", "values", value: null, dottedInGoTemplate: true);

    private readonly Func<ClusterInfo, string>? _value;

    private ClusterParameter(ParamKind kind, string dslMember, string key, Func<ClusterInfo, string>? value, bool dottedInGoTemplate = false)
    {
        Kind = kind;
        DslMember = dslMember;
        Key = key;
        _value = value;
        DottedInGoTemplate = dottedInGoTemplate;
    }

    /// <summary>Every parameter, in <see cref="ParamKind"/> order.</summary>
    public static IReadOnlyList<ClusterParameter> All { get; } = new[] { Name, NameNormalized, Server, Project, Label, Annotation, Value };

    /// <summary>Which parameter (the row's index in <see cref="All"/>).</summary>
    public ParamKind Kind { get; }

    /// <summary>The member of <c>HubDsl.Param</c> that writes it.</summary>
    public string DslMember { get; }

    /// <summary>The key of a plain parameter (<c>name</c>), or the map a keyed one is read from (<c>metadata.labels</c>).</summary>
    public string Key { get; }

    /// <summary>Whether it is read by a key (a label, an annotation, a value): <c>Param.Label("env")</c>.</summary>
    public bool IsKeyed => _value is null;

    /// <summary>
    /// Whether goTemplate may write a key that is a Go identifier as a path (<c>.values.revision</c>); labels and
    /// annotations always use <c>index</c>, since a label key may hold '-', '.' or '/' (a path cannot).
    /// </summary>
    public bool DottedInGoTemplate { get; }

    /// <summary>The parameter of a kind.</summary>
    public static ClusterParameter Of(ParamKind kind) => All[(int)kind];

    /// <summary>The parameter a <c>HubDsl.Param</c> member writes, or null for a member that is not one.</summary>
    public static ClusterParameter? ForDslMember(string member)
    {
        foreach (var parameter in All)
        {
            if (parameter.DslMember == member) return parameter;
        }

        return null;
    }

    /// <summary>The flat key fasttemplate looks up: <c>name</c>, <c>metadata.labels.env</c>.</summary>
    public string FlatKey(string? key) => IsKeyed ? Key + "." + key : Key;

    /// <summary>The parameter in fasttemplate syntax: <c>{{name}}</c>, <c>{{metadata.labels.env}}</c>.</summary>
    public string InFastTemplate(string? key) => "{{" + FlatKey(key) + "}}";

    /// <summary>
    /// The parameter in goTemplate syntax: <c>{{ .name }}</c>, <c>{{ index .metadata.labels "env" }}</c>,
    /// <c>{{ .values.revision }}</c>; keys are Go string literals (strconv.Quote).
    /// </summary>
    public string InGoTemplate(string? key)
    {
        if (!IsKeyed) return "{{ ." + Key + " }}";
        return DottedInGoTemplate && IsGoIdentifier(key!) ? "{{ ." + Key + "." + key + " }}" : "{{ index ." + Key + " " + GoQuote.Quote(key!) + " }}";
    }

    /// <summary>A plain parameter's value for a cluster (null for a keyed one, which the generator reads from the Secret or its values).</summary>
    public string? ValueFor(ClusterInfo cluster) => _value?.Invoke(cluster);

    /// <inheritdoc/>
    public override string ToString() => Key;

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

/// <summary>The Cluster generator's parameters, in the order of <see cref="ClusterParameter.All"/> (and of <c>HubDsl.TemplateParamKind</c>).</summary>
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
