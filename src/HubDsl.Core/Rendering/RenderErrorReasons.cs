namespace HubDsl.Core.Rendering;

/// <summary>Argo CD's ApplicationSet condition reasons (pkg/apis/application/v1alpha1/applicationset_types.go).</summary>
public static class RenderErrorReasons
{
    /// <summary>A generator failed: no Application of the ApplicationSet is created or updated.</summary>
    public const string ApplicationGenerationFromParamsError = "ApplicationGenerationFromParamsError";

    /// <summary>Rendering the template (or templatePatch) failed: no Application is created or updated.</summary>
    public const string RenderTemplateParamsError = "RenderTemplateParamsError";

    /// <summary>A rendered Application is invalid: that Application is skipped, the others are applied.</summary>
    public const string ApplicationValidationError = "ApplicationValidationError";

    /// <summary>
    /// The Kubernetes API server would refuse the ApplicationSet itself (its CRD schema: a missing required field, a
    /// value of the wrong type, a value outside an enum): Argo CD never sees it, so nothing is generated.
    /// </summary>
    public const string InvalidApplicationSet = "InvalidApplicationSet";

    /// <summary>
    /// HubDsl's own: a cluster Secret manifest could not be read (Kubernetes would not have stored it). The
    /// Secret is ignored; the ApplicationSet is not blocked.
    /// </summary>
    public const string InvalidClusterSecret = "InvalidClusterSecret";

    /// <summary>
    /// HubDsl's own: rendering needed more work, output or parameter sets than <see cref="RenderOptions"/> allow
    /// (Argo CD has no limit and would keep its controller busy). Nothing is generated, as for a render error.
    /// </summary>
    public const string RenderLimitExceeded = "RenderLimitExceeded";

    /// <summary>
    /// HubDsl's own: the ApplicationSet needs something HubDsl cannot know offline (a generator that reads a live
    /// service: scmProvider, pullRequest, clusterDecisionResource, plugin; a Git repository with no local copy). It
    /// says nothing about whether Argo CD would succeed. Nothing is generated, as for a generator error.
    /// </summary>
    public const string OfflineUnsupported = "OfflineUnsupported";
}
