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

    /// <summary>Released by --prune: other fleets own it too, so only this fleet's fields and label were removed.</summary>
    Released,

    /// <summary>Left alone by --prune: it is HubDsl's but no fleet's (an older HubDsl wrote it).</summary>
    Kept,

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

/// <summary>What <c>--prune</c> does to an object of this fleet that the project no longer generates.</summary>
public enum PruneAction
{
    /// <summary>Only this fleet owns it: delete it.</summary>
    Delete,

    /// <summary>Other fleets own it too: remove only this fleet's fields and label.</summary>
    Release,
}

/// <summary>An object of this fleet that the project no longer generates.</summary>
public sealed record PruneCandidate(ResourceType Type, string Namespace, string Name, PruneAction Action, IReadOnlyList<string> OtherFleets, JsonObject Live)
{
    /// <summary>"Kind ns/name".</summary>
    public override string ToString() => Type.Describe(Namespace, Name);
}

/// <summary>An object labelled managed-by hubdsl with no fleet label (written by an older HubDsl): never pruned.</summary>
public sealed record UnownedObject(ResourceType Type, string Namespace, string Name)
{
    /// <summary>"Kind ns/name".</summary>
    public override string ToString() => Type.Describe(Namespace, Name);
}

/// <summary>What <c>apply --prune</c> will do, worked out before anything changes so that it can be confirmed.</summary>
public sealed record PrunePlan(string Fleet, IReadOnlyList<PruneCandidate> Candidates, IReadOnlyList<UnownedObject> Unowned, IReadOnlyDictionary<string, int> OtherFleets)
{
    /// <summary>The objects it deletes.</summary>
    public IEnumerable<PruneCandidate> Deletes => Candidates.Where(c => c.Action == PruneAction.Delete);

    /// <summary>The objects it releases.</summary>
    public IEnumerable<PruneCandidate> Releases => Candidates.Where(c => c.Action == PruneAction.Release);
}

/// <summary>Apply or prune interrupted (Ctrl+C): what was done, what may have been, and what was not.</summary>
public sealed class ApplyCancelledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    public ApplyCancelledException(IReadOnlyList<ApplyResult> done, IReadOnlyList<string> inFlight, IReadOnlyList<string> notStarted, CancellationToken token)
        : base("cancelled", token)
    {
        Done = done;
        InFlight = inFlight;
        NotStarted = notStarted;
    }

    /// <summary>Every object handled before the cancellation, in the apply order.</summary>
    public IReadOnlyList<ApplyResult> Done { get; }

    /// <summary>The objects whose requests were under way: each may or may not have reached the server.</summary>
    public IReadOnlyList<string> InFlight { get; }

    /// <summary>Objects not touched.</summary>
    public IReadOnlyList<string> NotStarted { get; }
}

/// <summary>
/// Server-side apply of a project's hub objects as its fleet's own field manager (<c>hubdsl-fleet-&lt;fleet&gt;</c>),
/// with server dry runs for <c>--dry-run</c> and <c>diff</c>, and pruning by fleet: only objects carrying this
/// fleet's label are pruned; an object other fleets also own is released (this fleet's fields and label removed),
/// never deleted; an object of HubDsl without any fleet label is kept and listed.
/// </summary>
public sealed class ManifestApplier
{
    private static readonly string[] ServerMetadata = { "managedFields", "resourceVersion", "uid", "creationTimestamp", "generation" };

    private readonly HubClient _hub;

    /// <summary>Creates an applier for a hub and the fleet of the project's objects (<see cref="FleetOwnership.Of"/>).</summary>
    public ManifestApplier(HubClient hub, string fleet)
    {
        _hub = hub;
        Fleet = fleet;
    }

    /// <summary>The fleet this applier applies and prunes for.</summary>
    public string Fleet { get; }

    /// <summary>The field manager it applies as.</summary>
    public string FieldManager => FleetOwnership.FieldManager(Fleet);

    /// <summary>
    /// How many objects <c>apply</c> sends at once by default. Kubernetes' API Priority and Fairness puts an ordinary
    /// user's requests in the <c>global-default</c> priority level, about 49 of the 600 seats a default API server has
    /// (<c>--max-requests-inflight</c> 400 plus <c>--max-mutating-requests-inflight</c> 200, shared by nominal
    /// concurrency shares); 16 stays well inside it, leaving room for everyone else in that level, and at 16 requests
    /// in flight a hub that answers in 44 ms applies 1,000 objects in about 3 s.
    /// </summary>
    public const int DefaultConcurrency = 16;

    /// <summary>The largest <c>--concurrency</c> accepted.</summary>
    public const int MaxConcurrency = 256;

    /// <summary>
    /// Applies every object, one request each (after one list per kind and namespace that tells created, configured
    /// and unchanged apart), up to <paramref name="concurrency"/> at once: each kind (AppProjects, Secrets,
    /// ApplicationSets, in the order given) finishes before the next starts. One failure does not stop the others;
    /// results come back in the input order whatever order the answers arrived in. Cancelled, it throws
    /// <see cref="ApplyCancelledException"/> with what was applied, what was under way and what was not started.
    /// </summary>
    public async Task<IReadOnlyList<ApplyResult>> ApplyAsync(IReadOnlyList<DesiredObject> objects, bool dryRun, IProgress<int>? progress, CancellationToken cancellation, int concurrency = DefaultConcurrency)
    {
        if (concurrency is < 1 or > MaxConcurrency) throw new ArgumentOutOfRangeException(nameof(concurrency), concurrency, "from 1 to " + MaxConcurrency);
        LiveObjects live;
        try
        {
            live = await LiveObjects.ReadAsync(_hub.Objects, objects, cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw new ApplyCancelledException(Array.Empty<ApplyResult>(), Array.Empty<string>(), objects.Select(o => o.ToString()).ToList(), cancellation);
        }

        var results = new ApplyResult?[objects.Count];
        var started = new bool[objects.Count];
        var done = 0;
        for (var first = 0; first < objects.Count && !cancellation.IsCancellationRequested;)
        {
            var end = first;
            while (end < objects.Count && objects[end].Type == objects[first].Type) end++;
            var next = first - 1;
            var phaseEnd = end;
            async Task WorkAsync()
            {
                await Task.Yield();
                while (true)
                {
                    // Objects are taken in order, so what a cancellation leaves not started is the tail of the list.
                    var i = Interlocked.Increment(ref next);
                    if (i >= phaseEnd || cancellation.IsCancellationRequested) return;
                    started[i] = true;
                    var result = await ApplyOneAsync(objects[i], live, dryRun, cancellation).ConfigureAwait(false);
                    if (result is null) return; // cancelled while under way
                    results[i] = result;
                    progress?.Report(Interlocked.Increment(ref done));
                }
            }

            await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, end - first)).Select(_ => WorkAsync())).ConfigureAwait(false);
            first = end;
        }

        if (results.Any(r => r is null))
        {
            throw new ApplyCancelledException(
                results.OfType<ApplyResult>().ToList(),
                Enumerable.Range(0, objects.Count).Where(i => started[i] && results[i] is null).Select(i => objects[i].ToString()).ToList(),
                Enumerable.Range(0, objects.Count).Where(i => !started[i]).Select(i => objects[i].ToString()).ToList(),
                cancellation);
        }

        return results!;
    }

    /// <summary>
    /// What <c>--prune</c> will do: this fleet's objects the project no longer generates (delete, or release when
    /// other fleets own them too), HubDsl objects without a fleet label (kept), and how many objects other fleets own.
    /// </summary>
    public async Task<PrunePlan> PlanPruneAsync(IReadOnlyList<DesiredObject> objects, CancellationToken cancellation)
    {
        var wanted = objects.Select(o => (o.Type, o.Namespace, o.Name)).ToHashSet();
        var namespaces = objects.Select(o => o.Namespace).Append(_hub.ArgoCdNamespace).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal);
        var candidates = new List<PruneCandidate>();
        var unowned = new List<UnownedObject>();
        var others = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var ns in namespaces)
        {
            foreach (var type in ResourceType.HubKinds)
            {
                // This fleet's label (also on Secrets cluster add registered for it) and HubDsl's managed-by label.
                var mine = await _hub.Objects.ListAsync(type, ns, FleetIdentity.LabelKey(Fleet) + "=" + ManifestLabels.FleetValue, cancellation).ConfigureAwait(false);
                var managed = await _hub.Objects.ListAsync(type, ns, ManifestLabels.ManagedByKey + "=" + ManifestLabels.ManagedByValue, cancellation).ConfigureAwait(false);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in mine.Concat(managed))
                {
                    if (type == ResourceType.Secret) Redactor.RememberSecret(item);
                    var name = JsonYaml.Text(item, "metadata", "name") ?? string.Empty;
                    if (!seen.Add(name) || wanted.Contains((type, ns, name))) continue;
                    var fleets = FleetOwnership.Fleets(item);
                    if (fleets.Contains(Fleet, StringComparer.Ordinal))
                    {
                        var otherFleets = fleets.Where(f => f != Fleet).ToList();
                        candidates.Add(new PruneCandidate(type, ns, name, otherFleets.Count > 0 ? PruneAction.Release : PruneAction.Delete, otherFleets, item));
                    }
                    else if (!FleetOwnership.HasAnyFleetLabel(item))
                    {
                        unowned.Add(new UnownedObject(type, ns, name));
                    }
                    else
                    {
                        foreach (var fleet in fleets) others[fleet] = others.TryGetValue(fleet, out var n) ? n + 1 : 1;
                    }
                }
            }
        }

        return new PrunePlan(Fleet, candidates, unowned, others);
    }

    /// <summary>
    /// Carries out a confirmed plan: works the plan out again and acts only where it still agrees (an object whose
    /// owners changed since is reported, not touched). Unowned objects are reported as kept.
    /// </summary>
    public async Task<IReadOnlyList<ApplyResult>> PruneAsync(IReadOnlyList<DesiredObject> objects, PrunePlan confirmed, bool dryRun, CancellationToken cancellation)
    {
        var results = new List<ApplyResult>();
        PrunePlan now;
        try
        {
            now = await PlanPruneAsync(objects, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            return new[] { new ApplyResult(ResourceType.Secret, _hub.ArgoCdNamespace, ApplyResult.PruneStep, ApplyOutcome.Failed, KubeErrors.Describe(e)) };
        }

        foreach (var candidate in now.Candidates)
        {
            var agreed = confirmed.Candidates.FirstOrDefault(c => c.Type == candidate.Type && c.Namespace == candidate.Namespace && c.Name == candidate.Name);
            try
            {
                if (agreed is null || agreed.Action != candidate.Action)
                {
                    results.Add(new ApplyResult(candidate.Type, candidate.Namespace, candidate.Name, ApplyOutcome.Failed, "not pruned: its owners changed since the list was made (it would now be " + (candidate.Action == PruneAction.Delete ? "deleted" : "released") + "); run apply --prune again"));
                }
                else if (candidate.Action == PruneAction.Delete)
                {
                    await _hub.Objects.DeleteAsync(candidate.Type, candidate.Namespace, candidate.Name, dryRun, cancellation).ConfigureAwait(false);
                    results.Add(new ApplyResult(candidate.Type, candidate.Namespace, candidate.Name, ApplyOutcome.Pruned));
                }
                else
                {
                    results.Add(await ReleaseAsync(candidate, dryRun, cancellation).ConfigureAwait(false));
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                var rest = now.Candidates.SkipWhile(c => c != candidate).Skip(1).Select(c => c.ToString()).ToList();
                throw new ApplyCancelledException(results, new[] { candidate.ToString() }, rest, cancellation);
            }
            catch (Exception e)
            {
                results.Add(new ApplyResult(candidate.Type, candidate.Namespace, candidate.Name, ApplyOutcome.Failed, "prune: " + KubeErrors.Describe(e)));
            }
        }

        foreach (var kept in now.Unowned)
        {
            results.Add(new ApplyResult(kept.Type, kept.Namespace, kept.Name, ApplyOutcome.Kept, UnownedMessage(kept)));
        }

        return results;
    }

    /// <summary>Why an unowned object is kept, and the command that makes it this fleet's.</summary>
    public string UnownedMessage(UnownedObject kept) =>
        "labelled " + ManifestLabels.ManagedByKey + "=" + ManifestLabels.ManagedByValue + " but by no fleet (an older hubdsl wrote it), so never pruned; to make it this fleet's: "
        + FleetOwnership.AdoptCommand(kept.Type, kept.Namespace, kept.Name, Fleet);

    /// <summary>Each object's unified diff (live against the server's dry-run apply); objects without changes are left out.</summary>
    public async Task<IReadOnlyList<ObjectDiff>> DiffAsync(IReadOnlyList<DesiredObject> objects, bool prune, CancellationToken cancellation)
    {
        var diffs = new List<ObjectDiff>();
        foreach (var desired in objects)
        {
            try
            {
                var live = await _hub.Objects.GetAsync(desired.Type, desired.Namespace, desired.Name, cancellation).ConfigureAwait(false);
                if (desired.Type == ResourceType.Secret) Redactor.RememberSecret(live);
                var (merged, _) = await ApplyAsOwnerAsync(desired.Type, desired.Namespace, desired.Name, desired.Configuration, dryRun: true, cancellation).ConfigureAwait(false);
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
            foreach (var candidate in (await PlanPruneAsync(objects, cancellation).ConfigureAwait(false)).Candidates)
            {
                JsonObject? after = null;
                if (candidate.Action == PruneAction.Release)
                {
                    (after, _) = await _hub.Objects.ApplyAsync(candidate.Type, candidate.Namespace, candidate.Name, EmptyConfiguration(candidate.Type, candidate.Namespace, candidate.Name), FieldManager, force: false, dryRun: true, cancellation).ConfigureAwait(false);
                    (after["metadata"]?["labels"] as JsonObject)?.Remove(FleetIdentity.LabelKey(Fleet));
                }

                diffs.Add(new ObjectDiff(candidate.Type, candidate.Namespace, candidate.Name, Diff(candidate.Type, candidate.Namespace, candidate.Name, candidate.Live, after)));
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

    // One object: the apply (a second request only to resolve a conflict or release the pre-fleet manager's fields);
    // the live object comes from the list, or a read when its kind could not be listed. Null when cancelled while
    // under way.
    private async Task<ApplyResult?> ApplyOneAsync(DesiredObject desired, LiveObjects known, bool dryRun, CancellationToken cancellation)
    {
        try
        {
            if (!known.TryFind(desired, out var live))
            {
                live = await _hub.Objects.GetAsync(desired.Type, desired.Namespace, desired.Name, cancellation).ConfigureAwait(false);
                if (desired.Type == ResourceType.Secret) Redactor.RememberSecret(live); // an error may echo the stored object
            }

            var (result, created) = await ApplyAsOwnerAsync(desired.Type, desired.Namespace, desired.Name, desired.Configuration, dryRun, cancellation).ConfigureAwait(false);
            if (!dryRun) result = await ReleaseLegacyOwnershipAsync(desired, result, cancellation).ConfigureAwait(false);
            var outcome = live is null || created ? ApplyOutcome.Created : SameObject(live, result) ? ApplyOutcome.Unchanged : ApplyOutcome.Configured;
            return new ApplyResult(desired.Type, desired.Namespace, desired.Name, outcome);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e)
        {
            return new ApplyResult(desired.Type, desired.Namespace, desired.Name, ApplyOutcome.Failed, KubeErrors.Describe(e));
        }
    }

    // Apply without force first. A field another fleet's manager owns with another value is an error naming both
    // fleets (forcing would take it from them); any other manager's field (kubectl, cluster add, the pre-fleet
    // "hubdsl") is taken over with force: the project's manifests are the declared state.
    private async Task<(JsonObject Object, bool Created)> ApplyAsOwnerAsync(ResourceType type, string ns, string name, JsonObject configuration, bool dryRun, CancellationToken cancellation)
    {
        try
        {
            return await _hub.Objects.ApplyAsync(type, ns, name, configuration, FieldManager, force: false, dryRun, cancellation).ConfigureAwait(false);
        }
        catch (k8s.Autorest.HttpOperationException e) when (KubeErrors.ApplyConflicts(e) is { Count: > 0 } conflicts)
        {
            var fleetConflicts = conflicts
                .Select(c => (Fleet: FleetOwnership.FleetOfManager(c.Manager), c.Field))
                .Where(c => c.Fleet is not null && c.Fleet != Fleet)
                .GroupBy(c => c.Fleet!, StringComparer.Ordinal)
                .ToList();
            if (fleetConflicts.Count > 0)
            {
                var which = string.Join("; ", fleetConflicts.Select(g => "fleet '" + g.Key + "' set " + string.Join(", ", g.Select(c => c.Field).Distinct().OrderBy(f => f, StringComparer.Ordinal))));
                throw new FleetConflictException(
                    "fleet '" + Fleet + "' and " + which + " to other values (fields owned by field manager " + string.Join(", ", fleetConflicts.Select(g => FleetOwnership.FieldManager(g.Key))) + "); "
                    + "two projects share this object: declare the same values in both, or declare them in one only. Nothing of it was changed");
            }

            return await _hub.Objects.ApplyAsync(type, ns, name, configuration, FieldManager, force: true, dryRun, cancellation).ConfigureAwait(false);
        }
    }

    // Versions before fleets applied every project as "hubdsl". Its fields stay after this fleet took the object
    // over, so a label later removed from the C# would stay too: release them (an empty apply as "hubdsl" drops the
    // fields it alone owns). Only when no other fleet's label is on the object: on a shared one the old manager's
    // fields may be the other fleet's.
    private async Task<JsonObject> ReleaseLegacyOwnershipAsync(DesiredObject desired, JsonObject applied, CancellationToken cancellation)
    {
        var legacy = (applied["metadata"]?["managedFields"] as JsonArray ?? new JsonArray()).OfType<JsonObject>()
            .Any(m => JsonYaml.Text(m, "manager") == FleetOwnership.LegacyFieldManager && JsonYaml.Text(m, "operation") == "Apply");
        if (!legacy || FleetOwnership.Fleets(applied).Any(f => f != Fleet)) return applied;
        var (released, _) = await _hub.Objects.ApplyAsync(desired.Type, desired.Namespace, desired.Name, EmptyConfiguration(desired.Type, desired.Namespace, desired.Name), FleetOwnership.LegacyFieldManager, force: false, dryRun: false, cancellation).ConfigureAwait(false);
        return released;
    }

    // An empty configuration applied as this fleet's manager drops exactly the fields only this fleet owned
    // (Kubernetes docs, "Server-Side Apply", field management: a field removed from the applied configuration is
    // deleted unless another manager owns it). A dry run first: a release must never strip what the object needs
    // to stay valid, which happens when the other fleets only label it but do not apply it.
    private async Task<ApplyResult> ReleaseAsync(PruneCandidate candidate, bool dryRun, CancellationToken cancellation)
    {
        var empty = EmptyConfiguration(candidate.Type, candidate.Namespace, candidate.Name);
        var (preview, _) = await _hub.Objects.ApplyAsync(candidate.Type, candidate.Namespace, candidate.Name, empty, FieldManager, force: false, dryRun: true, cancellation).ConfigureAwait(false);
        if (HasEssentials(candidate.Type, candidate.Live) && !HasEssentials(candidate.Type, preview))
        {
            return new ApplyResult(candidate.Type, candidate.Namespace, candidate.Name, ApplyOutcome.Failed,
                "not released: fleet(s) " + string.Join(", ", candidate.OtherFleets) + " label it but do not apply its " + (candidate.Type == ResourceType.Secret ? "data.server" : "spec")
                + ", so releasing it would leave it without one; apply it from that fleet first, or remove it yourself");
        }

        if (!dryRun)
        {
            var (released, _) = await _hub.Objects.ApplyAsync(candidate.Type, candidate.Namespace, candidate.Name, empty, FieldManager, force: false, dryRun: false, cancellation).ConfigureAwait(false);

            // The label stays when someone else also set it (kubectl label, cluster add --fleet): remove it.
            if (FleetOwnership.Fleets(released).Contains(Fleet, StringComparer.Ordinal))
            {
                var patch = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { [FleetIdentity.LabelKey(Fleet)] = null } } };
                await _hub.Objects.MergePatchAsync(candidate.Type, candidate.Namespace, candidate.Name, patch, FieldManager, cancellation).ConfigureAwait(false);
            }
        }

        return new ApplyResult(candidate.Type, candidate.Namespace, candidate.Name, ApplyOutcome.Released, "also fleet " + string.Join(", ", candidate.OtherFleets) + "'s: only fleet " + Fleet + "'s fields and label removed");
    }

    // What an object cannot lose: a cluster Secret's server, any other object's spec (a value in it: a release
    // that removes every field can leave the empty maps that held them).
    private static bool HasEssentials(ResourceType type, JsonObject obj) =>
        type == ResourceType.Secret ? JsonYaml.Text(obj, "data", "server") is not null : HasValue(obj["spec"]);

    private static bool HasValue(JsonNode? node) => node switch
    {
        JsonObject map => map.Any(p => HasValue(p.Value)),
        JsonArray list => list.Count > 0,
        null => false,
        _ => true,
    };

    private static JsonObject EmptyConfiguration(ResourceType type, string ns, string name) => new()
    {
        ["apiVersion"] = type.ApiVersion,
        ["kind"] = type.Kind,
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
    };

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

    private sealed class FleetConflictException(string message) : Exception(message);
}
