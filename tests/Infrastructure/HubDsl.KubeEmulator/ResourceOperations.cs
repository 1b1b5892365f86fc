using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HubDsl.KubeEmulator;

/// <summary>
/// The API verbs with the real server's semantics: identity and namespace checks, optimistic concurrency on
/// resourceVersion, field ownership, no-op writes that keep the resourceVersion, and dry runs that persist nothing.
/// </summary>
public sealed partial class ResourceOperations(ObjectStore store, TimeProvider time)
{
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private static readonly string[] ServerOwnedMetadata =
        ["uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds"];

    /// <summary>Raised after each committed (not dry-run) change, outside the store lock.</summary>
    public event Action<StoreChange>? Changed;

    public ObjectStore Store => store;

    public JsonObject Get(ResourceKind kind, string? ns, string name)
    {
        lock (store.Gate)
        {
            return (JsonObject)(store.Get(kind, ns, name) ?? throw ApiStatus.NotFound(kind, name)).DeepClone();
        }
    }

    /// <summary>Built-in kinds are always served; custom resources only while their CRD exists.</summary>
    public bool IsServed(ResourceKind kind)
    {
        if (!kind.IsCustomResource)
        {
            return true;
        }

        lock (store.Gate)
        {
            return store.Get(ResourceCatalog.CustomResourceDefinitions, null, $"{kind.Plural}.{kind.Group}") is not null;
        }
    }

    public JsonObject? TryGet(ResourceKind kind, string? ns, string name)
    {
        lock (store.Gate)
        {
            return store.Get(kind, ns, name)?.DeepClone() as JsonObject;
        }
    }

    public JsonObject List(ResourceKind kind, string? ns, string? labelSelector)
    {
        var labels = LabelSelector.Parse(labelSelector);
        lock (store.Gate)
        {
            return new JsonObject
            {
                ["kind"] = kind.ListKind,
                ["apiVersion"] = kind.ApiVersion,
                ["metadata"] = new JsonObject { ["resourceVersion"] = store.LastResourceVersion.ToString(CultureInfo.InvariantCulture) },
                ["items"] = new JsonArray(store.List(kind, ns).Where(labels.Matches).Select(o => (JsonNode)o.DeepClone()).ToArray()),
            };
        }
    }

    public JsonObject Create(ResourceKind kind, string? ns, JsonObject body, string manager, bool dryRun)
    {
        JsonObject created;
        lock (store.Gate)
        {
            var obj = (JsonObject)body.DeepClone();
            foreach (var field in ServerOwnedMetadata)
            {
                Metadata(obj).Remove(field);
            }

            var name = AssignName(kind, obj);
            CheckIdentity(kind, ns, obj, name, urlName: null);
            RequireNamespace(kind, ns);
            if (store.Get(kind, ns, name) is not null)
            {
                throw ApiStatus.AlreadyExists(kind, name);
            }

            created = Admit(kind, ns, name, obj, existing: null, manager, dryRun);
        }

        return Published(StoreChange.Added, kind, created, dryRun);
    }

    public JsonObject Update(ResourceKind kind, string? ns, string name, JsonObject body, string manager, bool dryRun)
    {
        JsonObject updated;
        bool changed;
        lock (store.Gate)
        {
            var existing = store.Get(kind, ns, name) ?? throw ApiStatus.NotFound(kind, name);
            var obj = (JsonObject)body.DeepClone();
            CheckIdentity(kind, ns, obj, Metadata(obj)["name"]?.GetValue<string>() ?? "", name);
            CheckPrecondition(kind, name, obj, existing);
            updated = Admit(kind, ns, name, obj, existing, manager, dryRun);
            changed = !ReferenceEquals(updated, existing);
            updated = (JsonObject)updated.DeepClone();
        }

        return changed ? Published(StoreChange.Modified, kind, updated, dryRun) : updated;
    }

    /// <summary>PATCH; <paramref name="created"/> tells an apply that created the object (201) from an update (200).</summary>
    public JsonObject Patch(ResourceKind kind, string? ns, string name, PatchType type, string patchText, string manager, bool force, bool dryRun, out bool created)
    {
        var patch = RequestBodyParser.Parse(patchText);
        JsonObject result;
        bool changed;
        lock (store.Gate)
        {
            var existing = store.Get(kind, ns, name);
            created = existing is null;
            if (type == PatchType.Apply)
            {
                result = ApplyLocked(kind, ns, name, patch as JsonObject ?? throw ApiStatus.BadRequest("an apply patch must be an object"), existing, manager, force, dryRun);
            }
            else
            {
                if (existing is null)
                {
                    throw ApiStatus.NotFound(kind, name);
                }

                var patched = JsonMergePatch.Apply(existing, patch) as JsonObject ?? throw ApiStatus.BadRequest("the patched object must be an object");
                CheckIdentity(kind, ns, patched, Metadata(patched)["name"]?.GetValue<string>() ?? "", name);
                CheckPrecondition(kind, name, patched, existing);
                result = Admit(kind, ns, name, patched, existing, manager, dryRun);
            }

            changed = !ReferenceEquals(result, existing);
            result = (JsonObject)result.DeepClone();
        }

        return changed ? Published(created ? StoreChange.Added : StoreChange.Modified, kind, result, dryRun) : result;
    }

    public JsonObject Delete(ResourceKind kind, string? ns, string name, JsonObject? options, bool dryRun)
    {
        JsonObject deleted;
        var terminating = false;
        var cascade = new List<(ResourceKind Kind, JsonObject Object)>();
        lock (store.Gate)
        {
            var existing = store.Get(kind, ns, name) ?? throw ApiStatus.NotFound(kind, name);
            if (options?["preconditions"] is JsonObject preconditions)
            {
                var meta = Metadata(existing);
                if ((preconditions["uid"]?.GetValue<string>() is { } uid && uid != meta["uid"]?.GetValue<string>())
                    || (preconditions["resourceVersion"]?.GetValue<string>() is { } rv && rv != meta["resourceVersion"]?.GetValue<string>()))
                {
                    throw ApiStatus.StaleResourceVersion(kind, name);
                }
            }

            if (Metadata(existing)["finalizers"] is JsonArray { Count: > 0 })
            {
                // Finalizers hold the object: it is only marked, and goes once the last finalizer is removed.
                if (Metadata(existing)["deletionTimestamp"] is not null)
                {
                    return (JsonObject)existing.DeepClone();
                }

                var marked = (JsonObject)existing.DeepClone();
                Metadata(marked)["deletionTimestamp"] = ManagedFieldsLedger.Timestamp(time.GetUtcNow());
                Metadata(marked)["deletionGracePeriodSeconds"] = 0L;
                if (!dryRun)
                {
                    Metadata(marked)["resourceVersion"] = store.NextResourceVersion();
                    store.Put(kind, ns, name, marked);
                }

                deleted = (JsonObject)marked.DeepClone();
                terminating = true;
            }
            else
            {
                deleted = (JsonObject)existing.DeepClone();
            }

            if (!dryRun && !terminating)
            {
                store.Remove(kind, ns, name);
                if (kind == ResourceCatalog.Namespaces)
                {
                    // The namespace controller empties a deleted namespace; here that happens at once.
                    foreach (var namespaced in ResourceCatalog.All.Where(k => k.Namespaced))
                    {
                        foreach (var child in store.List(namespaced, name))
                        {
                            store.Remove(namespaced, name, Metadata(child)["name"]!.GetValue<string>());
                            cascade.Add((namespaced, (JsonObject)child.DeepClone()));
                        }
                    }
                }

                if (kind == ResourceCatalog.CustomResourceDefinitions
                    && ResourceCatalog.All.FirstOrDefault(k => k.IsCustomResource && $"{k.Plural}.{k.Group}" == name) is { } defined)
                {
                    // Deleting a CRD deletes every custom resource of that kind.
                    foreach (var instance in store.List(defined, null))
                    {
                        store.Remove(defined, Metadata(instance)["namespace"]?.GetValue<string>(), Metadata(instance)["name"]!.GetValue<string>());
                        cascade.Add((defined, (JsonObject)instance.DeepClone()));
                    }
                }

                // A deletion is a change too: it takes a fresh resourceVersion.
                Metadata(deleted)["resourceVersion"] = store.NextResourceVersion();
            }
        }

        if (terminating)
        {
            return Published(StoreChange.Modified, kind, deleted, dryRun);
        }

        if (!dryRun)
        {
            foreach (var (childKind, child) in cascade)
            {
                Changed?.Invoke(new StoreChange(StoreChange.Deleted, childKind, child));
            }

            Changed?.Invoke(new StoreChange(StoreChange.Deleted, kind, (JsonObject)deleted.DeepClone()));
        }

        if (kind == ResourceCatalog.Namespaces)
        {
            deleted["status"] = new JsonObject { ["phase"] = "Terminating" };
            return deleted;
        }

        // Built-in kinds answer with a Success Status; custom resources return the deleted object.
        return kind.IsCustomResource ? deleted : ApiStatus.Success(kind, name, Metadata(deleted)["uid"]?.GetValue<string>());
    }

    /// <summary>Controller-side write that bypasses request checks (used by the token controller).</summary>
    public JsonObject? Mutate(ResourceKind kind, string ns, string name, string manager, Func<JsonObject, bool> change)
    {
        JsonObject? result = null;
        lock (store.Gate)
        {
            var existing = store.Get(kind, ns, name);
            if (existing is null)
            {
                return null;
            }

            var candidate = (JsonObject)existing.DeepClone();
            if (!change(candidate))
            {
                return null;
            }

            var admitted = Admit(kind, ns, name, candidate, existing, manager, dryRun: false);
            if (!ReferenceEquals(admitted, existing))
            {
                result = (JsonObject)admitted.DeepClone();
            }
        }

        return result is null ? null : Published(StoreChange.Modified, kind, result, dryRun: false);
    }

    private JsonObject ApplyLocked(ResourceKind kind, string? ns, string name, JsonObject applied, JsonObject? existing, string manager, bool force, bool dryRun)
    {
        if (applied["apiVersion"]?.GetValue<string>() is not { Length: > 0 } || applied["kind"]?.GetValue<string>() is not { Length: > 0 })
        {
            throw ApiStatus.BadRequest("invalid object type: apiVersion and kind must be set in an apply configuration");
        }

        var config = (JsonObject)applied.DeepClone();
        CheckIdentity(kind, ns, config, Metadata(config)["name"]?.GetValue<string>() ?? "", name);
        if (existing is not null)
        {
            CheckPrecondition(kind, name, config, existing);
        }

        var configMetadata = Metadata(config);
        foreach (var field in ServerOwnedMetadata)
        {
            configMetadata.Remove(field);
        }

        if (kind == ResourceCatalog.Secrets)
        {
            SecretData.FoldStringData(config);
        }

        if (existing is null)
        {
            RequireNamespace(kind, ns);
        }

        var live = existing ?? new JsonObject
        {
            ["apiVersion"] = kind.ApiVersion,
            ["kind"] = kind.Kind,
            ["metadata"] = ns is null ? new JsonObject { ["name"] = name } : new JsonObject { ["name"] = name, ["namespace"] = ns },
        };
        var ownershipBefore = ManagedFieldsLedger.Read(live);
        var ledger = ManagedFieldsLedger.Read(live);
        var merged = ServerSideApply.Merge(kind, live, config, manager, force, ledger, time.GetUtcNow());
        if (existing is not null && ledger.SameOwnershipAs(ownershipBefore) && EqualIgnoringManagedFields(merged, existing))
        {
            // Re-applying the same intent is a no-op: same object, same resourceVersion, same timestamps.
            return existing;
        }

        ledger.Write(merged);
        return Admit(kind, ns, name, merged, existing, manager: null, dryRun);
    }

    /// <summary>
    /// Normalizes, validates and stores a candidate. Returns <paramref name="existing"/> itself when nothing
    /// changed, so a no-op write keeps its resourceVersion. A null manager means ownership was already recorded.
    /// </summary>
    private JsonObject Admit(ResourceKind kind, string? ns, string name, JsonObject candidate, JsonObject? existing, string? manager, bool dryRun)
    {
        candidate["apiVersion"] = kind.ApiVersion;
        candidate["kind"] = kind.Kind;
        var metadata = Metadata(candidate);
        metadata["name"] = name;
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        Normalize(kind, name, candidate, existing);
        if (existing is not null && Metadata(existing)["deletionTimestamp"] is not null)
        {
            var before = (Metadata(existing)["finalizers"] as JsonArray ?? []).Select(f => f?.ToString()).ToHashSet();
            if ((metadata["finalizers"] as JsonArray ?? []).Any(f => !before.Contains(f?.ToString())))
            {
                throw ApiStatus.Forbidden(kind, name, "no new finalizers can be added if the object is being deleted");
            }
        }

        var now = time.GetUtcNow();
        if (manager is not null)
        {
            var ledger = existing is null ? ManagedFieldsLedger.Read(new JsonObject()) : ManagedFieldsLedger.Read(existing);
            ledger.RecordUpdate(manager, kind.ApiVersion, existing ?? new JsonObject(), candidate, now);
            ledger.Write(candidate);
        }

        if (existing is null)
        {
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = ManagedFieldsLedger.Timestamp(now);
            if (kind.TracksGeneration)
            {
                metadata["generation"] = 1L;
            }
        }
        else
        {
            var old = Metadata(existing);
            foreach (var field in new[] { "uid", "creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds" })
            {
                metadata[field] = old[field]?.DeepClone();
                if (metadata[field] is null)
                {
                    metadata.Remove(field);
                }
            }

            metadata["resourceVersion"] = old["resourceVersion"]?.DeepClone();
            if (JsonNode.DeepEquals(candidate, existing))
            {
                return existing;
            }

            if (kind.TracksGeneration && !SameExceptMetadataAndStatus(existing, candidate))
            {
                metadata["generation"] = (long.TryParse(old["generation"]?.ToJsonString(), out var generation) ? generation : 0) + 1;
            }
        }

        if (dryRun)
        {
            if (existing is null)
            {
                metadata.Remove("resourceVersion");
            }

            return candidate;
        }

        metadata["resourceVersion"] = store.NextResourceVersion();
        if (IsReleased(candidate))
        {
            store.Remove(kind, ns, name);
        }
        else
        {
            store.Put(kind, ns, name, candidate);
        }

        return candidate;
    }

    /// <summary>An object marked for deletion whose last finalizer is gone: the write completes the deletion.</summary>
    private static bool IsReleased(JsonObject obj) =>
        obj["metadata"]?["deletionTimestamp"] is not null && obj["metadata"]?["finalizers"] is not JsonArray { Count: > 0 };

    private static void Normalize(ResourceKind kind, string name, JsonObject candidate, JsonObject? existing)
    {
        if (kind == ResourceCatalog.Secrets)
        {
            SecretData.Normalize(candidate, name);
            if (existing is not null && existing["type"]?.GetValue<string>() != candidate["type"]?.GetValue<string>())
            {
                throw ApiStatus.Invalid(kind, name, "type", "Invalid value: field is immutable");
            }

            // Secrets marked immutable keep their data (and the flag) forever, like the real API.
            if (existing?["immutable"]?.GetValue<bool>() == true
                && (!JsonNode.DeepEquals(existing["data"], candidate["data"]) || candidate["immutable"]?.GetValue<bool>() != true))
            {
                throw ApiStatus.Invalid(kind, name, "data", "Forbidden: field is immutable when `immutable` is set");
            }
        }
        else if (kind == ResourceCatalog.Namespaces)
        {
            var labels = Metadata(candidate)["labels"] as JsonObject ?? new JsonObject();
            Metadata(candidate)["labels"] = labels;
            labels["kubernetes.io/metadata.name"] = name;
            candidate["spec"] ??= new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
            candidate["status"] ??= new JsonObject { ["phase"] = "Active" };
        }
    }

    private void CheckIdentity(ResourceKind kind, string? ns, JsonObject obj, string name, string? urlName)
    {
        if (obj["kind"]?.GetValue<string>() is { Length: > 0 } bodyKind && bodyKind != kind.Kind)
        {
            throw ApiStatus.BadRequest($"the API version in the data ({obj["apiVersion"]}) does not match the expected API version ({kind.ApiVersion}) or kind {bodyKind} is not {kind.Kind}");
        }

        if (obj["apiVersion"]?.GetValue<string>() is { Length: > 0 } apiVersion && apiVersion != kind.ApiVersion)
        {
            throw ApiStatus.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({kind.ApiVersion})");
        }

        if (urlName is not null && name != urlName)
        {
            throw ApiStatus.BadRequest($"the name of the object ({name}) does not match the name on the URL ({urlName})");
        }

        var bodyNamespace = Metadata(obj)["namespace"]?.GetValue<string>();
        if (kind.Namespaced && !string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != ns)
        {
            throw ApiStatus.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        if (!kind.Namespaced)
        {
            Metadata(obj).Remove("namespace");
        }

        ValidateName(kind, name);
    }

    private static void CheckPrecondition(ResourceKind kind, string name, JsonObject obj, JsonObject existing)
    {
        var wanted = Metadata(obj)["resourceVersion"]?.GetValue<string>();
        if (!string.IsNullOrEmpty(wanted) && wanted != Metadata(existing)["resourceVersion"]?.GetValue<string>())
        {
            throw ApiStatus.StaleResourceVersion(kind, name);
        }
    }

    private void RequireNamespace(ResourceKind kind, string? ns)
    {
        if (kind.Namespaced && store.Get(ResourceCatalog.Namespaces, null, ns!) is null)
        {
            throw ApiStatus.NamespaceNotFound(ns!);
        }
    }

    private static string AssignName(ResourceKind kind, JsonObject obj)
    {
        var metadata = Metadata(obj);
        var name = metadata["name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name) && metadata["generateName"]?.GetValue<string>() is { Length: > 0 } prefix)
        {
            var suffix = new string(Enumerable.Range(0, 5).Select(_ => GenerateNameAlphabet[Random.Shared.Next(GenerateNameAlphabet.Length)]).ToArray());
            name = prefix + suffix;
            metadata["name"] = name;
        }

        if (string.IsNullOrEmpty(name))
        {
            throw ApiStatus.Invalid(kind, "", "metadata.name", "Required value: name or generateName is required");
        }

        return name;
    }

    private static void ValidateName(ResourceKind kind, string name)
    {
        var valid = kind.Group == ResourceCatalog.RbacGroup
            ? name.Length > 0 && name != "." && name != ".." && !name.Contains('/') && !name.Contains('%')
            : kind == ResourceCatalog.Namespaces
                ? name.Length <= 63 && DnsLabel().IsMatch(name)
                : name.Length <= 253 && DnsSubdomain().IsMatch(name);
        if (!valid)
        {
            throw ApiStatus.Invalid(kind, name, "metadata.name", $"Invalid value: \"{name}\": a lowercase RFC 1123 name must consist of lower case alphanumeric characters, '-' or '.'");
        }
    }

    private static bool EqualIgnoringManagedFields(JsonObject left, JsonObject right)
    {
        var l = (JsonObject)left.DeepClone();
        var r = (JsonObject)right.DeepClone();
        Metadata(l).Remove("managedFields");
        Metadata(r).Remove("managedFields");
        return JsonNode.DeepEquals(l, r);
    }

    private static bool SameExceptMetadataAndStatus(JsonObject left, JsonObject right)
    {
        static IEnumerable<KeyValuePair<string, JsonNode?>> Body(JsonObject o) =>
            o.Where(p => p.Key is not ("metadata" or "status")).OrderBy(p => p.Key, StringComparer.Ordinal);
        var l = Body(left).ToList();
        var r = Body(right).ToList();
        return l.Count == r.Count && l.Zip(r).All(p => p.First.Key == p.Second.Key && JsonNode.DeepEquals(p.First.Value, p.Second.Value));
    }

    private JsonObject Published(string type, ResourceKind kind, JsonObject obj, bool dryRun)
    {
        if (!dryRun)
        {
            Changed?.Invoke(new StoreChange(IsReleased(obj) ? StoreChange.Deleted : type, kind, (JsonObject)obj.DeepClone()));
        }

        return obj;
    }

    private static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = new JsonObject();
            obj["metadata"] = metadata;
        }

        return metadata;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}
