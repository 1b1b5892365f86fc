using System;
using System.Globalization;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Charts.Schema;

/// <summary>
/// Reads JSON (values.schema.json) into the YAML node types, so schemas and values share one tree: objects keep their
/// order (a repeated key keeps the last value, as Go's encoding/json does), numbers keep their exact text as integer or
/// float scalars. Errors name the line and column. Limits: the chart file limit on length, and nesting.
/// </summary>
internal sealed class JsonText
{
    private const int MaxNesting = 512;

    private readonly string _text;
    private readonly string _path;
    private int _i;

    private JsonText(string text, string path)
    {
        _text = text;
        _path = path;
    }

    /// <exception cref="FormatException">The text is not JSON; the message has the line and column.</exception>
    public static YamlNode Parse(string text, string path)
    {
        var reader = new JsonText(text ?? "", path);
        var value = reader.Value(0);
        reader.Space();
        if (reader._i < reader._text.Length) throw reader.Error("unexpected text after the JSON value");
        return value;
    }

    private FormatException Error(string message)
    {
        var line = 1;
        var column = 1;
        for (var k = 0; k < _i && k < _text.Length; k++)
        {
            if (_text[k] == '\n') { line++; column = 1; }
            else column++;
        }

        return new FormatException(_path + ":" + line.ToString(CultureInfo.InvariantCulture) + ":" + column.ToString(CultureInfo.InvariantCulture) + ": " + message);
    }

    private void Space()
    {
        while (_i < _text.Length && (_text[_i] == ' ' || _text[_i] == '\t' || _text[_i] == '\n' || _text[_i] == '\r')) _i++;
    }

    private YamlNode Value(int depth)
    {
        if (depth > MaxNesting) throw Error("nested deeper than HubDsl's limit of " + MaxNesting.ToString(CultureInfo.InvariantCulture));
        Space();
        if (_i >= _text.Length) throw Error("unexpected end of text");
        var c = _text[_i];
        switch (c)
        {
            case '{':
                return Object(depth);
            case '[':
                return Array(depth);
            case '"':
                return YamlScalar.String(String());
            case 't':
                Word("true");
                return YamlScalar.Bool(true);
            case 'f':
                Word("false");
                return YamlScalar.Bool(false);
            case 'n':
                Word("null");
                return YamlScalar.Null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return Number();
                throw Error("unexpected character '" + c + "'");
        }
    }

    private YamlMapping Object(int depth)
    {
        var start = _i++;
        var m = new YamlMapping { Origin = new SourceSpan(_path, start, 1) };
        Space();
        if (Peek() == '}') { _i++; return m; }
        while (true)
        {
            Space();
            if (Peek() != '"') throw Error("expected a string key");
            var key = String();
            Space();
            if (Peek() != ':') throw Error("expected ':'");
            _i++;
            m.Set(key, Value(depth + 1));
            Space();
            var next = Peek();
            _i++;
            if (next == '}') return m;
            if (next != ',') { _i--; throw Error("expected ',' or '}'"); }
        }
    }

    private YamlSequence Array(int depth)
    {
        _i++;
        var s = new YamlSequence();
        Space();
        if (Peek() == ']') { _i++; return s; }
        while (true)
        {
            s.Add(Value(depth + 1));
            Space();
            var next = Peek();
            _i++;
            if (next == ']') return s;
            if (next != ',') { _i--; throw Error("expected ',' or ']'"); }
        }
    }

    private char Peek()
    {
        if (_i >= _text.Length) throw Error("unexpected end of text");
        return _text[_i];
    }

    private void Word(string word)
    {
        if (string.CompareOrdinal(_text, _i, word, 0, word.Length) != 0) throw Error("expected '" + word + "'");
        _i += word.Length;
    }

    private string String() => JsonString.Read(_text, ref _i, out var error) ?? throw Error(error);

    private YamlScalar Number()
    {
        var start = _i;
        if (_text[_i] == '-') _i++;
        var digits = _i;
        while (_i < _text.Length && char.IsDigit(_text[_i])) _i++;
        if (_i == digits) throw Error("invalid number");
        var isFloat = false;
        if (_i < _text.Length && _text[_i] == '.')
        {
            isFloat = true;
            _i++;
            var frac = _i;
            while (_i < _text.Length && char.IsDigit(_text[_i])) _i++;
            if (_i == frac) throw Error("invalid number");
        }

        if (_i < _text.Length && (_text[_i] == 'e' || _text[_i] == 'E'))
        {
            isFloat = true;
            _i++;
            if (_i < _text.Length && (_text[_i] == '+' || _text[_i] == '-')) _i++;
            var exp = _i;
            while (_i < _text.Length && char.IsDigit(_text[_i])) _i++;
            if (_i == exp) throw Error("invalid number");
        }

        var text = _text.Substring(start, _i - start);
        if (!isFloat && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return YamlScalar.Int(n);
        return YamlScalar.Float(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
