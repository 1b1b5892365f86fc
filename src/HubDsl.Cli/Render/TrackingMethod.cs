namespace HubDsl.Cli.Render;

/// <summary>Argo CD's resource tracking methods (<c>application.resourceTrackingMethod</c> in argocd-cm).</summary>
internal enum TrackingMethod
{
    /// <summary><c>annotation</c>, the default since Argo CD 3.0: the <c>argocd.argoproj.io/tracking-id</c> annotation.</summary>
    Annotation,

    /// <summary><c>label</c>: the instance label (<c>app.kubernetes.io/instance</c>) holds the Application's name.</summary>
    Label,

    /// <summary><c>annotation+label</c>: the annotation, and the label truncated to 63 characters.</summary>
    AnnotationAndLabel,
}
