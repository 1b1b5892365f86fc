namespace HubDsl.Core.Declarations;

/// <summary>
/// The full metadata names of the DSL's types and attributes (<c>src/HubDsl</c>) that the generator and the binders
/// recognise declarations by: the one list of them. Core cannot reference the DSL (the DSL ships alone), so the names
/// are text; a test checks each one against the DSL assembly.
/// </summary>
public static class DslNames
{
    /// <summary>The DSL's namespace: its types' static members are given meaning by the binders.</summary>
    public const string Namespace = "HubDsl";

    // The attributes that make a class or member a declaration.

    /// <summary><c>[Fleet]</c> on a class of clusters.</summary>
    public const string FleetAttribute = Namespace + ".FleetAttribute";

    /// <summary><c>[ApplicationSet(name)]</c> on a class of template, selector and values.</summary>
    public const string ApplicationSetAttribute = Namespace + ".ApplicationSetAttribute";

    /// <summary><c>[Hub]</c> on a class with a <see cref="HubInstall"/>.</summary>
    public const string HubAttribute = Namespace + ".HubAttribute";

    /// <summary><c>[Values]</c> / <c>[Values(env)]</c> on a Helm values member.</summary>
    public const string ValuesAttribute = Namespace + ".ValuesAttribute";

    /// <summary><c>[ValuesKey(key)]</c> on a values property whose YAML key differs from its name.</summary>
    public const string ValuesKeyAttribute = Namespace + ".ValuesKeyAttribute";

    /// <summary><c>[ChartValues(chartPath)]</c> on a partial values record whose properties the generator writes from the chart.</summary>
    public const string ChartValuesAttribute = Namespace + ".ChartValuesAttribute";

    /// <summary>The assembly attribute the generator writes each generated file into (read back by the build task).</summary>
    public const string GeneratedManifestAttribute = Namespace + ".GeneratedManifestAttribute";

    /// <summary>The assembly attribute a project records its evaluated public declarations in, for projects that reference it.</summary>
    public const string EvaluatedValueAttribute = Namespace + ".EvaluatedValueAttribute";

    // The types of declaration members.

    /// <summary>A cluster of a <c>[Fleet]</c>.</summary>
    public const string Cluster = Namespace + ".Cluster";

    /// <summary>The argo-cd install of a <c>[Hub]</c>.</summary>
    public const string HubInstall = Namespace + ".HubInstall";

    /// <summary>An ApplicationSet's Application template.</summary>
    public const string ApplicationTemplate = Namespace + ".ApplicationTemplate";

    /// <summary>An ApplicationSet's cluster selector.</summary>
    public const string ClusterSelector = Namespace + ".ClusterSelector";

    /// <summary>An ApplicationSet's Cluster generator (a selector with values).</summary>
    public const string ClusterGenerator = Namespace + ".ClusterGenerator";

    /// <summary>An ApplicationSet's RollingSync strategy.</summary>
    public const string RollingSync = Namespace + ".RollingSync";

    /// <summary>The resources an ApplicationSet's chart deploys.</summary>
    public const string DeployedResources = Namespace + ".DeployedResources";

    /// <summary>An ApplicationSet's own AppProject.</summary>
    public const string AppProject = Namespace + ".AppProject";

    /// <summary>A failover pair (primary and standby cluster) of an ApplicationSet.</summary>
    public const string Failover = Namespace + ".Failover";

    // The types whose members and values the binders read inside declarations.

    /// <summary>The Cluster generator's parameters (<c>Param.Name</c>, <c>Param.Label("env")</c>, ...).</summary>
    public const string Param = Namespace + ".Param";

    /// <summary>A label requirement (<c>LabelExpression.In(...)</c>, ...).</summary>
    public const string LabelExpression = Namespace + ".LabelExpression";

    /// <summary>A Kubernetes resource a chart deploys (<c>ApiResource.Deployments</c>, <c>new ApiResource(group, resource)</c>).</summary>
    public const string ApiResource = Namespace + ".ApiResource";

    /// <summary>A secret the values refer to by name (an ExternalSecret is generated for it).</summary>
    public const string ExternalSecretRef = Namespace + ".ExternalSecretRef";

    /// <summary>The base record of Helm values.</summary>
    public const string HelmValues = Namespace + ".HelmValues";
}
