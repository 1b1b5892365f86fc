using System;
using System.Collections.Generic;
using System.Linq;

namespace HubDsl.KubeEmulator;

/// <summary>A path of map keys from the object root to one field, e.g. metadata → labels → app.</summary>
public sealed class FieldPath : IEquatable<FieldPath>
{
    private readonly string[] segments;
    private readonly string key;

    public FieldPath(IEnumerable<string> segments)
    {
        this.segments = segments.ToArray();
        // A separator that cannot appear in JSON keys coming from YAML/JSON text we accept makes a cheap identity.
        key = string.Join('\u001f', this.segments);
    }

    public IReadOnlyList<string> Segments => segments;

    public int Length => segments.Length;

    public FieldPath Append(string segment) => new(segments.Append(segment));

    /// <summary>True when this path equals <paramref name="other"/> or one contains the other.</summary>
    public bool Overlaps(FieldPath other)
    {
        var shorter = Math.Min(Length, other.Length);
        for (var i = 0; i < shorter; i++)
        {
            if (segments[i] != other.segments[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The notation the real API uses in conflict messages: ".metadata.labels.app".</summary>
    public override string ToString() => "." + string.Join('.', segments);

    public bool Equals(FieldPath? other) => other is not null && other.key == key;

    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(key);
}
