using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace HubDsl.KubeEmulator;

/// <summary>
/// The legacy token controller: a Secret of type kubernetes.io/service-account-token annotated with
/// kubernetes.io/service-account.name gets data.token, data.ca.crt and data.namespace after a delay,
/// once its ServiceAccount exists. Issued tokens authenticate as that ServiceAccount.
/// </summary>
public sealed class ServiceAccountTokenController : IDisposable
{
    public const string TokenSecretType = "kubernetes.io/service-account-token";
    public const string ServiceAccountNameAnnotation = "kubernetes.io/service-account.name";
    public const string ServiceAccountUidAnnotation = "kubernetes.io/service-account.uid";
    private const string ManagerName = "kube-controller-manager";

    private readonly ResourceOperations _operations;
    private readonly RequestAuthenticator _authenticator;
    private readonly string _caPem;
    private readonly TimeSpan _delay;
    private readonly CancellationTokenSource _stopping = new();

    public ServiceAccountTokenController(ResourceOperations operations, RequestAuthenticator authenticator, string caPem, TimeSpan delay)
    {
        _operations = operations;
        _authenticator = authenticator;
        _caPem = caPem;
        _delay = delay;
        _operations.Changed += OnChanged;
    }

    public void Dispose()
    {
        _operations.Changed -= OnChanged;

        // Not disposed: a change raised concurrently with shutdown may still read its token.
        _stopping.Cancel();
    }

    private void OnChanged(StoreChange change)
    {
        if (change.Type == StoreChange.Deleted)
        {
            return;
        }

        if (change.Kind == ResourceCatalog.Secrets && NeedsToken(change.Object))
        {
            Schedule(change.Object["metadata"]!["namespace"]!.GetValue<string>(), change.Object["metadata"]!["name"]!.GetValue<string>());
        }
        else if (change.Kind == ResourceCatalog.ServiceAccounts && change.Type == StoreChange.Added)
        {
            // Secrets created before their ServiceAccount are filled once it appears.
            var ns = change.Object["metadata"]!["namespace"]!.GetValue<string>();
            var account = change.Object["metadata"]!["name"]!.GetValue<string>();
            var waiting = _operations.List(ResourceCatalog.Secrets, ns, labelSelector: null)["items"]!.AsArray()
                .OfType<JsonObject>()
                .Where(s => NeedsToken(s) && ServiceAccountOf(s) == account);
            foreach (var secret in waiting)
            {
                Schedule(ns, secret["metadata"]!["name"]!.GetValue<string>());
            }
        }
    }

    private void Schedule(string ns, string secretName)
    {
        var token = _stopping.Token;
        _ = Task.Run(
            async () =>
            {
                try
                {
                    await Task.Delay(_delay, token).ConfigureAwait(false);
                    Fill(ns, secretName);
                }
                catch (OperationCanceledException)
                {
                    // The cluster is shutting down.
                }
                catch (ObjectDisposedException)
                {
                    // The cluster is shutting down.
                }
            },
            token);
    }

    private void Fill(string ns, string secretName)
    {
        _operations.Mutate(ResourceCatalog.Secrets, ns, secretName, ManagerName, secret =>
        {
            if (!NeedsToken(secret) || ServiceAccountOf(secret) is not { } account)
            {
                return false;
            }

            if (_operations.Store.Get(ResourceCatalog.ServiceAccounts, ns, account) is not { } serviceAccount)
            {
                return false;
            }

            var accountUid = serviceAccount["metadata"]?["uid"]?.GetValue<string>() ?? "";
            var jwt = MintToken(ns, secretName, account, accountUid);
            var data = secret["data"] as JsonObject ?? new JsonObject();
            secret["data"] = data;
            data["token"] = Base64(jwt);
            data["ca.crt"] = Base64(_caPem);
            data["namespace"] = Base64(ns);
            if (secret["metadata"]!["annotations"] is JsonObject annotations)
            {
                annotations[ServiceAccountUidAnnotation] = accountUid;
            }

            _authenticator.RememberServiceAccountToken(jwt, ns, secretName, account);
            return true;
        });
    }

    private static bool NeedsToken(JsonObject secret) =>
        secret["type"]?.GetValue<string>() == TokenSecretType
        && ServiceAccountOf(secret) is not null
        && secret["data"]?["token"] is null;

    private static string? ServiceAccountOf(JsonObject secret) =>
        secret["metadata"]?["annotations"]?[ServiceAccountNameAnnotation]?.GetValue<string>();

    private static string MintToken(string ns, string secretName, string account, string accountUid) =>
        ServiceAccountJwt.Mint(new JsonObject
        {
            ["iss"] = "kubernetes/serviceaccount",
            ["kubernetes.io/serviceaccount/namespace"] = ns,
            ["kubernetes.io/serviceaccount/secret.name"] = secretName,
            ["kubernetes.io/serviceaccount/service-account.name"] = account,
            ["kubernetes.io/serviceaccount/service-account.uid"] = accountUid,
            ["sub"] = $"system:serviceaccount:{ns}:{account}",
        });

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
