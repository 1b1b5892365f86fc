using System.Text.RegularExpressions;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Render;

/// <summary>
/// The tracking metadata Argo CD's repo server adds to every rendered object except CRDs
/// (reposerver/repository/repository.go GenerateManifests calling util/argo/resource_tracking.go SetAppInstance).
/// The annotation is <c>argocd.argoproj.io/tracking-id: &lt;app&gt;:&lt;group&gt;/&lt;kind&gt;:&lt;namespace&gt;/&lt;name&gt;</c>
/// (BuildAppInstanceValue), where an object without a namespace takes the destination namespace
/// (UnstructuredToAppInstanceValue).
/// </summary>
internal static class ResourceTracking
{
    /// <summary>common.AnnotationKeyAppInstance.</summary>
    public const string TrackingIdAnnotation = "argocd.argoproj.io/tracking-id";

    /// <summary>common.AnnotationInstallationID.</summary>
    public const string InstallationIdAnnotation = "argocd.argoproj.io/installation-id";

    private static readonly Regex ValidLabelEnd = new("[a-zA-Z0-9]$", RegexOptions.CultureInvariant);

    /// <summary>Adds the tracking metadata to <paramref name="obj"/> as Argo CD would for Application <paramref name="instanceName"/>.</summary>
    public static void Apply(YamlMapping obj, string instanceName, string destinationNamespace, RenderSettings settings)
    {
        var (group, kind) = ObjectKey.GroupKind(obj);
        if (kind == "CustomResourceDefinition" && group == "apiextensions.k8s.io") return; // kube.IsCRD: CRDs are not tracked
        var metadata = obj.GetOrAddMapping("metadata");
        if (settings.Tracking != TrackingMethod.Label)
        {
            var annotations = metadata.GetOrAddMapping("annotations");
            if (settings.InstallationId.Length > 0) annotations.Set(InstallationIdAnnotation, settings.InstallationId);
            else annotations.Remove(InstallationIdAnnotation);
            var ns = metadata["namespace"]?.AsString();
            var name = metadata["name"]?.AsString() ?? string.Empty;
            annotations.Set(TrackingIdAnnotation, instanceName + ":" + group + "/" + kind + ":" + (string.IsNullOrEmpty(ns) ? destinationNamespace : ns) + "/" + name);
        }

        if (settings.Tracking == TrackingMethod.Label) metadata.GetOrAddMapping("labels").Set(settings.InstanceLabelKey, instanceName);
        else if (settings.Tracking == TrackingMethod.AnnotationAndLabel) metadata.GetOrAddMapping("labels").Set(settings.InstanceLabelKey, TruncateLabel(instanceName));
    }

    // util/argo/resource_tracking.go TruncateLabel: at most 63 characters, not ending in a special character.
    private static string TruncateLabel(string value)
    {
        if (value.Length <= 63) return value;
        value = value[..63];
        while (value.Length > 1 && !ValidLabelEnd.IsMatch(value)) value = value[..^1];
        return value;
    }
}
