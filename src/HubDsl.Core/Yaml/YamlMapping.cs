using System;
using System.Collections;
using System.Collections.Generic;

namespace HubDsl.Core.Yaml;

/// <summary>
/// A mapping with string keys that keeps insertion order (manifests read in the order Kubernetes
/// users expect: apiVersion, kind, metadata, spec).
/// </summary>
public sealed class YamlMapping : YamlNode, IEnumerable<KeyValuePair<string, YamlNode>>
{
    private readonly List<KeyValuePair<string, YamlNode>> _entries = new();
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>Number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>Where each key came from in the user's source, when known (keys are templated too).</summary>
    public Dictionary<string, SourceSpan>? KeyOrigins { get; set; }

    /// <summary>The node for a key, or null.</summary>
    public YamlNode? this[string key] => _index.TryGetValue(key, out var i) ? _entries[i].Value : null;

    /// <summary>The keys in order.</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var entry in _entries) yield return entry.Key;
        }
    }

    /// <summary>Whether the key is present.</summary>
    public bool ContainsKey(string key) => _index.ContainsKey(key);

    /// <summary>Sets a key, keeping its position when it already exists.</summary>
    public YamlMapping Set(string key, YamlNode value)
    {
        if (_index.TryGetValue(key, out var i))
        {
            _entries[i] = new KeyValuePair<string, YamlNode>(key, value);
        }
        else
        {
            _index[key] = _entries.Count;
            _entries.Add(new KeyValuePair<string, YamlNode>(key, value));
        }

        return this;
    }

    /// <summary>Sets a string value.</summary>
    public YamlMapping Set(string key, string value) => Set(key, YamlScalar.String(value));

    /// <summary>Removes a key.</summary>
    public bool Remove(string key)
    {
        if (!_index.TryGetValue(key, out var i)) return false;
        _entries.RemoveAt(i);
        _index.Clear();
        for (var j = 0; j < _entries.Count; j++) _index[_entries[j].Key] = j;
        return true;
    }

    /// <summary>The nested mapping at a key, created when absent.</summary>
    public YamlMapping GetOrAddMapping(string key)
    {
        if (this[key] is YamlMapping existing) return existing;
        var created = new YamlMapping();
        Set(key, created);
        return created;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, YamlNode>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override bool Equals(YamlNode? other)
    {
        if (other is not YamlMapping m || m.Count != Count) return false;
        for (var i = 0; i < _entries.Count; i++)
        {
            var a = _entries[i];
            var b = m._entries[i];
            if (!string.Equals(a.Key, b.Key, StringComparison.Ordinal) || !a.Value.Equals(b.Value)) return false;
        }

        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var entry in _entries)
        {
            hash.Add(entry.Key, StringComparer.Ordinal);
            hash.Add(entry.Value);
        }

        return hash.ToHashCode();
    }
}
