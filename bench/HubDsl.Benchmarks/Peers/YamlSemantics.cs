using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HubDsl.Benchmarks.Peers;

/// <summary>
/// Compares YAML files by meaning, not by text: documents are read with YamlDotNet, plain scalars resolved with
/// the YAML 1.2 core schema (null, bool, int, float, else string), quoted scalars are strings, mapping order and
/// comments are ignored. Two tools that write the same manifests in different styles compare equal.
/// </summary>
public static class YamlSemantics
{
    /// <summary>The differences between two sets of files (relative path to content); empty when they mean the same.</summary>
    public static List<string> Differences(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual)
    {
        var differences = new List<string>();
        foreach (var path in expected.Keys.Except(actual.Keys, StringComparer.Ordinal)) differences.Add(path + ": missing");
        foreach (var path in actual.Keys.Except(expected.Keys, StringComparer.Ordinal)) differences.Add(path + ": not expected");
        foreach (var path in expected.Keys.Intersect(actual.Keys, StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal))
        {
            var a = Documents(expected[path]);
            var b = Documents(actual[path]);
            if (a.Count != b.Count) differences.Add(path + ": " + a.Count + " documents, found " + b.Count);
            for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
            {
                var where = Compare(a[i], b[i], "$");
                if (where is not null) differences.Add(path + " (document " + (i + 1) + "): " + where);
            }
        }

        return differences;
    }

    private static List<object?> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => Canonical(d.RootNode)).ToList();
    }

    private static object? Canonical(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(c => (string)Canonical(c.Key)!.ToString()!, c => Canonical(c.Value), StringComparer.Ordinal),
        YamlSequenceNode seq => seq.Children.Select(Canonical).ToList(),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException("unsupported YAML node " + node.NodeType),
    };

    private static object? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain) return value;
        if (value is "" or "~" or "null" or "Null" or "NULL") return null;
        if (value is "true" or "True" or "TRUE") return true;
        if (value is "false" or "False" or "FALSE") return false;
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return integer;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && value.Any(char.IsDigit)) return real;
        return value;
    }

    private static string? Compare(object? a, object? b, string path)
    {
        switch (a)
        {
            case Dictionary<string, object?> map when b is Dictionary<string, object?> other:
                foreach (var key in map.Keys.Union(other.Keys))
                {
                    if (!map.ContainsKey(key)) return path + "." + key + ": not expected";
                    if (!other.ContainsKey(key)) return path + "." + key + ": missing";
                    if (Compare(map[key], other[key], path + "." + key) is { } inner) return inner;
                }

                return null;
            case List<object?> list when b is List<object?> other:
                if (list.Count != other.Count) return path + ": " + list.Count + " items, found " + other.Count;
                for (var i = 0; i < list.Count; i++)
                {
                    if (Compare(list[i], other[i], path + "[" + i + "]") is { } inner) return inner;
                }

                return null;
            default:
                return Equals(a, b) ? null : path + ": expected " + Show(a) + ", found " + Show(b);
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => "'" + s + "'",
        Dictionary<string, object?> => "a mapping",
        List<object?> => "a list",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) + " (" + value.GetType().Name + ")",
    };
}
