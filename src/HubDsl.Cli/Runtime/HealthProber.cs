using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;

namespace HubDsl.Cli.Runtime;

/// <summary>The outcome of probing one spoke's <c>/version</c> with the credentials stored on the hub.</summary>
public sealed record ClusterHealth(RegisteredCluster Cluster, bool Reachable, string? ServerVersion, string? Message, TimeSpan Elapsed)
{
    /// <summary>Argo CD's connection state words: Successful or Failed.</summary>
    public string Status => Reachable ? "Successful" : "Failed";
}

/// <summary>
/// Probes every spoke concurrently, each with its own timeout (retries of 429/5xx fit inside it), so one slow or
/// unreachable spoke costs its timeout and never delays the others. The command's deadline (in
/// <see cref="Retry"/>) bounds them all: a probe it cuts short reports that, naming the spoke.
/// </summary>
public sealed class HealthProber
{
    /// <summary>Creates a prober; <paramref name="retry"/> (default <see cref="RetryPolicy.Default"/>) carries the command's deadline.</summary>
    public HealthProber(TimeSpan timeout, bool insecureSkipTlsVerify, int maxConcurrency = 128, RetryPolicy? retry = null)
    {
        Timeout = timeout;
        InsecureSkipTlsVerify = insecureSkipTlsVerify;
        MaxConcurrency = maxConcurrency;
        Retry = retry ?? RetryPolicy.Default;
    }

    /// <summary>Retries of each probe, under the command's deadline if it has one.</summary>
    public RetryPolicy Retry { get; }

    /// <summary>Per-cluster time limit.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Whether TLS verification is off (only with --insecure-skip-tls-verify).</summary>
    public bool InsecureSkipTlsVerify { get; }

    /// <summary>Probes in flight at once.</summary>
    public int MaxConcurrency { get; }

    /// <summary>Probes all clusters; results in the input order. <paramref name="progress"/> gets the count done.</summary>
    public async Task<IReadOnlyList<ClusterHealth>> ProbeAllAsync(IReadOnlyList<RegisteredCluster> clusters, IProgress<int>? progress, CancellationToken cancellation)
    {
        using var gate = new SemaphoreSlim(MaxConcurrency);
        var done = 0;
        var tasks = clusters.Select(async cluster =>
        {
            await gate.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                return await ProbeAsync(cluster, cancellation).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
                progress?.Report(Interlocked.Increment(ref done));
            }
        }).ToList();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>Probes one cluster; never throws except for the caller's cancellation.</summary>
    public async Task<ClusterHealth> ProbeAsync(RegisteredCluster cluster, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        if (cluster.Credentials is not { } credentials)
        {
            return new ClusterHealth(cluster, false, null, cluster.ConfigError ?? "no credentials in the cluster Secret (register it with hubdsl cluster add)", clock.Elapsed);
        }

        if (credentials.ExternalAuth is { } external)
        {
            return new ClusterHealth(cluster, false, null, "cannot probe: the cluster uses " + external + " authentication", clock.Elapsed);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Timeout);
        KubeObjectClient? client = null;
        try
        {
            client = new KubeObjectClient(new Kubernetes(Configuration(cluster.Server, credentials, InsecureSkipTlsVerify)), Retry);
            var version = await client.Retry.ExecuteAsync(ct => client.VersionAsync(ct), timeout.Token, cluster.Server + " (GET /version)").ConfigureAwait(false);
            return new ClusterHealth(cluster, true, version, null, clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new ClusterHealth(cluster, false, null, "timed out after " + Timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s", clock.Elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var message = KubeErrors.Describe(e);
            if (credentials.Insecure && !InsecureSkipTlsVerify && message.StartsWith("TLS", StringComparison.Ordinal))
            {
                message += "; the stored config sets insecure, which hubdsl honours only with --insecure-skip-tls-verify";
            }

            return new ClusterHealth(cluster, false, null, message, clock.Elapsed);
        }
        finally
        {
            client?.Dispose();
        }
    }

    /// <summary>A client configuration from stored credentials; TLS verified against the stored CA unless <paramref name="insecure"/>.</summary>
    public static KubernetesClientConfiguration Configuration(string server, ClusterCredentials credentials, bool insecure)
    {
        var configuration = new KubernetesClientConfiguration
        {
            Host = server.TrimEnd('/'),
            SkipTlsVerify = insecure,
            TlsServerName = credentials.ServerName,
            HttpClientTimeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        if (credentials.BearerToken.HasValue)
        {
            configuration.AccessToken = credentials.BearerToken.Reveal();
        }
        else if (credentials.CertPem is { Length: > 0 } cert && credentials.KeyPem.HasValue)
        {
            if ((Pem.CertificateProblem(cert) ?? Pem.PairProblem(cert, credentials.KeyPem.Reveal()!)) is { } problem)
            {
                throw new InvalidDataException("the cluster Secret's config.tlsClientConfig certData/keyData " + problem);
            }

            configuration.ClientCertificateData = Convert.ToBase64String(Encoding.UTF8.GetBytes(cert));
            configuration.ClientCertificateKeyData = Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials.KeyPem.Reveal()!));
        }
        else if (credentials.Password.HasValue)
        {
            configuration.Username = credentials.Username;
            configuration.Password = credentials.Password.Reveal();
        }

        if (credentials.CaPem is { Length: > 0 } ca)
        {
            if (Pem.CertificateProblem(ca) is { } problem) throw new InvalidDataException("the cluster Secret's config.tlsClientConfig.caData " + problem);
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPem(ca);
            configuration.SslCaCerts = certificates;
        }

        return configuration;
    }
}
