using System;
using System.Collections.Generic;

namespace HubDsl.Core.Charts.Reads;

/// <summary>An immutable small set of abstract values: what an expression may hold, joined over branches.</summary>
internal readonly struct ValueSet
{
    private readonly AbstractValue[]? _items;

    private ValueSet(AbstractValue[] items) => _items = items;

    public static ValueSet Empty => default;

    public static ValueSet Unknown { get; } = new(new AbstractValue[] { UnknownValue.Instance });

    public static ValueSet Of(AbstractValue value) => new(new[] { value });

    public int Count => _items?.Length ?? 0;

    public IReadOnlyList<AbstractValue> Items => _items ?? Array.Empty<AbstractValue>();

    public bool IsSingle => Count == 1;

    public static ValueSet Union(ValueSet a, ValueSet b)
    {
        if (a.Count == 0) return b;
        if (b.Count == 0) return a;
        List<AbstractValue>? merged = null;
        foreach (var item in b._items!)
        {
            if (Contains(a._items!, item) || (merged != null && merged.Contains(item))) continue;
            merged ??= new List<AbstractValue>(a._items!);
            merged.Add(item);
        }

        return merged == null ? a : new ValueSet(merged.ToArray());
    }

    public static ValueSet Union(IEnumerable<ValueSet> sets)
    {
        var result = Empty;
        foreach (var s in sets) result = Union(result, s);
        return result;
    }

    public static ValueSet From(IEnumerable<AbstractValue> values)
    {
        var result = Empty;
        foreach (var v in values) result = Union(result, Of(v));
        return result;
    }

    private static bool Contains(AbstractValue[] items, AbstractValue value)
    {
        foreach (var item in items)
        {
            if (ReferenceEquals(item, value) || item.Equals(value)) return true;
        }

        return false;
    }

    /// <summary>The constant strings, when every member is one.</summary>
    public bool TryGetStrings(out List<string> strings)
    {
        strings = new List<string>();
        if (Count == 0) return false;
        foreach (var item in _items!)
        {
            if (item is StringValue s) strings.Add(s.Text);
            else return false;
        }

        return true;
    }
}
