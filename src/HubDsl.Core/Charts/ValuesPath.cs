using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace HubDsl.Core.Charts;

/// <summary>
/// A key path in Helm values: a list of keys. A key may itself hold dots (<c>server.insecure</c>, annotation names),
/// so paths are never split on dots; <see cref="ToString"/> quotes such keys (<c>configs.params."server.insecure"</c>).
/// </summary>
public sealed class ValuesPath : IEquatable<ValuesPath>, IComparable<ValuesPath>
{
    private readonly string[] _segments;
    private readonly string _key;

    /// <summary>A path of the given keys.</summary>
    public ValuesPath(IEnumerable<string> segments)
    {
        _segments = segments.ToArray();
        _key = string.Join("\u001f", _segments);
    }

    /// <summary>The empty path: the values' root.</summary>
    public static ValuesPath Root { get; } = new(Array.Empty<string>());

    /// <summary>The keys, outermost first.</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <summary>Whether this is the root.</summary>
    public bool IsRoot => _segments.Length == 0;

    /// <summary>This path plus one key.</summary>
    public ValuesPath Child(string key) => new(_segments.Concat(new[] { key }));

    /// <summary>Whether <paramref name="other"/> is this path or below it.</summary>
    public bool Contains(ValuesPath other)
    {
        if (other._segments.Length < _segments.Length) return false;
        for (var i = 0; i < _segments.Length; i++)
        {
            if (!string.Equals(_segments[i], other._segments[i], StringComparison.Ordinal)) return false;
        }

        return true;
    }

    /// <summary>Dotted, with keys that hold dots, quotes or spaces in double quotes.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var s in _segments)
        {
            if (sb.Length > 0) sb.Append('.');
            if (s.Length == 0 || s.IndexOfAny(new[] { '.', '"', ' ' }) >= 0) sb.Append('"').Append(s.Replace("\"", "\\\"")).Append('"');
            else sb.Append(s);
        }

        return sb.ToString();
    }

    /// <summary>As a JSON pointer (<c>/a/b~1c</c>), the form Helm's schema errors use; the root is empty.</summary>
    public string ToJsonPointer()
    {
        var sb = new StringBuilder();
        foreach (var s in _segments) sb.Append('/').Append(s.Replace("~", "~0").Replace("/", "~1"));
        return sb.ToString();
    }

    /// <summary>Parses the dotted form of <see cref="ToString"/>.</summary>
    public static ValuesPath Parse(string dotted)
    {
        var segments = new List<string>();
        if (string.IsNullOrEmpty(dotted)) return Root;
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < dotted.Length; i++)
        {
            var c = dotted[i];
            if (quoted)
            {
                if (c == '\\' && i + 1 < dotted.Length && dotted[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == '.') { segments.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }

        segments.Add(sb.ToString());
        return new ValuesPath(segments);
    }

    /// <inheritdoc/>
    public bool Equals(ValuesPath? other) => other is not null && string.Equals(_key, other._key, StringComparison.Ordinal) && other._segments.Length == _segments.Length;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValuesPath p && Equals(p);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_key);

    /// <inheritdoc/>
    public int CompareTo(ValuesPath? other) => other is null ? 1 : string.CompareOrdinal(_key, other._key);
}
