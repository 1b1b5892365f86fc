using System.Text.Json.Nodes;

namespace HubDsl.Cli.Runtime;

/// <summary>
/// The live state of a project's hub objects, read with one list request per kind and namespace instead of one
/// read per object, so that apply sends one request per object (the apply itself) and can still say created,
/// configured or unchanged. A kind whose list fails (no list permission, a server error) is left out and its
/// objects are read one by one, as before.
/// </summary>
internal sealed class LiveObjects
{
    private readonly HashSet<(ResourceType Type, string Namespace)> _listed = new();
    private readonly Dictionary<(ResourceType Type, string Namespace, string Name), JsonObject> _objects = new();

    private LiveObjects()
    {
    }

    /// <summary>Lists every kind and namespace the objects are in, keeping only the objects asked for.</summary>
    public static async Task<LiveObjects> ReadAsync(KubeObjectClient api, IReadOnlyList<DesiredObject> objects, CancellationToken cancellation)
    {
        var live = new LiveObjects();
        var wanted = objects.Select(o => (o.Type, o.Namespace, o.Name)).ToHashSet();
        foreach (var group in objects.GroupBy(o => (o.Type, o.Namespace)))
        {
            IReadOnlyList<JsonObject> items;
            try
            {
                // No label selector: an object of the same name that does not carry this fleet's label yet (made by
                // kubectl or cluster add) is live state too, and a Secret's stored values must be remembered.
                items = await api.ListAsync(group.Key.Type, group.Key.Namespace, null, cancellation).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
            {
                continue; // read one by one instead; a hub that cannot answer then fails each object by name
            }

            live._listed.Add(group.Key);
            foreach (var item in items)
            {
                var name = JsonYaml.Text(item, "metadata", "name") ?? string.Empty;
                var key = (group.Key.Type, group.Key.Namespace, name);
                if (!wanted.Contains(key)) continue;
                if (group.Key.Type == ResourceType.Secret) Redactor.RememberSecret(item); // an error may echo the stored object
                live._objects[key] = item;
            }
        }

        return live;
    }

    /// <summary>Whether the object's kind and namespace were listed; if so, <paramref name="live"/> is the object or null when it does not exist.</summary>
    public bool TryFind(DesiredObject desired, out JsonObject? live)
    {
        live = _objects.TryGetValue((desired.Type, desired.Namespace, desired.Name), out var found) ? found : null;
        return _listed.Contains((desired.Type, desired.Namespace));
    }
}
