using System.Text;
using System.Text.Json.Nodes;
using HubDsl.Core.Manifests;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Runtime;

/// <summary>What apply did (or, in a dry run, would do) to one object.</summary>
public enum ApplyOutcome
{
    /// <summary>The object did not exist.</summary>
    Created,

    /// <summary>The object changed.</summary>
    Configured,

    /// <summary>Nothing changed.</summary>
    Unchanged,

    /// <summary>Deleted by --prune.</summary>
    Pruned,

    /// <summary>The API refused or could not be reached.</summary>
    Failed,
}

/// <summary>One object's apply result.</summary>
public sealed record ApplyResult(ResourceType Type, string Namespace, string Name, ApplyOutcome Outcome, string? Message = null)
{
    /// <summary>The name of the step that is not one object (the prune pass).</summary>
    public const string PruneStep = "(prune)";

    /// <summary>"kind/name" in lower case, as kubectl prints it.</summary>
    public string Object => Name == PruneStep ? "prune" : Type.Kind.ToLowerInvariant() + "/" + Name;
}

/// <summary>One object's difference between the live state and what apply would make of it.</summary>
public sealed record ObjectDiff(ResourceType Type, string Namespace, string Name, string Diff, string? Error = null);

/// <summary>
/// Server-side apply (field manager <c>hubdsl</c>, conflicts forced: the project's manifests are the declared
/// state) of a project's hub objects, with server dry runs for <c>--dry-run</c> and <c>diff</c>, and pruning of
/// objects that carry HubDsl's managed-by label and are no longer generated.
/// </summary>
public sealed class ManifestApplier
{
    /// <summary>apply's field manager.</summary>
    public const string FieldManager = "hubdsl";

    private static readonly string[] ServerMetadata = { "managedFields", "resourceVersion", "uid", "creationTimestamp", "generation" };

    private readonly HubClient hub;

    /// <summary>Creates an applier for a hub.</summary>
    public ManifestApplier(HubClient hub) => this.hub = hub;

    /// <summary>Applies every object (one failure does not stop the others), then prunes when asked and nothing failed.</summary>
    public async Task<IReadOnlyList<ApplyResult>> ApplyAsync(IReadOnlyList<DesiredObject> objects, bool dryRun, bool prune, IProgress<int>? progress, CancellationToken cancellation)
    {
        var results = new List<ApplyResult>();
        foreach (var desired in objects)
        {
            results.Add(await ApplyOneAsync(desired, dryRun, cancellation).ConfigureAwait(false));
            progress?.Report(results.Count);
        }

        if (prune)
        {
            if (results.Any(r => r.Outcome == ApplyOutcome.Failed))
            {
                results.Add(new ApplyResult(ResourceType.Secret, hub.ArgoCdNamespace, ApplyResult.PruneStep, ApplyOutcome.Failed, "skipped because some objects failed to apply"));
            }
            else
            {
                results.AddRange(await PruneAsync(objects, dryRun, cancellation).ConfigureAwait(false));
            }
        }

        return results;
    }

    /// <summary>Objects HubDsl manages on the hub that <paramref name="objects"/> no longer holds.</summary>
    public async Task<IReadOnlyList<(ResourceType Type, string Namespace, string Name, JsonObject Live)>> FindPrunableAsync(IReadOnlyList<DesiredObject> objects, CancellationToken cancellation)
    {
        var wanted = objects.Select(o => (o.Type, o.Namespace, o.Name)).ToHashSet();
        var namespaces = objects.Select(o => o.Namespace).Append(hub.ArgoCdNamespace).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal);
        var found = new List<(ResourceType, string, string, JsonObject)>();
        foreach (var ns in namespaces)
        {
            foreach (var type in ResourceType.HubKinds)
            {
                var live = await hub.Objects.ListAsync(type, ns, ManifestLabels.ManagedByKey + "=" + ManifestLabels.ManagedByValue, cancellation).ConfigureAwait(false);
                foreach (var item in live)
                {
                    var name = JsonYaml.Text(item, "metadata", "name") ?? string.Empty;
                    if (!wanted.Contains((type, ns, name))) found.Add((type, ns, name, item));
                }
            }
        }

        return found;
    }

    /// <summary>Each object's unified diff (live against the server's dry-run apply); objects without changes are left out.</summary>
    public async Task<IReadOnlyList<ObjectDiff>> DiffAsync(IReadOnlyList<DesiredObject> objects, bool prune, CancellationToken cancellation)
    {
        var diffs = new List<ObjectDiff>();
        foreach (var desired in objects)
        {
            try
            {
                var live = await hub.Objects.GetAsync(desired.Type, desired.Namespace, desired.Name, cancellation).ConfigureAwait(false);
                var (merged, _) = await hub.Objects.ApplyAsync(desired.Type, desired.Namespace, desired.Name, desired.Configuration, FieldManager, force: true, dryRun: true, cancellation).ConfigureAwait(false);
                var text = Diff(desired.Type, desired.Namespace, desired.Name, live, merged);
                if (text.Length > 0) diffs.Add(new ObjectDiff(desired.Type, desired.Namespace, desired.Name, text));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
            {
                diffs.Add(new ObjectDiff(desired.Type, desired.Namespace, desired.Name, string.Empty, KubeErrors.Describe(e)));
            }
        }

        if (prune)
        {
            foreach (var (type, ns, name, live) in await FindPrunableAsync(objects, cancellation).ConfigureAwait(false))
            {
                diffs.Add(new ObjectDiff(type, ns, name, Diff(type, ns, name, live, null)));
            }
        }

        return diffs;
    }

    /// <summary>A unified diff between two versions of an object (either may be null), Secret values redacted.</summary>
    public static string Diff(ResourceType type, string ns, string name, JsonObject? live, JsonObject? merged)
    {
        var (before, after) = type == ResourceType.Secret ? RedactSecretPair(live, merged) : (live, merged);
        var label = type.ApiVersion.Replace('/', '.') + "." + type.Kind + "." + ns + "." + name;
        return UnifiedDiff.Create(Yaml(before), Yaml(after), "live/" + label, "merged/" + label);
    }

    private async Task<ApplyResult> ApplyOneAsync(DesiredObject desired, bool dryRun, CancellationToken cancellation)
    {
        try
        {
            var live = await hub.Objects.GetAsync(desired.Type, desired.Namespace, desired.Name, cancellation).ConfigureAwait(false);
            var (result, created) = await hub.Objects.ApplyAsync(desired.Type, desired.Namespace, desired.Name, desired.Configuration, FieldManager, force: true, dryRun, cancellation).ConfigureAwait(false);
            var outcome = live is null || created ? ApplyOutcome.Created : SameObject(live, result) ? ApplyOutcome.Unchanged : ApplyOutcome.Configured;
            return new ApplyResult(desired.Type, desired.Namespace, desired.Name, outcome);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            return new ApplyResult(desired.Type, desired.Namespace, desired.Name, ApplyOutcome.Failed, KubeErrors.Describe(e));
        }
    }

    private async Task<IReadOnlyList<ApplyResult>> PruneAsync(IReadOnlyList<DesiredObject> objects, bool dryRun, CancellationToken cancellation)
    {
        var results = new List<ApplyResult>();
        IReadOnlyList<(ResourceType Type, string Namespace, string Name, JsonObject Live)> prunable;
        try
        {
            prunable = await FindPrunableAsync(objects, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            return new[] { new ApplyResult(ResourceType.Secret, hub.ArgoCdNamespace, ApplyResult.PruneStep, ApplyOutcome.Failed, KubeErrors.Describe(e)) };
        }

        foreach (var (type, ns, name, _) in prunable)
        {
            try
            {
                await hub.Objects.DeleteAsync(type, ns, name, dryRun, cancellation).ConfigureAwait(false);
                results.Add(new ApplyResult(type, ns, name, ApplyOutcome.Pruned));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
            {
                results.Add(new ApplyResult(type, ns, name, ApplyOutcome.Failed, "prune: " + KubeErrors.Describe(e)));
            }
        }

        return results;
    }

    // Ownership-only metadata (managedFields), and status, which controllers write between the read and the apply
    // and apply never changes, do not count; resourceVersion is compared only when the status did not move.
    private static bool SameObject(JsonObject live, JsonObject result)
    {
        var a = (JsonObject)live.DeepClone();
        var b = (JsonObject)result.DeepClone();
        var statusMoved = !JsonNode.DeepEquals(a["status"], b["status"]);
        foreach (var side in new[] { a, b })
        {
            side.Remove("status");
            if (side["metadata"] is JsonObject metadata)
            {
                metadata.Remove("managedFields");
                if (statusMoved) metadata.Remove("resourceVersion");
            }
        }

        return JsonNode.DeepEquals(a, b);
    }

    private static string Yaml(JsonObject? obj)
    {
        if (obj is null) return string.Empty;
        var copy = (JsonObject)obj.DeepClone();
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in ServerMetadata) metadata.Remove(field);
        }

        return YamlWriter.Write((YamlMapping)JsonYaml.ToYaml(copy));
    }

    // Non-credential cluster keys are shown decoded; every other value is masked, marked when it changes.
    private static (JsonObject? Before, JsonObject? After) RedactSecretPair(JsonObject? live, JsonObject? merged)
    {
        var liveData = JsonYaml.Map(live, "data");
        var mergedData = JsonYaml.Map(merged, "data");
        JsonObject? Redact(JsonObject? secret, Dictionary<string, string> mine, Dictionary<string, string> other, string side)
        {
            if (secret is null) return null;
            var copy = (JsonObject)secret.DeepClone();
            copy.Remove("stringData");
            if (copy["data"] is not JsonObject data) return copy;
            foreach (var key in data.Select(p => p.Key).ToList())
            {
                var value = mine[key];
                if (ProjectManifests.ClusterDataKeys.Contains(key) && TryDecode(value, out var text))
                {
                    data[key] = text;
                }
                else
                {
                    data[key] = other.TryGetValue(key, out var otherValue) && otherValue == value ? "***" : "*** (" + side + ")";
                }
            }

            return copy;
        }

        return (Redact(live, liveData, mergedData, "before"), Redact(merged, mergedData, liveData, "after"));
    }

    private static bool TryDecode(string base64, out string text)
    {
        try
        {
            text = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(base64));
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            text = string.Empty;
            return false;
        }
    }
}
