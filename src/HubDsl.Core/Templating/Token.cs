using System.Globalization;

namespace HubDsl.Core.Templating;

/// <summary>One lexical item: kind, text, start offset (UTF-16 index) and 1-based line.</summary>
internal readonly struct Token
{
    public Token(TokenKind kind, int pos, string value, int line)
    {
        Kind = kind;
        Pos = pos;
        Value = value;
        Line = line;
    }

    public TokenKind Kind { get; }
    public int Pos { get; }
    public string Value { get; }
    public int Line { get; }

    /// <summary>Rendering used in Go's "unexpected X in Y" messages.</summary>
    public override string ToString()
    {
        if (Kind == TokenKind.Eof) return "EOF";
        if (Kind == TokenKind.Error) return Value;
        if (Kind > TokenKind.Keyword) return "<" + Value + ">";
        if (Value.Length > 10) return GoQuote.Quote(Value, 10) + "...";
        return GoQuote.Quote(Value);
    }

    internal static string DescribeRune(int r) =>
        // Go's %#U: U+0041 'A'
        "U+" + r.ToString("X4", CultureInfo.InvariantCulture) + (GoQuote.IsPrint(r) ? " '" + char.ConvertFromUtf32(r) + "'" : "");
}
