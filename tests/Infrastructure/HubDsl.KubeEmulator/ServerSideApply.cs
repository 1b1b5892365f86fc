using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace HubDsl.KubeEmulator;

/// <summary>
/// Server-side apply merge: the applier owns exactly the fields of its configuration; fields it stops declaring
/// are removed unless someone else owns them; a field another manager owns with a different value is a conflict
/// unless forced, in which case ownership moves to the applier.
/// </summary>
public static class ServerSideApply
{
    public static JsonObject Merge(
        ResourceKind kind,
        JsonObject live,
        JsonObject applied,
        string manager,
        bool force,
        ManagedFieldsLedger ledger,
        DateTimeOffset now)
    {
        var name = applied["metadata"]?["name"]?.GetValue<string>() ?? "";
        var appliedFields = ManagedFieldsLedger.TrackedLeaves(applied);

        var conflicts = new List<(string Manager, string Field)>();
        foreach (var other in ledger.Entries.Where(e => !(e.Manager == manager && e.Operation == ManagedFieldsEntry.ApplyOperation)))
        {
            foreach (var owned in other.Fields.ToList())
            {
                // An empty map declared above someone else's key claims the map, not the key.
                var contested = appliedFields
                    .Where(p => p.Overlaps(owned))
                    .Where(p => !(p.Length < owned.Length && IsMap(applied, p) && IsMap(live, p)))
                    .ToList();
                if (contested.Count == 0)
                {
                    continue;
                }

                // Co-ownership is fine when both want the same value; only differing values conflict.
                var liveHas = JsonTree.TryGet(live, owned, out var liveValue);
                var appliedHas = JsonTree.TryGet(applied, owned, out var appliedValue);
                if (liveHas && appliedHas && JsonTree.ValueEquals(liveValue, appliedValue))
                {
                    continue;
                }

                // Owning an (empty) map is not owning its keys: adding keys to it is no conflict.
                if (liveValue is JsonObject && appliedValue is JsonObject)
                {
                    continue;
                }

                if (force)
                {
                    other.Fields.Remove(owned);
                }
                else if (other.Manager != manager)
                {
                    conflicts.Add((other.Manager, owned.ToString()));
                }
                else
                {
                    // The same manager's earlier Update ownership never conflicts with its own apply.
                    other.Fields.Remove(owned);
                }
            }
        }

        if (conflicts.Count > 0)
        {
            throw ApiStatus.ApplyConflict(kind, name, conflicts.OrderBy(c => c.Field, StringComparer.Ordinal).ToList());
        }

        var result = (JsonObject)live.DeepClone();
        var previouslyApplied = ledger.Find(manager, ManagedFieldsEntry.ApplyOperation)?.Fields ?? [];
        var ownedByOthers = ledger.Entries
            .Where(e => !(e.Manager == manager && e.Operation == ManagedFieldsEntry.ApplyOperation))
            .SelectMany(e => e.Fields)
            .ToList();
        foreach (var dropped in previouslyApplied.Where(p => !appliedFields.Contains(p)))
        {
            var stillWanted = appliedFields.Any(p => p.Overlaps(dropped)) || ownedByOthers.Any(p => p.Overlaps(dropped));
            if (!stillWanted)
            {
                JsonTree.Remove(result, dropped);
            }
        }

        JsonTree.Overlay(result, applied);
        ledger.SetApplied(manager, kind.ApiVersion, appliedFields, now);
        return result;
    }

    private static bool IsMap(JsonObject root, FieldPath path) => JsonTree.TryGet(root, path, out var value) && value is JsonObject;
}
