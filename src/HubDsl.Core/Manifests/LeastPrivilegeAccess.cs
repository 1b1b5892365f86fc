using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Model;
using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Manifests;

/// <summary>One RBAC grant: verbs on one resource, optionally on one named object only.</summary>
public sealed record ResourceGrant(string Group, string Resource, EquatableArray<string> Verbs, string? ResourceName = null);

/// <summary>Why a least-privilege cluster's access cannot cover what Argo CD will do there (HUB022).</summary>
public sealed record AccessGap(ApplicationSetModel ApplicationSet, DeployedResourceModel? Resource, string Problem);

/// <summary>
/// Everything a <c>SpokeAccess.LeastPrivilege</c> cluster needs, computed once from the ApplicationSets that target
/// it: the Roles on the spoke (<see cref="SpokeRbacManifest"/>), the cluster Secret's namespaced mode
/// (<see cref="ClusterSecretManifest"/>) and the kinds the hub watches (<see cref="ResourceInclusions"/>) all come
/// from here, so they cannot disagree.
/// <para>
/// Argo CD is put in namespaced mode for the destination namespaces (the Secret's <c>namespaces</c>), so it lists
/// and watches namespaced kinds per namespace (gitops-engine <c>pkg/cache/cluster.go</c> <c>processApi</c>), which a
/// RoleBinding can allow; it lists cluster-scoped kinds only with <c>clusterResources</c>. It lists every watched
/// kind in every managed namespace, and a forbidden list fails the whole cluster cache
/// (<c>sync</c>: "failed to load initial state of resource") unless the kind is filtered out, so every namespace's
/// Role reads every watched kind, while writes stay where each ApplicationSet deploys.
/// </para>
/// </summary>
public sealed class LeastPrivilegeAccess
{
    /// <summary>What Argo CD needs to see a resource: its list and watch, and get (kubectl apply reads first).</summary>
    public static readonly EquatableArray<string> ReadVerbs = new[] { "get", "list", "watch" }.ToEquatableArray();

    /// <summary>
    /// What syncing needs: create, patch (kubectl apply and server-side apply), update (<c>Replace=true</c>),
    /// delete (prune), with the reads.
    /// </summary>
    public static readonly EquatableArray<string> WriteVerbs = new[] { "get", "list", "watch", "create", "update", "patch", "delete" }.ToEquatableArray();

    private static readonly string[] VerbOrder = { "get", "list", "watch", "create", "update", "patch", "delete" };

    private LeastPrivilegeAccess(
        IReadOnlyList<string> namespaces,
        IReadOnlyList<string> createdNamespaces,
        IReadOnlyDictionary<string, IReadOnlyList<ResourceGrant>> namespaceGrants,
        IReadOnlyList<ResourceGrant> clusterGrants,
        IReadOnlyList<(string Group, string Kind)> watchedKinds,
        IReadOnlyList<AccessGap> gaps)
    {
        Namespaces = namespaces;
        CreatedNamespaces = createdNamespaces;
        NamespaceGrants = namespaceGrants;
        ClusterGrants = clusterGrants;
        WatchedKinds = watchedKinds;
        Gaps = gaps;
    }

    /// <summary>The namespaces Argo CD manages on the cluster (the Secret's <c>namespaces</c>), sorted.</summary>
    public IReadOnlyList<string> Namespaces { get; }

    /// <summary>
    /// Destination namespaces of templates with <c>CreateNamespace=true</c>: the spoke file creates them, so the
    /// RoleBindings in them can exist before the first sync. Argo CD then only reads the namespace (gitops-engine
    /// <c>pkg/sync/sync_context.go</c> <c>autoCreateNamespace</c> gets it; argo-cd <c>controller/sync_namespace.go</c>
    /// <c>syncNamespace</c> leaves an existing namespace alone unless <c>managedNamespaceMetadata</c> is set).
    /// </summary>
    public IReadOnlyList<string> CreatedNamespaces { get; }

    /// <summary>Per managed namespace, the Role's grants.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ResourceGrant>> NamespaceGrants { get; }

    /// <summary>Grants on cluster-scoped resources the fleet deploys (a ClusterRole); usually none.</summary>
    public IReadOnlyList<ResourceGrant> ClusterGrants { get; }

    /// <summary>Whether Argo CD must manage cluster-scoped resources too (the Secret's <c>clusterResources</c>).</summary>
    public bool ClusterResources => ClusterGrants.Count > 0;

    /// <summary>The group and kind of everything Argo CD should watch on the cluster (<c>resource.inclusions</c>).</summary>
    public IReadOnlyList<(string Group, string Kind)> WatchedKinds { get; }

    /// <summary>What the access cannot cover, for the analyzers (HUB022).</summary>
    public IReadOnlyList<AccessGap> Gaps { get; }

    /// <summary>
    /// The access of <paramref name="cluster"/> (whose Secret lives in <paramref name="fleetNamespace"/>) from the
    /// ApplicationSets that target it. Each ApplicationSet is rendered for this cluster alone with the same renderer
    /// as <c>hubdsl preview</c>, so a templated destination namespace is resolved as Argo CD resolves it.
    /// </summary>
    public static LeastPrivilegeAccess For(ClusterModel cluster, string fleetNamespace, IEnumerable<ApplicationSetModel> applicationSets, string? fleetId = null)
    {
        var gaps = new List<AccessGap>();
        var namespaces = new SortedSet<string>(cluster.Namespaces, StringComparer.Ordinal);
        var created = new SortedSet<string>(StringComparer.Ordinal);
        var writes = new List<(string Namespace, DeployedResourceModel Resource)>();
        var clusterWrites = new List<DeployedResourceModel>();
        var secret = new[] { ClusterSecretManifest.Build(cluster, fleetNamespace, fleetId: fleetId) };
        foreach (var appSet in applicationSets)
        {
            if (appSet.Namespace != fleetNamespace) continue;
            var destinations = DestinationNamespaces(cluster, appSet, secret);
            if (destinations.Count == 0) continue;
            if (appSet.DeployedResources.Count == 0)
            {
                gaps.Add(new AccessGap(appSet, null, "declares no DeployedResources, so the hub may write nothing there; declare what its chart creates, e.g. public static readonly DeployedResources Deploys = new(ApiResource.Deployments);"));
            }

            foreach (var resource in appSet.DeployedResources.Where(r => r.Kind is null))
            {
                gaps.Add(new AccessGap(appSet, resource, "deploys " + resource.Display + ", whose kind HubDsl does not know (a custom resource): give its Kind (Argo CD's resource.inclusions match kinds), e.g. new ApiResource(\"" + resource.Group + "\", \"" + resource.Resource + "\") { Kind = \"...\" }, and ClusterScoped = true if it is cluster-scoped"));
            }

            foreach (var ns in destinations)
            {
                if (ns.Length == 0)
                {
                    gaps.Add(new AccessGap(appSet, null, "has no destination namespace, so there is no namespace to grant access in; set Destination = new(server, \"<namespace>\")"));
                    continue;
                }

                namespaces.Add(ns);
                if (appSet.CreatesNamespace) created.Add(ns);
                foreach (var resource in appSet.DeployedResources)
                {
                    if (resource.ClusterScoped) clusterWrites.Add(resource);
                    else writes.Add((ns, resource));
                }
            }
        }

        // Read everywhere: every watched namespaced kind, and what Argo CD shows beneath it.
        var reads = new List<(string Group, string Resource)>();
        foreach (var resource in writes.Select(w => w.Resource))
        {
            reads.Add((resource.Group, resource.Resource));
            reads.AddRange(ArgoCdResourceTree.Descendants(resource.Group, resource.Resource));
        }

        var grants = new Dictionary<string, IReadOnlyList<ResourceGrant>>(StringComparer.Ordinal);
        foreach (var ns in namespaces)
        {
            var verbs = new Dictionary<(string, string), HashSet<string>>();
            foreach (var read in reads) Add(verbs, read, ReadVerbs);
            foreach (var write in writes.Where(w => w.Namespace == ns)) Add(verbs, (write.Resource.Group, write.Resource.Resource), WriteVerbs);
            Add(verbs, ArgoCdResourceTree.Events, new[] { "list" });
            var list = Grants(verbs);
            if (created.Contains(ns)) list.Add(new ResourceGrant("", "namespaces", new[] { "get" }.ToEquatableArray(), ns));
            grants[ns] = list;
        }

        var clusterVerbs = new Dictionary<(string, string), HashSet<string>>();
        foreach (var resource in clusterWrites) Add(clusterVerbs, (resource.Group, resource.Resource), WriteVerbs);

        return new LeastPrivilegeAccess(namespaces.ToList(), created.ToList(), grants, Grants(clusterVerbs), Watched(writes.Select(w => w.Resource).Concat(clusterWrites)), gaps);
    }

    /// <summary>
    /// The destination namespace of each Application the ApplicationSet generates for this cluster ("" when the
    /// template has none); empty when it generates none (it does not target the cluster, or cannot be rendered,
    /// which the analyzers report).
    /// </summary>
    public static IReadOnlyList<string> DestinationNamespaces(ClusterModel cluster, ApplicationSetModel appSet, IReadOnlyList<YamlMapping> clusterSecret)
    {
        var result = ApplicationSetRenderer.Render(appSet.Manifest, clusterSecret, new RenderOptions());
        var namespaces = new List<string>();
        foreach (var application in result.Applications)
        {
            var destination = (application["spec"] as YamlMapping)?["destination"] as YamlMapping;
            var server = destination?["server"]?.AsString();
            var name = destination?["name"]?.AsString();
            if (server != cluster.Server && (string.IsNullOrEmpty(name) || name != cluster.Name)) continue;
            var ns = destination?["namespace"]?.AsString() ?? string.Empty;
            if (!namespaces.Contains(ns)) namespaces.Add(ns);
        }

        return namespaces;
    }

    private static void Add(Dictionary<(string, string), HashSet<string>> verbs, (string, string) resource, IEnumerable<string> add)
    {
        if (!verbs.TryGetValue(resource, out var set)) verbs[resource] = set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var verb in add) set.Add(verb);
    }

    // One grant per resource, ordered by group then resource; verbs in Kubernetes' usual order.
    private static List<ResourceGrant> Grants(Dictionary<(string Group, string Resource), HashSet<string>> verbs) =>
        verbs.OrderBy(v => v.Key.Group, StringComparer.Ordinal).ThenBy(v => v.Key.Resource, StringComparer.Ordinal)
            .Select(v => new ResourceGrant(v.Key.Group, v.Key.Resource, VerbOrder.Where(v.Value.Contains).ToEquatableArray()))
            .ToList();

    private static IReadOnlyList<(string Group, string Kind)> Watched(IEnumerable<DeployedResourceModel> deployed)
    {
        var kinds = new HashSet<(string Group, string Kind)>();
        foreach (var resource in deployed)
        {
            if (resource.Kind is { } kind) kinds.Add((resource.Group, kind));
            foreach (var child in ArgoCdResourceTree.Descendants(resource.Group, resource.Resource))
            {
                if (KnownResources.TryFind(child.Group, child.Resource, out var childKind, out _)) kinds.Add((child.Group, childKind));
            }
        }

        return kinds.OrderBy(k => k.Group, StringComparer.Ordinal).ThenBy(k => k.Kind, StringComparer.Ordinal).ToList();
    }
}
