using System.Collections.Generic;
using System.Linq;

namespace HubDsl.Core.Charts.Reads;

/// <summary>
/// The text a template produces, as far as the analysis can fold it: a small set of exact strings, or unknown.
/// bitnami's common library passes key names as include output ("common.utils.getKeyFromList"), so reads that use
/// an include's result as a key stay exact.
/// </summary>
internal sealed class Output
{
    private const int MaxStrings = 32;
    private const int MaxLength = 4096;

    private HashSet<string>? _strings = new() { "" };

    public bool IsUnknown => _strings == null;

    public Output Clone() => new() { _strings = _strings == null ? null : new HashSet<string>(_strings) };

    public static Output Unknown() => new() { _strings = null };

    public void Append(IReadOnlyCollection<string> parts)
    {
        if (_strings == null) return;
        if (_strings.Count * parts.Count > MaxStrings)
        {
            _strings = null;
            return;
        }

        var next = new HashSet<string>();
        foreach (var s in _strings)
        {
            foreach (var p in parts)
            {
                if (s.Length + p.Length > MaxLength)
                {
                    _strings = null;
                    return;
                }

                next.Add(s + p);
            }
        }

        _strings = next;
    }

    public void Append(ValueSet values)
    {
        if (values.TryGetStrings(out var strings)) Append(strings);
        else if (values.Items.All(v => v is NumberValue)) Append(values.Items.Select(v => ((NumberValue)v).Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList());
        else _strings = null;
    }

    public void Append(Output other)
    {
        if (other._strings == null) _strings = null;
        else Append(other._strings);
    }

    public static Output Join(Output a, Output b)
    {
        if (a._strings == null || b._strings == null) return Unknown();
        var joined = new HashSet<string>(a._strings);
        joined.UnionWith(b._strings);
        return joined.Count > MaxStrings ? Unknown() : new Output { _strings = joined };
    }

    public bool SameAs(Output other) =>
        _strings == null ? other._strings == null : other._strings != null && _strings.SetEquals(other._strings);

    public ValueSet ToValues() =>
        _strings == null ? ValueSet.Unknown : ValueSet.From(_strings.OrderBy(s => s, System.StringComparer.Ordinal).Select(s => (AbstractValue)new StringValue(s)));
}
