using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace HubDsl.KubeEmulator;

/// <summary>
/// In-memory storage keyed like etcd (kind / namespace / name), with one cluster-wide resourceVersion counter.
/// Callers hold <see cref="Gate"/> for a whole read-modify-write so operations are linearizable.
/// </summary>
public sealed class ObjectStore
{
    private readonly Dictionary<ResourceKind, SortedDictionary<string, JsonObject>> _objects = [];
    private long _lastResourceVersion = 1000;

    public object Gate { get; } = new();

    public long LastResourceVersion
    {
        get
        {
            lock (Gate)
            {
                return _lastResourceVersion;
            }
        }
    }

    public string NextResourceVersion() => (++_lastResourceVersion).ToString(CultureInfo.InvariantCulture);

    public JsonObject? Get(ResourceKind kind, string? ns, string name) =>
        Bucket(kind).TryGetValue(Key(ns, name), out var obj) ? obj : null;

    public void Put(ResourceKind kind, string? ns, string name, JsonObject obj) => Bucket(kind)[Key(ns, name)] = obj;

    public bool Remove(ResourceKind kind, string? ns, string name) => Bucket(kind).Remove(Key(ns, name));

    /// <summary>Objects in key order (namespace, then name), like the real API lists them.</summary>
    public IReadOnlyList<JsonObject> List(ResourceKind kind, string? ns) =>
        ns is null
            ? Bucket(kind).Values.ToList()
            : Bucket(kind).Where(p => p.Key.StartsWith(ns + "/", System.StringComparison.Ordinal)).Select(p => p.Value).ToList();

    private SortedDictionary<string, JsonObject> Bucket(ResourceKind kind)
    {
        if (!_objects.TryGetValue(kind, out var bucket))
        {
            bucket = new SortedDictionary<string, JsonObject>(System.StringComparer.Ordinal);
            _objects[kind] = bucket;
        }

        return bucket;
    }

    private static string Key(string? ns, string name) => (ns ?? "") + "/" + name;
}
