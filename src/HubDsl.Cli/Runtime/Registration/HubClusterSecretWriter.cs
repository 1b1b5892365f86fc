using System.Text;
using System.Text.Json.Nodes;
using HubDsl.Core.Manifests;
using HubDsl.Core.Model;

namespace HubDsl.Cli.Runtime.Registration;

/// <summary>
/// Reads, compares and writes a cluster Secret on the hub. Its shape is Core's
/// (<see cref="ClusterSecretManifest.BuildRegistered"/>, as Argo CD's API writes it); this class supplies the
/// credentials and writes it by server-side apply as <see cref="ClusterFieldManager"/>.
/// </summary>
public sealed class HubClusterSecretWriter
{
    private readonly HubClient _hub;

    /// <summary>Creates a writer for one hub.</summary>
    public HubClusterSecretWriter(HubClient hub) => _hub = hub;

    /// <summary>The Secret for <paramref name="cluster"/> with <paramref name="credentials"/> (without a token: everything but the token).</summary>
    public JsonObject Desired(ClusterModel cluster, ClusterCredentials credentials, int? shard) =>
        (JsonObject)Output.JsonConvert.From(ClusterSecretManifest.BuildRegistered(cluster, _hub.ArgoCdNamespace, credentials.ToConfigJson(), shard))!;

    /// <summary>The live Secret, or null; its values are remembered so no message can echo them.</summary>
    public async Task<JsonObject?> GetAsync(string secretName, CancellationToken cancellation)
    {
        var existing = await _hub.Objects.GetAsync(ResourceType.Secret, _hub.ArgoCdNamespace, secretName, cancellation).ConfigureAwait(false);
        Redactor.RememberSecret(existing);
        return existing;
    }

    /// <summary>
    /// Writes <paramref name="desired"/> (server-side apply, forced), recording in <paramref name="progress"/> while the
    /// request is under way. Created or Updated.
    /// </summary>
    public async Task<ObjectOutcome> WriteAsync(JsonObject desired, RegistrationProgress progress, CancellationToken cancellation)
    {
        var secretName = JsonYaml.Text(desired, "metadata", "name")!;
        progress.HubSecretPending = true;
        var (applied, created) = await _hub.Objects.ApplyAsync(ResourceType.Secret, _hub.ArgoCdNamespace, secretName, desired, ClusterFieldManager.Name, force: true, dryRun: false, cancellation).ConfigureAwait(false);
        progress.HubSecretPending = false;
        await DropStaleKeysAsync(applied, desired, secretName, cancellation).ConfigureAwait(false);
        return created ? ObjectOutcome.Created : ObjectOutcome.Updated;
    }

    /// <summary>Whether the live Secret already holds <paramref name="desired"/>'s data and labels and annotations.</summary>
    public static bool IsCurrent(JsonObject existing, JsonObject desired) => SameData(existing, desired) && ContainsMetadata(existing, desired);

    /// <summary>Whether the live Secret is <paramref name="desired"/> apart from the bearer token (a re-run's fresh token is no difference).</summary>
    public static bool SameExceptToken(JsonObject existing, JsonObject desired)
    {
        if (!ContainsMetadata(existing, desired)) return false;
        var have = JsonYaml.Map(existing, "data");
        var want = JsonYaml.Map(desired, "data");
        if (!have.Keys.OrderBy(k => k, StringComparer.Ordinal).SequenceEqual(want.Keys.OrderBy(k => k, StringComparer.Ordinal))) return false;
        foreach (var key in want.Keys.Where(k => k != "config"))
        {
            if (have[key] != want[key]) return false;
        }

        return ConfigWithoutToken(have["config"]) == ConfigWithoutToken(want["config"]);
    }

    /// <summary>A data value decoded, or null when absent.</summary>
    public static string? Decoded(JsonObject secret, string key) =>
        JsonYaml.Text(secret, "data", key) is { } value ? Encoding.UTF8.GetString(Convert.FromBase64String(value)) : null;

    // An upsert replaces the cluster as Argo CD's does: cluster keys someone else wrote (e.g. namespaces from an
    // earlier argocd cluster add) go, unless hubdsl apply declares them (the project owns those).
    private async Task DropStaleKeysAsync(JsonObject applied, JsonObject desired, string secretName, CancellationToken cancellation)
    {
        var wanted = JsonYaml.Map(desired, "data");
        var ownedByApply = (applied["metadata"]?["managedFields"] as JsonArray ?? new JsonArray())
            .OfType<JsonObject>()
            .Where(m => JsonYaml.Text(m, "manager") is { } manager && (FleetOwnership.FleetOfManager(manager) is not null || manager == FleetOwnership.LegacyFieldManager))
            .SelectMany(m => (m["fieldsV1"]?["f:data"] as JsonObject)?.Select(p => p.Key.StartsWith("f:", StringComparison.Ordinal) ? p.Key.Substring(2) : p.Key) ?? Enumerable.Empty<string>())
            .ToHashSet(StringComparer.Ordinal);
        var stale = JsonYaml.Map(applied, "data").Keys
            .Where(k => k is "namespaces" or "clusterResources" or "project" or "shard" && !wanted.ContainsKey(k) && !ownedByApply.Contains(k))
            .ToList();
        if (stale.Count == 0) return;
        var nulls = new JsonObject();
        foreach (var key in stale) nulls[key] = null;
        await _hub.Objects.MergePatchAsync(ResourceType.Secret, _hub.ArgoCdNamespace, secretName, new JsonObject { ["data"] = nulls }, ClusterFieldManager.Name, cancellation).ConfigureAwait(false);
    }

    private static string? ConfigWithoutToken(string base64)
    {
        try
        {
            var config = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64))) as JsonObject;
            config?.Remove("bearerToken");
            return config?.ToJsonString();
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static bool SameData(JsonObject existing, JsonObject desired)
    {
        var have = JsonYaml.Map(existing, "data");
        var want = JsonYaml.Map(desired, "data");
        return have.Count == want.Count && want.All(p => have.TryGetValue(p.Key, out var v) && v == p.Value);
    }

    private static bool ContainsMetadata(JsonObject existing, JsonObject desired)
    {
        foreach (var part in new[] { "labels", "annotations" })
        {
            var have = JsonYaml.Map(existing, "metadata", part);
            if (JsonYaml.Map(desired, "metadata", part).Any(p => !have.TryGetValue(p.Key, out var v) || v != p.Value)) return false;
        }

        return true;
    }
}
