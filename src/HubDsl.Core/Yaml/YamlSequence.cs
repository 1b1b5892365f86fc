using System.Collections;
using System.Collections.Generic;

namespace HubDsl.Core.Yaml;

/// <summary>A sequence of nodes.</summary>
public sealed class YamlSequence : YamlNode, IReadOnlyList<YamlNode>
{
    private readonly List<YamlNode> _items;

    /// <summary>An empty sequence.</summary>
    public YamlSequence() => _items = new List<YamlNode>();

    /// <summary>A sequence of the given nodes.</summary>
    public YamlSequence(IEnumerable<YamlNode> items) => _items = new List<YamlNode>(items);

    /// <inheritdoc/>
    public int Count => _items.Count;

    /// <inheritdoc/>
    public YamlNode this[int index] => _items[index];

    /// <summary>Appends a node.</summary>
    public YamlSequence Add(YamlNode item)
    {
        _items.Add(item);
        return this;
    }

    /// <inheritdoc/>
    public IEnumerator<YamlNode> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override bool Equals(YamlNode? other)
    {
        if (other is not YamlSequence s || s.Count != Count) return false;
        for (var i = 0; i < _items.Count; i++)
        {
            if (!_items[i].Equals(s._items[i])) return false;
        }

        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items) hash.Add(item);
        return hash.ToHashCode();
    }
}
