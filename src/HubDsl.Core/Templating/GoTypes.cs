using System.Collections.Generic;

namespace HubDsl.Core.Templating;

/// <summary>Maps data-model objects to the Go types they stand for.</summary>
internal static class GoTypes
{
    public static string NameOf(object? o) => o switch
    {
        null => "<nil>",
        string => "string",
        bool => "bool",
        int => "int",
        long => "int64",
        double => "float64",
        float => "float32",
        IReadOnlyDictionary<string, string> => "map[string]string",
        IReadOnlyDictionary<string, object?> => "map[string]interface {}",
        string[] => "[]string",
        TypedList t => t.GoType,
        GoObject g => g.GoTypeName,
        IReadOnlyList<object?> => "[]interface {}",
        _ => o.GetType().Name,
    };

    /// <summary>Whether elements of this slice have a concrete static type (not interface{}).</summary>
    public static bool HasTypedElements(object? list) => list is string[] || list is TypedList;

    public static bool IsList(object? o) => o is IReadOnlyList<object?>;

    public static bool IsMap(object? o) => o is IReadOnlyDictionary<string, object?> || o is IReadOnlyDictionary<string, string>;

    public static int Length(object? o) => o switch
    {
        string s => System.Text.Encoding.UTF8.GetByteCount(s),
        IReadOnlyDictionary<string, string> m => m.Count,
        IReadOnlyDictionary<string, object?> m => m.Count,
        IReadOnlyList<object?> l => l.Count,
        _ => -1,
    };

    /// <summary>Go's notion of truth for if/with/and/or/not; null result means "not a truth-valued type".</summary>
    public static bool? IsTrue(GoValue v)
    {
        if (!v.IsValid) return false;
        object? o = v.Obj;
        return o switch
        {
            null => false,
            bool b => b,
            string s => s.Length > 0,
            int i => i != 0,
            long l => l != 0,
            double d => d != 0,
            float f => f != 0,
            IReadOnlyDictionary<string, string> m => m.Count > 0,
            IReadOnlyDictionary<string, object?> m => m.Count > 0,
            IReadOnlyList<object?> l => l.Count > 0,
            _ => null,
        };
    }

    /// <summary>Sorted keys as Go's fmtsort orders string keys (byte-wise; ordinal on UTF-16 differs only for astral chars).</summary>
    public static List<string> SortedKeys(IEnumerable<string> keys)
    {
        var list = new List<string>(keys);
        list.Sort(System.StringComparer.Ordinal);
        return list;
    }

    /// <summary>Iterates a map of either kind as (key, value) in sorted key order.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> SortedEntries(object map)
    {
        if (map is IReadOnlyDictionary<string, string> ss)
        {
            foreach (var k in SortedKeys(ss.Keys)) yield return new KeyValuePair<string, object?>(k, ss[k]);
        }
        else if (map is IReadOnlyDictionary<string, object?> so)
        {
            foreach (var k in SortedKeys(so.Keys)) yield return new KeyValuePair<string, object?>(k, so[k]);
        }
    }
}
