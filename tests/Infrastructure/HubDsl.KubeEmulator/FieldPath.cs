using System;
using System.Collections.Generic;
using System.Linq;

namespace HubDsl.KubeEmulator;

/// <summary>A path of map keys from the object root to one field, e.g. metadata → labels → app.</summary>
public sealed class FieldPath : IEquatable<FieldPath>
{
    private readonly string[] _segments;
    private readonly string _key;

    public FieldPath(IEnumerable<string> segments)
    {
        _segments = segments.ToArray();
        // A separator that cannot appear in JSON keys coming from YAML/JSON text we accept makes a cheap identity.
        _key = string.Join('\u001f', _segments);
    }

    public IReadOnlyList<string> Segments => _segments;

    public int Length => _segments.Length;

    public FieldPath Append(string segment) => new(_segments.Append(segment));

    /// <summary>True when this path equals <paramref name="other"/> or one contains the other.</summary>
    public bool Overlaps(FieldPath other)
    {
        var shorter = Math.Min(Length, other.Length);
        for (var i = 0; i < shorter; i++)
        {
            if (_segments[i] != other._segments[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The notation the real API uses in conflict messages: ".metadata.labels.app".</summary>
    public override string ToString() => "." + string.Join('.', _segments);

    public bool Equals(FieldPath? other) => other is not null && other._key == _key;

    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_key);
}
