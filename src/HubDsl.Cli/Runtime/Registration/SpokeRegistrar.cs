using HubDsl.Core.Manifests;

namespace HubDsl.Cli.Runtime.Registration;

/// <summary>
/// <c>argocd cluster add</c> done with KubernetesClient: the ServiceAccount, RBAC and long-lived token Secret on the
/// spoke (<see cref="SpokeRbacInstaller"/>), a bounded wait for the token controller
/// (<see cref="ServiceAccountTokenWaiter"/>), then the hub cluster Secret named and shaped as Argo CD's own
/// (<see cref="HubClusterSecretWriter"/>). Every step is idempotent, so a failed run can be repeated.
/// </summary>
public sealed class SpokeRegistrar
{
    private readonly HubClient _hub;
    private readonly SpokeRbacInstaller _installer;
    private readonly ServiceAccountTokenWaiter _tokens;
    private readonly HubClusterSecretWriter _secrets;

    /// <summary>Creates a registrar for one hub and one spoke client.</summary>
    public SpokeRegistrar(HubClient hub, KubeObjectClient spoke)
    {
        _hub = hub;
        _installer = new SpokeRbacInstaller(spoke);
        _tokens = new ServiceAccountTokenWaiter(spoke);
        _secrets = new HubClusterSecretWriter(hub);
    }

    /// <summary>Registers the spoke. Throws <see cref="ClusterRegistrationException"/> with the work done so far.</summary>
    public async Task<ClusterRegistrationResult> RegisterAsync(ClusterRegistrationRequest request, Action<string>? step, CancellationToken cancellation)
    {
        var server = request.Spoke.Server.TrimEnd('/');
        var secretName = ClusterSecretNames.ForServer(server) ?? throw new UserInputException("context '" + request.Spoke.Name + "' has server '" + server + "', which is not an absolute URL");
        var name = request.Name ?? request.Spoke.Name;
        var cluster = request.Cluster(name, server);
        var progress = new RegistrationProgress(step) { HubSecretName = secretName };
        var secretRef = ResourceType.Secret.Describe(_hub.ArgoCdNamespace, secretName) + " (hub)";
        try
        {
            // 1. Fail before touching the spoke if the hub already has a different cluster for this server.
            progress.Begin("checking the hub for " + secretName);
            var existing = await _secrets.GetAsync(secretName, cancellation).ConfigureAwait(false);
            progress.HubSecretWasAbsent = existing is null;
            if (existing is not null && !request.Upsert && !HubClusterSecretWriter.SameExceptToken(existing, _secrets.Desired(cluster, Credentials(request, default), request.Shard)))
            {
                throw new ClusterRegistrationException(
                    "the hub already has cluster Secret " + _hub.ArgoCdNamespace + "/" + secretName + " for " + server + " (name '" + HubClusterSecretWriter.Decoded(existing, "name") + "'"
                    + (HubClusterSecretWriter.Decoded(existing, "config") is null ? ", no credentials" : string.Empty) + ") and it differs; re-run with --upsert to overwrite it",
                    progress,
                    userError: true);
            }

            // Argo CD keys clusters by server: a second Secret for the same server (e.g. from the Helm chart) would make two.
            var sameServer = (await _hub.ListClustersAsync(cancellation).ConfigureAwait(false))
                .FirstOrDefault(c => c.Server.TrimEnd('/') == server && c.SecretName != secretName);
            if (sameServer is not null)
            {
                throw new ClusterRegistrationException(
                    "the hub already registers " + server + " as cluster '" + sameServer.Name + "' in Secret " + _hub.ArgoCdNamespace + "/" + sameServer.SecretName
                    + "; remove it first (hubdsl cluster rm " + sameServer.SecretName + ")",
                    progress,
                    userError: true);
            }

            // 2. The spoke's ServiceAccount, Namespaces, roles and bindings and token Secret; then the bounded wait
            // for the token controller.
            await _installer.InstallAsync(request.Rbac, progress, cancellation).ConfigureAwait(false);
            var tokenSecret = request.Rbac.TokenSecret;
            progress.Begin("waiting for the token controller to fill " + tokenSecret.Namespace + "/" + tokenSecret.Name);
            var token = await _tokens.WaitAsync(tokenSecret, request.TokenTimeout, request.TokenPollInterval, cancellation).ConfigureAwait(false);

            // 3. The hub Secret.
            progress.Begin("cluster Secret " + _hub.ArgoCdNamespace + "/" + secretName + " on the hub");
            var desired = _secrets.Desired(cluster, Credentials(request, token), request.Shard);
            ObjectOutcome hubOutcome;
            existing = await _secrets.GetAsync(secretName, cancellation).ConfigureAwait(false);
            if (existing is not null && HubClusterSecretWriter.IsCurrent(existing, desired))
            {
                hubOutcome = ObjectOutcome.Unchanged;
            }
            else if (existing is not null && !request.Upsert)
            {
                throw new ClusterRegistrationException(
                    "the hub's cluster Secret " + _hub.ArgoCdNamespace + "/" + secretName + " holds other credentials; re-run with --upsert to replace them",
                    progress,
                    userError: true);
            }
            else
            {
                hubOutcome = await _secrets.WriteAsync(desired, progress, cancellation).ConfigureAwait(false);
            }

            progress.Add(new ObjectResult(secretRef, hubOutcome));
            progress.Step = null;
            return new ClusterRegistrationResult(name, server, secretName, progress.Done, hubOutcome);
        }
        catch (ClusterRegistrationException)
        {
            throw;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Ctrl+C: the caller says what was created and how to remove it (or removes it).
            throw new ClusterRegistrationException("cancelled" + (progress.Step is null ? string.Empty : " during: " + progress.Step), progress, userError: false, cancelled: true);
        }
        catch (Exception e)
        {
            if (e is UserInputException) throw;
            throw new ClusterRegistrationException(KubeErrors.DescribeWithRequest(e), progress, userError: false);
        }
    }

    private static ClusterCredentials Credentials(ClusterRegistrationRequest request, RedactedCredential token) =>
        ClusterCredentials.ForContext(request.Spoke, token, request.InsecureSkipTlsVerify);
}
