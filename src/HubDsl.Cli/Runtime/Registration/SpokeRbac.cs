using System.Text.Json.Nodes;
using HubDsl.Core.Manifests;
using HubDsl.Core.Model;

namespace HubDsl.Cli.Runtime.Registration;

/// <summary>
/// What <c>cluster add</c> grants on a spoke: the ServiceAccount, its long-lived token Secret, and the RBAC
/// objects (roles and bindings). An input to <see cref="SpokeRegistrar"/>, so a build-generated RBAC set can
/// replace <see cref="ArgoCdDefault"/> (the exact set <c>argocd cluster add</c> creates).
/// </summary>
public sealed record SpokeRbac(string SystemNamespace, string ServiceAccountName, string TokenSecretName, IReadOnlyList<SpokeObject> RbacObjects, IReadOnlyList<string> Namespaces)
{
    /// <summary>
    /// Namespaces the file creates before its Roles (a least-privilege file's destination namespaces, for
    /// <c>CreateNamespace=true</c>). Created when absent, reused as they are, and never deleted by <c>cluster rm</c>:
    /// they hold the fleet's workloads.
    /// </summary>
    public IReadOnlyList<SpokeObject> NamespaceObjects { get; init; } = Array.Empty<SpokeObject>();

    /// <summary>
    /// Whether Argo CD may also manage cluster-scoped resources (<c>clusterResources: true</c>): a ClusterRole beside
    /// the Roles, as a least-privilege file has when the fleet deploys cluster-scoped kinds.
    /// </summary>
    public bool ClusterResources => Namespaces.Count > 0 && RbacObjects.Any(o => !o.Type.Namespaced);

    /// <summary>
    /// argocd cluster add's objects: cluster-wide, a ClusterRole with every verb on every resource and every
    /// non-resource URL plus its ClusterRoleBinding; with <paramref name="namespaces"/>, a Role (every verb on
    /// every resource) and RoleBinding in each namespace instead. Subject: the ServiceAccount in the system namespace.
    /// </summary>
    public static SpokeRbac ArgoCdDefault(string systemNamespace = "kube-system", IReadOnlyList<string>? namespaces = null)
    {
        // The same objects the build writes to spokes/<cluster>/argocd-manager.yaml for a ClusterAdmin or
        // Namespaced cluster: one implementation, so what is committed and what is applied cannot differ.
        namespaces ??= Array.Empty<string>();
        var cluster = new ClusterModel("cli", "cli", "https://cli.invalid", EquatableArray<StringPair>.Empty, EquatableArray<StringPair>.Empty, null, namespaces.ToEquatableArray(), false, false)
        {
            Access = namespaces.Count == 0 ? "ClusterAdmin" : "Namespaced",
            SystemNamespace = systemNamespace,
        };
        var manifests = SpokeRbacManifest.Build(cluster)
            .Select(m => (JsonObject)Output.JsonConvert.From(m)!)
            .ToList();
        return FromManifests(manifests, "argocd cluster add's defaults");
    }

    /// <summary>The ServiceAccount as given (e.g. with labels), instead of the plain default.</summary>
    public JsonObject? ServiceAccountManifest { get; init; }

    /// <summary>The token Secret as given, instead of the plain default.</summary>
    public JsonObject? TokenSecretManifest { get; init; }

    /// <summary>
    /// The RBAC a build generated (e.g. <c>spokes/&lt;cluster&gt;/argocd-manager.yaml</c>): one ServiceAccount, optionally
    /// its token Secret (default <c>&lt;account&gt;-long-lived-token</c>), Namespaces to create first, and ClusterRoles,
    /// ClusterRoleBindings, Roles and RoleBindings. With Roles the cluster is registered in namespaced mode for the
    /// namespaces of the Roles (and <c>clusterResources</c> when a ClusterRole is beside them); with only cluster-scoped
    /// objects, cluster-wide.
    /// </summary>
    public static SpokeRbac FromManifests(IReadOnlyList<JsonObject> manifests, string source)
    {
        var accounts = manifests.Where(m => Is(m, "v1", "ServiceAccount")).ToList();
        if (accounts.Count != 1) throw new UserInputException("'" + source + "' must hold exactly one ServiceAccount (it holds " + accounts.Count + ")");
        var account = accounts[0];
        var accountName = JsonYaml.Text(account, "metadata", "name") ?? throw new UserInputException("'" + source + "': the ServiceAccount has no name");
        var systemNamespace = JsonYaml.Text(account, "metadata", "namespace") ?? "kube-system";
        account["metadata"]!["namespace"] = systemNamespace;
        var tokens = manifests.Where(m => Is(m, "v1", "Secret")).ToList();
        if (tokens.Count > 1 || tokens.Any(t => JsonYaml.Text(t, "type") != SpokeRbacManifest.TokenSecretType || JsonYaml.Text(t, "metadata", "annotations", SpokeRbacManifest.ServiceAccountNameAnnotation) != accountName))
        {
            throw new UserInputException("'" + source + "': the only Secret allowed is the ServiceAccount's " + SpokeRbacManifest.TokenSecretType + " Secret");
        }

        var token = tokens.FirstOrDefault();
        token?["metadata"]!.AsObject().Remove("namespace");
        if (token is not null) token["metadata"]!["namespace"] = systemNamespace;
        var tokenName = token is null ? accountName + SpokeRbacManifest.TokenSecretSuffix : JsonYaml.Text(token, "metadata", "name") ?? throw new UserInputException("'" + source + "': the token Secret has no name");
        var namespaceObjects = new List<SpokeObject>();
        foreach (var manifest in manifests.Where(m => Is(m, "v1", "Namespace")))
        {
            var name = JsonYaml.Text(manifest, "metadata", "name") ?? throw new UserInputException("'" + source + "': a Namespace has no name");
            namespaceObjects.Add(new SpokeObject(ResourceType.Namespace, null, name, manifest));
        }

        var rbac = new List<SpokeObject>();
        foreach (var manifest in manifests.Where(m => !Is(m, "v1", "ServiceAccount") && !Is(m, "v1", "Secret") && !Is(m, "v1", "Namespace")))
        {
            var type = ResourceType.Find(JsonYaml.Text(manifest, "apiVersion"), JsonYaml.Text(manifest, "kind"));
            if (type is null || type.Group != "rbac.authorization.k8s.io")
            {
                throw new UserInputException("'" + source + "': " + JsonYaml.Text(manifest, "apiVersion") + " " + JsonYaml.Text(manifest, "kind") + " is not an RBAC object");
            }

            var name = JsonYaml.Text(manifest, "metadata", "name") ?? throw new UserInputException("'" + source + "': a " + type.Kind + " has no name");
            var ns = type.Namespaced ? JsonYaml.Text(manifest, "metadata", "namespace") ?? throw new UserInputException("'" + source + "': " + type.Kind + " " + name + " has no namespace") : null;
            rbac.Add(new SpokeObject(type, ns, name, manifest));
        }

        if (rbac.Count == 0) throw new UserInputException("'" + source + "' holds no Role or ClusterRole");
        var namespaces = rbac.Where(o => o.Type.Namespaced).Select(o => o.Namespace!).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        return new SpokeRbac(systemNamespace, accountName, tokenName, rbac, namespaces) { ServiceAccountManifest = account, TokenSecretManifest = token, NamespaceObjects = namespaceObjects };
    }

    private static bool Is(JsonObject manifest, string apiVersion, string kind) =>
        JsonYaml.Text(manifest, "apiVersion") == apiVersion && JsonYaml.Text(manifest, "kind") == kind;

    /// <summary>The ServiceAccount.</summary>
    public SpokeObject ServiceAccount => ServiceAccountManifest is { } given ? new(ResourceType.ServiceAccount, SystemNamespace, ServiceAccountName, given) : new(ResourceType.ServiceAccount, SystemNamespace, ServiceAccountName, new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ServiceAccount",
        ["metadata"] = new JsonObject { ["name"] = ServiceAccountName, ["namespace"] = SystemNamespace },
    });

    /// <summary>The legacy, non-expiring token Secret the token controller fills.</summary>
    public SpokeObject TokenSecret => TokenSecretManifest is { } given ? new(ResourceType.Secret, SystemNamespace, TokenSecretName, given) : new(ResourceType.Secret, SystemNamespace, TokenSecretName, new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject
        {
            ["name"] = TokenSecretName,
            ["namespace"] = SystemNamespace,
            ["annotations"] = new JsonObject { [SpokeRbacManifest.ServiceAccountNameAnnotation] = ServiceAccountName },
        },
        ["type"] = SpokeRbacManifest.TokenSecretType,
    });
}
