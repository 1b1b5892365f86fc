using System.Collections.Generic;
using HubDsl.Core.Templating;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>Everything one ApplicationSet render needs: mode, clusters, options, its work budget, and the warnings it collects.</summary>
internal sealed class RenderContext
{
    public RenderContext(string appSetName, string appSetNamespace, TemplateEngine engine, IReadOnlyList<ClusterInfo> clusters, RenderOptions options)
    {
        AppSetName = appSetName;
        AppSetNamespace = appSetNamespace;
        Engine = engine;
        Clusters = clusters;
        Options = options;
        Budget = new WorkBudget(options.MaxTemplateSteps, options.MaxOutputCharacters);
    }

    public string AppSetName { get; }

    public string AppSetNamespace { get; }

    public TemplateEngine Engine { get; }

    public bool GoTemplate => Engine.IsGoTemplate;

    /// <summary>Cluster Secrets (parsed) in the ApplicationSet's namespace, in input order, before any selection.</summary>
    public IReadOnlyList<ClusterInfo> Clusters { get; }

    public RenderOptions Options { get; }

    /// <summary>The work and output the whole render may use (every string of every parameter set).</summary>
    public WorkBudget Budget { get; }

    /// <summary>The ApplicationSet's own <c>spec.template</c> (the Git generator looks up its project, as Argo CD does).</summary>
    public YamlMapping? ApplicationSetTemplate { get; set; }

    public List<UnresolvedParameter> Warnings { get; } = new();

    /// <summary>What is being rendered, for the message when a limit is hit: field path, template node, parameter set.</summary>
    public (string FieldPath, YamlNode? Node, string? ParamSet) Rendering { get; set; }

    /// <summary>Renders one string with the ApplicationSet's mode, reporting silent misses as warnings.</summary>
    public string RenderString(string text, IReadOnlyDictionary<string, object?> parameters, string cluster, string applicationName, string fieldPath, YamlNode? node)
    {
        var warnings = Warnings;
        Rendering = (fieldPath, node, cluster);
        return Engine.Render(text, parameters, key => warnings.Add(new UnresolvedParameter(cluster, applicationName, fieldPath, key, node)), Budget);
    }

    /// <summary>How a param set is named in warnings: its <c>name</c> (cluster) when it has one.</summary>
    public static string Describe(IReadOnlyDictionary<string, object?> parameters, int index)
    {
        if (parameters.TryGetValue("name", out var name) && name is string s) return s;
        return "param set " + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
