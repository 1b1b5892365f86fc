using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace HubDsl.KubeEmulator;

/// <summary>
/// An in-process Kubernetes API server on https://127.0.0.1:{port}: its own CA, an admin token, the resource
/// kinds of <see cref="ResourceCatalog"/>, a service-account token controller, fault injection and a request log.
/// </summary>
public sealed class EmulatedCluster : IAsyncDisposable
{
    private readonly CertificateAuthority _authority;
    private readonly X509Certificate2 _serverCertificate;
    private readonly EmulatorHost _host;
    private readonly ServiceAccountTokenController _tokenController;

    private EmulatedCluster(EmulatedClusterOptions options)
    {
        Options = options;
        AdminToken = NewToken();
        _authority = new CertificateAuthority(options.Name);
        _serverCertificate = _authority.IssueServerCertificate();
        Resources = new ResourceOperations(new ObjectStore(), TimeProvider.System);
        var authenticator = new RequestAuthenticator(_authority, Resources);
        authenticator.AddStaticToken(AdminToken, new AuthenticatedUser(AdminUser, ["system:masters", "system:authenticated"]));
        _tokenController = new ServiceAccountTokenController(Resources, authenticator, _authority.CertificatePem, options.TokenControllerDelay);
        var pipeline = new RequestPipeline(Faults, Requests, authenticator, new ApiRequestHandler(Resources), TimeProvider.System);
        _host = new EmulatorHost(_serverCertificate, pipeline, Faults);
    }

    public EmulatedClusterOptions Options { get; }

    public string Name => Options.Name;

    /// <summary>https://127.0.0.1:{port} (stable across <see cref="StopListeningAsync"/>/<see cref="ResumeListeningAsync"/>).</summary>
    public Uri Server => new($"https://127.0.0.1:{_host.Port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The cluster CA certificate (PEM), what kubeconfig's certificate-authority-data carries.</summary>
    public string CaCertificatePem => _authority.CertificatePem;

    /// <summary>The user the admin token authenticates as (in the system:masters group).</summary>
    public const string AdminUser = "kubernetes-admin";

    /// <summary>A random bearer token for <see cref="AdminUser"/>.</summary>
    public string AdminToken { get; }

    public FaultInjector Faults { get; } = new();

    public RequestLog Requests { get; } = new();

    /// <summary>Direct access to the API verbs, to seed or inspect state without HTTP (no auth, no faults).</summary>
    public ResourceOperations Resources { get; }

    public static async Task<EmulatedCluster> StartAsync(EmulatedClusterOptions? options = null, CancellationToken cancellation = default)
    {
        var cluster = new EmulatedCluster(options ?? new EmulatedClusterOptions());
        try
        {
            foreach (var ns in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
            {
                cluster.Seed(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns } });
            }

            foreach (var ns in cluster.Options.ExtraNamespaces)
            {
                cluster.Seed(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns } });
            }

            if (cluster.Options.InstallArgoCdCrds)
            {
                cluster.InstallArgoCdCrds();
            }

            await cluster._host.StartAsync(cancellation).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates an object (JSON or YAML manifest, kind resolved from apiVersion/kind) as the admin would.</summary>
    public JsonObject Seed(string manifest) => Seed(RequestBodyParser.ParseObject(manifest));

    public JsonObject Seed(JsonObject manifest)
    {
        var apiVersion = manifest["apiVersion"]?.GetValue<string>() ?? "";
        var kindName = manifest["kind"]?.GetValue<string>() ?? "";
        var kind = ResourceCatalog.FindByKind(apiVersion, kindName) ?? throw new ArgumentException($"{apiVersion}/{kindName} is not served by the emulator", nameof(manifest));
        var ns = kind.Namespaced ? manifest["metadata"]?["namespace"]?.GetValue<string>() ?? "default" : null;
        return Resources.Create(kind, ns, manifest, "emulator-seed", dryRun: false);
    }

    /// <summary>Creates the Argo CD CRDs (Application, ApplicationSet, AppProject) if missing, e.g. to "install" Argo CD mid-test.</summary>
    public void InstallArgoCdCrds()
    {
        foreach (var crd in ArgoCdCustomResourceDefinitions.All())
        {
            if (Resources.TryGet(ResourceCatalog.CustomResourceDefinitions, null, crd["metadata"]!["name"]!.GetValue<string>()) is null)
            {
                Seed(crd);
            }
        }
    }

    /// <summary>Issues a client certificate (CN = user, O = groups) that authenticates against this cluster.</summary>
    public ClientCertificate IssueClientCertificate(string user, params string[] groups) => _authority.IssueClientCertificate(user, groups);

    /// <summary>Writes a one-context kubeconfig (admin token) and returns its path.</summary>
    public string WriteKubeconfig(string path, string? contextName = null, string? @namespace = null) =>
        new KubeconfigBuilder().AddContext(contextName ?? Name, this, token: null, @namespace).WriteTo(path);

    /// <summary>Closes the listening socket: new connections are refused by the OS until <see cref="ResumeListeningAsync"/>.</summary>
    public Task StopListeningAsync() => _host.StopAsync();

    /// <summary>Listens again on the same port, with all state intact.</summary>
    public Task ResumeListeningAsync(CancellationToken cancellation = default) => _host.StartAsync(cancellation);

    public async ValueTask DisposeAsync()
    {
        _tokenController.Dispose();
        await _host.DisposeAsync().ConfigureAwait(false);
        _serverCertificate.Dispose();
        _authority.Dispose();
    }

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
