using System.Collections.Generic;

namespace HubDsl.Core.Manifests;

/// <summary>
/// Kubernetes' built-in API resources (as <c>kubectl api-resources</c> lists them; the Kubernetes API reference,
/// kubernetes.io/docs/reference/kubernetes-api), plus the custom resources the DSL names itself
/// (<c>ApiResource.ExternalSecrets</c>): their kind and scope, so a declaration can name just group and resource.
/// </summary>
public static class KnownResources
{
    private static readonly Dictionary<(string Group, string Resource), (string Kind, bool ClusterScoped)> Table = Build();

    /// <summary>The kind and scope of a known resource, or false.</summary>
    public static bool TryFind(string group, string resource, out string kind, out bool clusterScoped)
    {
        if (Table.TryGetValue((group, resource), out var known))
        {
            kind = known.Kind;
            clusterScoped = known.ClusterScoped;
            return true;
        }

        kind = string.Empty;
        clusterScoped = false;
        return false;
    }

    private static Dictionary<(string, string), (string, bool)> Build()
    {
        var table = new Dictionary<(string, string), (string, bool)>();
        void Namespaced(string group, string resource, string kind) => table[(group, resource)] = (kind, false);
        void Cluster(string group, string resource, string kind) => table[(group, resource)] = (kind, true);

        Namespaced("", "configmaps", "ConfigMap");
        Namespaced("", "endpoints", "Endpoints");
        Namespaced("", "events", "Event");
        Namespaced("", "limitranges", "LimitRange");
        Namespaced("", "persistentvolumeclaims", "PersistentVolumeClaim");
        Namespaced("", "pods", "Pod");
        Namespaced("", "podtemplates", "PodTemplate");
        Namespaced("", "replicationcontrollers", "ReplicationController");
        Namespaced("", "resourcequotas", "ResourceQuota");
        Namespaced("", "secrets", "Secret");
        Namespaced("", "serviceaccounts", "ServiceAccount");
        Namespaced("", "services", "Service");
        Cluster("", "namespaces", "Namespace");
        Cluster("", "nodes", "Node");
        Cluster("", "persistentvolumes", "PersistentVolume");
        Namespaced("apps", "controllerrevisions", "ControllerRevision");
        Namespaced("apps", "daemonsets", "DaemonSet");
        Namespaced("apps", "deployments", "Deployment");
        Namespaced("apps", "replicasets", "ReplicaSet");
        Namespaced("apps", "statefulsets", "StatefulSet");
        Namespaced("autoscaling", "horizontalpodautoscalers", "HorizontalPodAutoscaler");
        Namespaced("batch", "cronjobs", "CronJob");
        Namespaced("batch", "jobs", "Job");
        Namespaced("coordination.k8s.io", "leases", "Lease");
        Namespaced("discovery.k8s.io", "endpointslices", "EndpointSlice");
        Namespaced("events.k8s.io", "events", "Event");
        Namespaced("networking.k8s.io", "ingresses", "Ingress");
        Namespaced("networking.k8s.io", "networkpolicies", "NetworkPolicy");
        Cluster("networking.k8s.io", "ingressclasses", "IngressClass");
        Namespaced("policy", "poddisruptionbudgets", "PodDisruptionBudget");
        Namespaced("rbac.authorization.k8s.io", "rolebindings", "RoleBinding");
        Namespaced("rbac.authorization.k8s.io", "roles", "Role");
        Cluster("rbac.authorization.k8s.io", "clusterrolebindings", "ClusterRoleBinding");
        Cluster("rbac.authorization.k8s.io", "clusterroles", "ClusterRole");
        Namespaced("storage.k8s.io", "csistoragecapacities", "CSIStorageCapacity");
        Cluster("storage.k8s.io", "csidrivers", "CSIDriver");
        Cluster("storage.k8s.io", "csinodes", "CSINode");
        Cluster("storage.k8s.io", "storageclasses", "StorageClass");
        Cluster("storage.k8s.io", "volumeattachments", "VolumeAttachment");
        Cluster("admissionregistration.k8s.io", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration");
        Cluster("admissionregistration.k8s.io", "validatingadmissionpolicies", "ValidatingAdmissionPolicy");
        Cluster("admissionregistration.k8s.io", "validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding");
        Cluster("admissionregistration.k8s.io", "validatingwebhookconfigurations", "ValidatingWebhookConfiguration");
        Cluster("apiextensions.k8s.io", "customresourcedefinitions", "CustomResourceDefinition");
        Cluster("apiregistration.k8s.io", "apiservices", "APIService");
        Cluster("certificates.k8s.io", "certificatesigningrequests", "CertificateSigningRequest");
        Cluster("flowcontrol.apiserver.k8s.io", "flowschemas", "FlowSchema");
        Cluster("flowcontrol.apiserver.k8s.io", "prioritylevelconfigurations", "PriorityLevelConfiguration");
        Cluster("node.k8s.io", "runtimeclasses", "RuntimeClass");
        Cluster("scheduling.k8s.io", "priorityclasses", "PriorityClass");

        // The custom resource the DSL names itself (ApiResource.ExternalSecrets, External Secrets Operator).
        Namespaced("external-secrets.io", "externalsecrets", "ExternalSecret");
        return table;
    }
}
