using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace HubDsl.KubeEmulator;

/// <summary>
/// Field ownership of one object, read from and written back to metadata.managedFields (FieldsV1 format),
/// so the object itself stays the single source of truth.
/// </summary>
public sealed class ManagedFieldsLedger
{
    // Fields the server owns; managers never own them (as in the real API).
    private static readonly HashSet<string> UntrackedTopLevel = ["apiVersion", "kind"];
    private static readonly HashSet<string> UntrackedMetadata =
        ["name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink", "generateName", "deletionTimestamp", "deletionGracePeriodSeconds"];

    private readonly List<ManagedFieldsEntry> _entries;

    private ManagedFieldsLedger(List<ManagedFieldsEntry> entries) => _entries = entries;

    public IReadOnlyList<ManagedFieldsEntry> Entries => _entries;

    public static ManagedFieldsLedger Read(JsonObject obj)
    {
        var list = new List<ManagedFieldsEntry>();
        if (obj["metadata"]?["managedFields"] is JsonArray array)
        {
            foreach (var node in array.OfType<JsonObject>())
            {
                var fields = new HashSet<FieldPath>();
                if (node["fieldsV1"] is JsonObject fieldsV1)
                {
                    ReadFieldsV1(fieldsV1, new FieldPath([]), fields);
                }

                list.Add(new ManagedFieldsEntry(
                    node["manager"]?.GetValue<string>() ?? "",
                    node["operation"]?.GetValue<string>() ?? ManagedFieldsEntry.UpdateOperation,
                    node["apiVersion"]?.GetValue<string>() ?? "",
                    node["time"]?.GetValue<string>() ?? "",
                    fields));
            }
        }

        return new ManagedFieldsLedger(list);
    }

    /// <summary>The fields of an object that managers can own: everything except identity and server-set metadata.</summary>
    public static HashSet<FieldPath> TrackedLeaves(JsonObject obj) =>
        JsonTree.Leaves(obj).Where(IsTracked).ToHashSet();

    public static bool IsTracked(FieldPath path) =>
        !UntrackedTopLevel.Contains(path.Segments[0])
        && !(path.Segments[0] == "metadata" && (path.Length == 1 || UntrackedMetadata.Contains(path.Segments[1])));

    public ManagedFieldsEntry? Find(string manager, string operation) =>
        _entries.FirstOrDefault(e => e.Manager == manager && e.Operation == operation);

    /// <summary>Replaces the applier's owned set wholesale, as an apply declares the manager's complete intent.</summary>
    public void SetApplied(string manager, string apiVersion, HashSet<FieldPath> fields, DateTimeOffset now)
    {
        var entry = Find(manager, ManagedFieldsEntry.ApplyOperation);
        if (entry is null)
        {
            _entries.Add(new ManagedFieldsEntry(manager, ManagedFieldsEntry.ApplyOperation, apiVersion, Timestamp(now), fields));
        }
        else
        {
            entry.Fields = fields;
            entry.ApiVersion = apiVersion;
            entry.Time = Timestamp(now);
        }

        DropEmpty();
    }

    /// <summary>
    /// Non-apply writes (create, update, patch): the writer takes the fields it changed away from everyone else;
    /// removed fields lose all owners.
    /// </summary>
    public void RecordUpdate(string manager, string apiVersion, JsonObject before, JsonObject after, DateTimeOffset now)
    {
        var oldLeaves = TrackedLeaves(before);
        var newLeaves = TrackedLeaves(after);
        var removed = oldLeaves.Where(p => !newLeaves.Contains(p)).ToList();
        var changed = newLeaves
            .Where(p => !JsonTree.TryGet(before, p, out var old) || !JsonTree.TryGet(after, p, out var now_) || !JsonTree.ValueEquals(old, now_))
            .ToList();
        if (removed.Count == 0 && changed.Count == 0)
        {
            return;
        }

        foreach (var entry in _entries)
        {
            entry.Fields.RemoveWhere(owned => removed.Any(r => r.Overlaps(owned)) || changed.Any(c => c.Overlaps(owned)));
        }

        if (changed.Count > 0)
        {
            var mine = Find(manager, ManagedFieldsEntry.UpdateOperation);
            if (mine is null)
            {
                mine = new ManagedFieldsEntry(manager, ManagedFieldsEntry.UpdateOperation, apiVersion, Timestamp(now), []);
                _entries.Add(mine);
            }

            mine.Fields.UnionWith(changed);
            mine.Time = Timestamp(now);
        }

        DropEmpty();
    }

    public void Write(JsonObject obj)
    {
        var metadata = obj["metadata"] as JsonObject ?? new JsonObject();
        obj["metadata"] = metadata;
        if (_entries.Count == 0)
        {
            metadata.Remove("managedFields");
            return;
        }

        metadata["managedFields"] = new JsonArray(_entries.Select(e => (JsonNode)new JsonObject
        {
            ["manager"] = e.Manager,
            ["operation"] = e.Operation,
            ["apiVersion"] = e.ApiVersion,
            ["time"] = e.Time,
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = ToFieldsV1(e.Fields),
        }).ToArray());
    }

    public bool SameOwnershipAs(ManagedFieldsLedger other) =>
        _entries.Count == other._entries.Count
        && _entries.All(e => other.Find(e.Manager, e.Operation) is { } o && o.Fields.SetEquals(e.Fields));

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private void DropEmpty() => _entries.RemoveAll(e => e.Fields.Count == 0);

    private static JsonObject ToFieldsV1(IEnumerable<FieldPath> fields)
    {
        var root = new JsonObject();
        foreach (var path in fields.OrderBy(p => p.ToString(), StringComparer.Ordinal))
        {
            var node = root;
            foreach (var segment in path.Segments)
            {
                var key = "f:" + segment;
                if (node[key] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[key] = child;
                }

                node = child;
            }
        }

        return root;
    }

    private static void ReadFieldsV1(JsonObject node, FieldPath prefix, HashSet<FieldPath> into)
    {
        foreach (var (key, value) in node)
        {
            if (!key.StartsWith("f:", StringComparison.Ordinal))
            {
                continue;
            }

            var path = prefix.Append(key[2..]);
            if (value is JsonObject child && child.Any(p => p.Key.StartsWith("f:", StringComparison.Ordinal)))
            {
                ReadFieldsV1(child, path, into);
            }
            else
            {
                into.Add(path);
            }
        }
    }
}
