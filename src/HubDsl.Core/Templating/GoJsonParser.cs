using System.Collections.Generic;
using System.Globalization;

namespace HubDsl.Core.Templating;

/// <summary>json.Unmarshal into interface{}: objects map[string]interface{}, arrays []interface{}, numbers float64.</summary>
internal sealed class GoJsonParser
{
    private readonly string _s;
    private int _i;

    private GoJsonParser(string s) => _s = s;

    /// <summary>Null on any syntax error (the callers report or ignore it as Sprig does).</summary>
    public static bool TryParse(string s, out object? value)
    {
        var p = new GoJsonParser(s);
        try
        {
            value = p.Value(0);
            p.Ws();
            if (p._i != s.Length) throw new System.FormatException();
            return true;
        }
        catch (System.FormatException)
        {
            value = null;
            return false;
        }
    }

    private void Ws()
    {
        while (_i < _s.Length && (_s[_i] == ' ' || _s[_i] == '\t' || _s[_i] == '\n' || _s[_i] == '\r')) _i++;
    }

    private char Peek() => _i < _s.Length ? _s[_i] : throw new System.FormatException();

    private object? Value(int depth)
    {
        if (depth > 200) throw new System.FormatException();
        WorkBudget.Tick();
        Ws();
        char c = Peek();
        switch (c)
        {
            case '{':
            {
                _i++;
                var d = new Dictionary<string, object?>();
                Ws();
                if (Peek() == '}') { _i++; return d; }
                while (true)
                {
                    Ws();
                    if (Peek() != '"') throw new System.FormatException();
                    string key = Str();
                    Ws();
                    if (Peek() != ':') throw new System.FormatException();
                    _i++;
                    d[key] = Value(depth + 1);
                    Ws();
                    char n = Peek();
                    _i++;
                    if (n == '}') return d;
                    if (n != ',') throw new System.FormatException();
                }
            }
            case '[':
            {
                _i++;
                var l = new List<object?>();
                Ws();
                if (Peek() == ']') { _i++; return l; }
                while (true)
                {
                    l.Add(Value(depth + 1));
                    Ws();
                    char n = Peek();
                    _i++;
                    if (n == ']') return l;
                    if (n != ',') throw new System.FormatException();
                }
            }
            case '"':
                return Str();
            case 't': return Literal("true", true);
            case 'f': return Literal("false", false);
            case 'n': return Literal("null", null);
            default:
                return Number();
        }
    }

    private object? Literal(string word, object? value)
    {
        if (string.CompareOrdinal(_s, _i, word, 0, word.Length) != 0) throw new System.FormatException();
        _i += word.Length;
        return value;
    }

    private double Number()
    {
        int start = _i;
        if (_i < _s.Length && _s[_i] == '-') _i++;
        if (_i < _s.Length && _s[_i] == '0') _i++;
        else if (_i < _s.Length && _s[_i] >= '1' && _s[_i] <= '9') while (_i < _s.Length && char.IsDigit(_s[_i]) && _s[_i] < 128) _i++;
        else throw new System.FormatException();
        if (_i < _s.Length && _s[_i] == '.')
        {
            _i++;
            int f = _i;
            while (_i < _s.Length && _s[_i] >= '0' && _s[_i] <= '9') _i++;
            if (_i == f) throw new System.FormatException();
        }
        if (_i < _s.Length && (_s[_i] == 'e' || _s[_i] == 'E'))
        {
            _i++;
            if (_i < _s.Length && (_s[_i] == '+' || _s[_i] == '-')) _i++;
            int e = _i;
            while (_i < _s.Length && _s[_i] >= '0' && _s[_i] <= '9') _i++;
            if (_i == e) throw new System.FormatException();
        }
        double v = double.Parse(_s.Substring(start, _i - start), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(v)) throw new System.FormatException();
        return v;
    }

    private string Str() => JsonString.Read(_s, ref _i, out _) ?? throw new System.FormatException();
}
