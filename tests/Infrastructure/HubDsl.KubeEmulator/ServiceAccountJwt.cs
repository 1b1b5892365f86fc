using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace HubDsl.KubeEmulator;

/// <summary>
/// Service-account tokens shaped like the real ones (header.claims.signature, base64url). The signature is
/// random bytes: only this server validates its tokens, by lookup rather than by key.
/// </summary>
public static class ServiceAccountJwt
{
    public static string Mint(JsonObject claims)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = "hubdsl-kube-emulator" };
        return $"{Encode(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{Encode(Encoding.UTF8.GetBytes(claims.ToJsonString()))}.{Encode(RandomNumberGenerator.GetBytes(64))}";
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
