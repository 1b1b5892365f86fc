using System;
using System.Text;
using System.Text.Json.Nodes;

namespace HubDsl.KubeEmulator;

/// <summary>Secret write rules: stringData is folded into base64 data (and never stored); data must be base64.</summary>
public static class SecretData
{
    public static void Normalize(JsonObject secret, string name)
    {
        FoldStringData(secret);
        if (secret["data"] is JsonObject values)
        {
            foreach (var (key, value) in values)
            {
                if (value is not JsonValue v || !v.TryGetValue<string>(out var text) || !IsBase64(text))
                {
                    throw ApiStatus.Invalid(ResourceCatalog.Secrets, name, $"data[{key}]", "Invalid value: must be a base64-encoded string");
                }
            }
        }

        if (secret["type"] is null)
        {
            secret["type"] = "Opaque";
        }
    }

    /// <summary>Apply configurations fold stringData too, so the applier owns the data keys it declared.</summary>
    public static void FoldStringData(JsonObject secret)
    {
        if (secret["stringData"] is JsonObject stringData)
        {
            var data = secret["data"] as JsonObject ?? new JsonObject();
            secret["data"] = data;
            foreach (var (key, value) in stringData)
            {
                data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.ToString() ?? ""));
            }
        }

        secret.Remove("stringData");
    }

    public static string? ReadString(JsonObject secret, string key) =>
        secret["data"]?[key]?.GetValue<string>() is { } encoded ? Encoding.UTF8.GetString(Convert.FromBase64String(encoded)) : null;

    private static bool IsBase64(string text)
    {
        Span<byte> buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }
}
