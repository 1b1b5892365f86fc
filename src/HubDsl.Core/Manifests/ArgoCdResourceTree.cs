using System.Collections.Generic;

namespace HubDsl.Core.Manifests;

/// <summary>
/// What Argo CD must be able to read beyond the resources an Application deploys, and why.
/// <para>
/// Health needs nothing more: a resource's health is computed from that resource alone (gitops-engine
/// <c>pkg/health/health.go</c> <c>GetResourceHealth</c>, e.g. <c>health_deployment.go</c> reads only the
/// Deployment's status; Lua checks in <c>resource_customizations</c> get the object alone), and the Application's
/// health aggregates its managed resources only (argo-cd <c>controller/health.go</c> <c>setApplicationHealth</c>).
/// </para>
/// <para>
/// The resource tree does: Argo CD shows beneath a managed resource the objects that name it in their
/// <c>ownerReferences</c>, and only those of kinds it watches (gitops-engine <c>pkg/cache/cluster.go</c>
/// <c>IterateHierarchyV2</c>), plus the PersistentVolumeClaims a StatefulSet's volumeClaimTemplates name
/// (<c>pkg/cache/references.go</c> <c>isStatefulSetChild</c>). Those children are read-only grants.
/// </para>
/// <para>
/// Not granted: Endpoints and EndpointSlices under a Service (the argo-cd chart's default
/// <c>configs.cm."resource.exclusions"</c> excludes both, so Argo CD never shows them), the Secret an
/// ExternalSecret owns and a ServiceAccount's legacy token Secret (<c>references.go</c>
/// <c>isServiceAccountTokenSecret</c>): reading them would mean reading Secrets the fleet does not deploy.
/// </para>
/// </summary>
public static class ArgoCdResourceTree
{
    /// <summary>Events: listed, never watched, for the UI's resource events.</summary>
    /// <remarks>
    /// The API server lists them on the destination cluster with its credentials (argo-cd
    /// <c>server/application/application.go</c> <c>ListResourceEvents</c>: <c>CoreV1().Events(namespace).List</c>);
    /// the controller never watches them (<c>util/settings/resources_filter.go</c> <c>coreExcludedResources</c>).
    /// </remarks>
    public static readonly (string Group, string Resource) Events = ("", "events");

    // Kind -> the kinds whose objects it owns (set by the Kubernetes controllers that create them).
    private static readonly Dictionary<(string, string), (string Group, string Resource)[]> Children = new()
    {
        [("apps", "deployments")] = new[] { ("apps", "replicasets") },
        [("apps", "replicasets")] = new[] { ("", "pods") },
        [("apps", "statefulsets")] = new[] { ("", "pods"), ("apps", "controllerrevisions"), ("", "persistentvolumeclaims") },
        [("apps", "daemonsets")] = new[] { ("", "pods"), ("apps", "controllerrevisions") },
        [("batch", "cronjobs")] = new[] { ("batch", "jobs") },
        [("batch", "jobs")] = new[] { ("", "pods") },
        [("", "replicationcontrollers")] = new[] { ("", "pods") },
    };

    /// <summary>
    /// The resources shown beneath a deployed resource, transitively (a Deployment: its ReplicaSets and their
    /// Pods), in a stable order; empty for resources with no children in the tree.
    /// </summary>
    public static IReadOnlyList<(string Group, string Resource)> Descendants(string group, string resource)
    {
        var result = new List<(string, string)>();
        var pending = new Queue<(string, string)>();
        pending.Enqueue((group, resource));
        while (pending.Count > 0)
        {
            if (!Children.TryGetValue(pending.Dequeue(), out var children)) continue;
            foreach (var child in children)
            {
                if (result.Contains(child)) continue;
                result.Add(child);
                pending.Enqueue(child);
            }
        }

        return result;
    }
}
