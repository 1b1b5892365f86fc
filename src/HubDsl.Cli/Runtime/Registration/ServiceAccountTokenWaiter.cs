using System.Globalization;
using System.Text;

namespace HubDsl.Cli.Runtime.Registration;

/// <summary>
/// Waits, within a bound, for the spoke's token controller to fill a <c>kubernetes.io/service-account-token</c>
/// Secret (Kubernetes docs, "Manually create a long-lived API token for a ServiceAccount"), and returns the token.
/// </summary>
public sealed class ServiceAccountTokenWaiter
{
    private readonly KubeObjectClient _spoke;

    /// <summary>Creates a waiter for one spoke.</summary>
    public ServiceAccountTokenWaiter(KubeObjectClient spoke) => _spoke = spoke;

    /// <summary>The token once <c>data.token</c> is filled; a timeout names the Secret and the likely cause.</summary>
    public async Task<RedactedCredential> WaitAsync(SpokeObject tokenSecret, TimeSpan timeout, TimeSpan interval, CancellationToken cancellation)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var secret = await _spoke.GetAsync(tokenSecret.Type, tokenSecret.Namespace, tokenSecret.Name, cancellation).ConfigureAwait(false);
            if (secret is null) throw new InvalidOperationException("Secret " + tokenSecret.Namespace + "/" + tokenSecret.Name + " disappeared while waiting for its token");
            if (JsonYaml.Text(secret, "data", "token") is { Length: > 0 } encoded)
            {
                return new RedactedCredential(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new TimeoutException("timed out after " + timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s waiting for the token controller to fill Secret " + tokenSecret.Namespace + "/" + tokenSecret.Name + " (is the spoke's kube-controller-manager running?)");
            }

            await Task.Delay(interval, cancellation).ConfigureAwait(false);
        }
    }
}
