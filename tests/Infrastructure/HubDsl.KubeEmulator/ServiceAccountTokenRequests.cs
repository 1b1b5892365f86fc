using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace HubDsl.KubeEmulator;

/// <summary>
/// The TokenRequest API (POST serviceaccounts/{name}/token): a time-bound token for an existing ServiceAccount,
/// honouring spec.expirationSeconds (minimum 600, default 3600) and spec.audiences.
/// </summary>
public sealed class ServiceAccountTokenRequests(ResourceOperations operations, RequestAuthenticator authenticator, TimeProvider time)
{
    private const long DefaultExpirationSeconds = 3600;
    private const long MinimumExpirationSeconds = 600;

    public JsonObject Issue(string ns, string serviceAccount, JsonObject request, bool dryRun)
    {
        var account = operations.Get(ResourceCatalog.ServiceAccounts, ns, serviceAccount);
        var spec = request["spec"] as JsonObject ?? new JsonObject();
        var seconds = spec["expirationSeconds"] is JsonValue value && value.TryGetValue<long>(out var requested) ? requested : DefaultExpirationSeconds;
        if (seconds < MinimumExpirationSeconds)
        {
            throw new KubeApiException(ApiStatus.Failure(
                422,
                "Invalid",
                $"TokenRequest.authentication.k8s.io \"{serviceAccount}\" is invalid: spec.expirationSeconds: Invalid value: {seconds}: may not specify a duration less than 10 minutes"));
        }

        var audiences = spec["audiences"] is JsonArray list && list.Count > 0
            ? list.Select(a => a?.GetValue<string>() ?? "").ToArray()
            : ["https://kubernetes.default.svc"];
        var now = time.GetUtcNow();
        var expires = now.AddSeconds(seconds);
        var uid = account["metadata"]!["uid"]!.GetValue<string>();
        var token = ServiceAccountJwt.Mint(new JsonObject
        {
            ["aud"] = new JsonArray(audiences.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["iss"] = "https://kubernetes.default.svc",
            ["kubernetes.io"] = new JsonObject
            {
                ["namespace"] = ns,
                ["serviceaccount"] = new JsonObject { ["name"] = serviceAccount, ["uid"] = uid },
            },
            ["sub"] = $"system:serviceaccount:{ns}:{serviceAccount}",
        });
        if (!dryRun)
        {
            authenticator.RememberBoundToken(token, ns, serviceAccount, uid, expires);
        }

        return new JsonObject
        {
            ["kind"] = "TokenRequest",
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["metadata"] = new JsonObject { ["name"] = serviceAccount, ["namespace"] = ns, ["creationTimestamp"] = null },
            ["spec"] = new JsonObject
            {
                ["audiences"] = new JsonArray(audiences.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
                ["expirationSeconds"] = seconds,
                ["boundObjectRef"] = spec["boundObjectRef"]?.DeepClone(),
            },
            ["status"] = new JsonObject
            {
                ["token"] = dryRun ? "" : token,
                ["expirationTimestamp"] = ManagedFieldsLedger.Timestamp(expires),
            },
        };
    }
}
