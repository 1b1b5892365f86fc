using System.Collections;
using System.Collections.Generic;

namespace HubDsl.Core.Templating;

/// <summary>
/// Go's typed nil map[string]interface{}: what a missing value becomes when passed to a map parameter. It reads like an
/// empty map but marshals to JSON null, and writing to it fails ("assignment to entry in nil map").
/// </summary>
internal sealed class NilMap : IReadOnlyDictionary<string, object?>
{
    public static readonly NilMap Instance = new();

    private static readonly Dictionary<string, object?> Empty = new();

    private NilMap() { }

    public object? this[string key] => throw new KeyNotFoundException(key);
    public IEnumerable<string> Keys => Empty.Keys;
    public IEnumerable<object?> Values => Empty.Values;
    public int Count => 0;
    public bool ContainsKey(string key) => false;
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Empty.GetEnumerator();
    public bool TryGetValue(string key, out object? value)
    {
        value = null;
        return false;
    }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
