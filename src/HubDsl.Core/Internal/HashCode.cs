using System.Collections.Generic;

namespace HubDsl.Core;

/// <summary>A small hash combiner (netstandard2.0 has no System.HashCode).</summary>
internal struct HashCode
{
    private int _value;
    private bool _started;

    public void Add<T>(T value) => Add(value, EqualityComparer<T>.Default);

    public void Add<T>(T value, IEqualityComparer<T> comparer)
    {
        if (!_started)
        {
            _value = 17;
            _started = true;
        }

        unchecked
        {
            _value = (_value * 31) + (value is null ? 0 : comparer.GetHashCode(value));
        }
    }

    public int ToHashCode() => _value;

    public static int Combine<T1, T2>(T1 a, T2 b)
    {
        var hash = new HashCode();
        hash.Add(a);
        hash.Add(b);
        return hash.ToHashCode();
    }
}
