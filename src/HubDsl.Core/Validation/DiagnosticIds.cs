namespace HubDsl.Core.Validation;

/// <summary>The HubDsl diagnostic IDs. Stable once shipped; docs/diagnostics/&lt;ID&gt;.md explains each.</summary>
public static class DiagnosticIds
{
    /// <summary>A declaration cannot be evaluated at compile time.</summary>
    public const string CannotEvaluate = "HUB001";
    /// <summary>A template uses a parameter the Cluster generator will not produce for a targeted cluster.</summary>
    public const string UnknownParameter = "HUB002";
    /// <summary>valueFiles names a per-environment file that no values are declared for.</summary>
    public const string MissingEnvironmentValues = "HUB003";
    /// <summary>Values declared for an environment no targeted cluster uses.</summary>
    public const string UnusedEnvironmentValues = "HUB004";
    /// <summary>A cluster selector matches no declared cluster.</summary>
    public const string SelectorMatchesNothing = "HUB005";
    /// <summary>Two clusters with the same name.</summary>
    public const string DuplicateClusterName = "HUB006";
    /// <summary>Two clusters with the same server URL.</summary>
    public const string DuplicateClusterServer = "HUB007";
    /// <summary>A rendered Application name is not a valid Kubernetes name.</summary>
    public const string InvalidApplicationName = "HUB008";
    /// <summary>Two generated Applications get the same name.</summary>
    public const string DuplicateApplicationName = "HUB009";
    /// <summary>Invalid resource quantity.</summary>
    public const string InvalidQuantity = "HUB010";
    /// <summary>A resource request exceeds its limit.</summary>
    public const string RequestExceedsLimit = "HUB011";
    /// <summary>Invalid label key or value.</summary>
    public const string InvalidLabel = "HUB012";
    /// <summary>A credential written as text.</summary>
    public const string CredentialLiteral = "HUB013";
    /// <summary>Insecure cluster connection.</summary>
    public const string InsecureConnection = "HUB014";
    /// <summary>Automated sync with prune and allowEmpty.</summary>
    public const string PruneAllowEmpty = "HUB015";
    /// <summary>RollingSync steps that match nothing, or Applications no step covers.</summary>
    public const string RollingSyncCoverage = "HUB016";
    /// <summary>Raw template text in the wrong syntax for the ApplicationSet's mode.</summary>
    public const string WrongTemplateSyntax = "HUB017";
    /// <summary>An ApplicationSet reaches outside its AppProject's declared limits.</summary>
    public const string OutsideProject = "HUB018";
    /// <summary>Two declarations generate the same file path.</summary>
    public const string DuplicateOutputPath = "HUB019";
    /// <summary>A generated path is not a portable relative file path.</summary>
    public const string NonPortableOutputPath = "HUB020";
    /// <summary>Rendering an ApplicationSet needs more work, output or Applications than the editor's limits.</summary>
    public const string RenderLimitExceeded = "HUB021";
    /// <summary>A least-privilege cluster's access does not cover what Argo CD will do there.</summary>
    public const string LeastPrivilegeIncomplete = "HUB022";
    /// <summary>The declared fleet identity (MSBuild property HubDslFleet) is not a valid label name.</summary>
    public const string InvalidFleetIdentity = "HUB023";
    /// <summary>A declaration of a referenced assembly (a values record, a shared cluster) cannot be evaluated.</summary>
    public const string ReferencedInitializer = "HUB024";
    /// <summary>A Helm values key the chart never reads (not in its values.yaml, read by no template).</summary>
    public const string UnreadValuesKey = "HUB025";
    /// <summary>Helm values the chart's values.schema.json rejects.</summary>
    public const string SchemaRejectsValues = "HUB026";
    /// <summary>Without a schema, a Helm value whose shape contradicts the chart's default.</summary>
    public const string ValuesShapeMismatch = "HUB027";
    /// <summary>A failover's cluster is not targeted by the ApplicationSet that declares it.</summary>
    public const string FailoverNotTargeted = "HUB028";
    /// <summary>A failover's standby gets different replicas or resources than its primary.</summary>
    public const string FailoverValuesDiffer = "HUB029";
    /// <summary>A failover's standby is in the primary's region.</summary>
    public const string FailoverSameRegion = "HUB030";
    /// <summary>An invalid failover declaration (host name, duration, unknown cluster, label).</summary>
    public const string InvalidFailover = "HUB031";
    /// <summary>An application controller shard carries more than the declared tolerance above the average.</summary>
    public const string ShardOverloaded = "HUB032";
    /// <summary>A <c>[ChartValues]</c> record HubDsl cannot type from its chart, or whose fleet defaults have no values file to go to.</summary>
    public const string ChartValuesRecord = "HUB033";
}
