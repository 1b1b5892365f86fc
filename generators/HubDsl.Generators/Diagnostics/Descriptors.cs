using HubDsl.Core.Validation;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators.Diagnostics;

/// <summary>
/// The catalog of HubDsl diagnostics. IDs are stable once shipped; each has a page in docs/diagnostics.
/// Messages are built by the shared rules in HubDsl.Core and name the declaration, the cluster(s) and the fix.
/// </summary>
internal static class Descriptors
{
    private const string HelpRoot = "https://github.com/hubdsl/hubdsl/blob/main/docs/diagnostics/";

    public const string Evaluation = "HubDsl.Evaluation";
    public const string Templates = "HubDsl.Templates";
    public const string Values = "HubDsl.Values";
    public const string Targeting = "HubDsl.Targeting";
    public const string Clusters = "HubDsl.Clusters";
    public const string Security = "HubDsl.Security";
    public const string Project = "HubDsl.Project";
    public const string Output = "HubDsl.Output";
    public const string Failover = "HubDsl.Failover";

    public static readonly DiagnosticDescriptor CannotEvaluate = Error(DiagnosticIds.CannotEvaluate, "Declaration cannot be evaluated at compile time", Evaluation);
    public static readonly DiagnosticDescriptor UnknownParameter = Error(DiagnosticIds.UnknownParameter, "Template parameter not produced for a targeted cluster", Templates);
    public static readonly DiagnosticDescriptor MissingEnvironmentValues = Error(DiagnosticIds.MissingEnvironmentValues, "No values declared for an environment a targeted cluster reads", Values);
    public static readonly DiagnosticDescriptor UnusedEnvironmentValues = Warning(DiagnosticIds.UnusedEnvironmentValues, "Values declared for an environment no targeted cluster uses", Values);
    public static readonly DiagnosticDescriptor SelectorMatchesNothing = Warning(DiagnosticIds.SelectorMatchesNothing, "Cluster selector matches no declared cluster", Targeting);
    public static readonly DiagnosticDescriptor DuplicateClusterName = Error(DiagnosticIds.DuplicateClusterName, "Two clusters have the same name", Clusters);
    public static readonly DiagnosticDescriptor DuplicateClusterServer = Warning(DiagnosticIds.DuplicateClusterServer, "Two clusters have the same server URL", Clusters);
    public static readonly DiagnosticDescriptor InvalidApplicationName = Error(DiagnosticIds.InvalidApplicationName, "Rendered Application name is not a valid Kubernetes name", Templates);
    public static readonly DiagnosticDescriptor DuplicateApplicationName = Error(DiagnosticIds.DuplicateApplicationName, "Two generated Applications get the same name", Templates);
    public static readonly DiagnosticDescriptor InvalidQuantity = Error(DiagnosticIds.InvalidQuantity, "Invalid resource quantity", Values);
    public static readonly DiagnosticDescriptor RequestExceedsLimit = Error(DiagnosticIds.RequestExceedsLimit, "Resource request exceeds its limit", Values);
    public static readonly DiagnosticDescriptor InvalidLabel = Error(DiagnosticIds.InvalidLabel, "Invalid label key or value", Clusters);
    public static readonly DiagnosticDescriptor CredentialLiteral = Error(DiagnosticIds.CredentialLiteral, "Credential written as text", Security);
    public static readonly DiagnosticDescriptor InsecureConnection = Warning(DiagnosticIds.InsecureConnection, "Insecure cluster connection", Security);
    public static readonly DiagnosticDescriptor PruneAllowEmpty = Warning(DiagnosticIds.PruneAllowEmpty, "Automated prune with allowEmpty can delete everything", Security);
    public static readonly DiagnosticDescriptor RollingSyncCoverage = Warning(DiagnosticIds.RollingSyncCoverage, "RollingSync steps and Applications do not match", Targeting);
    public static readonly DiagnosticDescriptor OutsideProject = Error(DiagnosticIds.OutsideProject, "ApplicationSet reaches outside its AppProject", Targeting);
    public static readonly DiagnosticDescriptor LeastPrivilegeIncomplete = Warning(DiagnosticIds.LeastPrivilegeIncomplete, "Least-privilege access does not cover what Argo CD will do", Clusters);
    public static readonly DiagnosticDescriptor WrongTemplateSyntax = Error(DiagnosticIds.WrongTemplateSyntax, "Template text in the wrong syntax for the template mode", Templates);
    public static readonly DiagnosticDescriptor ReferencedInitializer = Error(DiagnosticIds.ReferencedInitializer, "Declaration of a referenced assembly cannot be evaluated", Evaluation);
    public static readonly DiagnosticDescriptor ShardOverloaded = Warning(DiagnosticIds.ShardOverloaded, "Application controller shard over its tolerance", Clusters);

    // Reported once per compilation (the property has no source span), so it is a compilation-end diagnostic.
    public static readonly DiagnosticDescriptor InvalidFleetIdentity = new(
        DiagnosticIds.InvalidFleetIdentity, "The declared fleet identity is not a valid label name", "{0}", Project, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: HelpRoot + DiagnosticIds.InvalidFleetIdentity + ".md", customTags: WellKnownDiagnosticTags.CompilationEnd);
    public static readonly DiagnosticDescriptor DuplicateOutputPath = Error(DiagnosticIds.DuplicateOutputPath, "Two declarations generate the same file", Output);
    public static readonly DiagnosticDescriptor NonPortableOutputPath = Error(DiagnosticIds.NonPortableOutputPath, "Generated path is not a portable relative file path", Output);
    public static readonly DiagnosticDescriptor UnreadValuesKey = Warning(DiagnosticIds.UnreadValuesKey, "The chart never reads this values key", Values);
    public static readonly DiagnosticDescriptor SchemaRejectsValues = Error(DiagnosticIds.SchemaRejectsValues, "The chart's values.schema.json rejects these values", Values);
    public static readonly DiagnosticDescriptor ValuesShapeMismatch = Warning(DiagnosticIds.ValuesShapeMismatch, "A value's shape contradicts the chart's default", Values);
    public static readonly DiagnosticDescriptor ChartValuesRecord = Error(DiagnosticIds.ChartValuesRecord, "A [ChartValues] record cannot be typed from its chart or written", Values);
    public static readonly DiagnosticDescriptor RenderLimitExceeded = Error(DiagnosticIds.RenderLimitExceeded, "Rendering the ApplicationSet exceeds the editor's work limits", Templates);

    public static readonly DiagnosticDescriptor FailoverNotTargeted = Error(DiagnosticIds.FailoverNotTargeted, "Failover cluster not targeted by the ApplicationSet", Failover);
    public static readonly DiagnosticDescriptor FailoverValuesDiffer = Warning(DiagnosticIds.FailoverValuesDiffer, "Failover standby gets different capacity than its primary", Failover);
    public static readonly DiagnosticDescriptor FailoverSameRegion = Warning(DiagnosticIds.FailoverSameRegion, "Failover standby in the primary's region", Failover);
    public static readonly DiagnosticDescriptor InvalidFailover = Error(DiagnosticIds.InvalidFailover, "Invalid failover declaration", Failover);

    private static DiagnosticDescriptor Error(string id, string title, string category) => Create(id, title, category, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string category) => Create(id, title, category, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string category, DiagnosticSeverity severity) =>
        new(id, title, "{0}", category, severity, isEnabledByDefault: true, helpLinkUri: HelpRoot + id + ".md");
}
