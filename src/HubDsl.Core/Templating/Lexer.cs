using System.Collections.Generic;

namespace HubDsl.Core.Templating;

/// <summary>
/// Go text/template's lexer with the default "{{" "}}" delimiters: same states, same items, same error texts.
/// It produces the whole item list up front, ending at the first error or EOF (Go's parser sees the same sequence).
/// </summary>
internal sealed class Lexer
{
    private const string LeftDelim = "{{";
    private const string RightDelim = "}}";
    private const string LeftComment = "/*";
    private const string RightComment = "*/";
    private const char TrimMarker = '-';

    private static readonly Dictionary<string, TokenKind> Keywords = new()
    {
        ["."] = TokenKind.Dot,
        ["block"] = TokenKind.Block,
        ["break"] = TokenKind.Break,
        ["continue"] = TokenKind.Continue,
        ["define"] = TokenKind.Define,
        ["else"] = TokenKind.Else,
        ["end"] = TokenKind.End,
        ["if"] = TokenKind.If,
        ["range"] = TokenKind.Range,
        ["nil"] = TokenKind.Nil,
        ["template"] = TokenKind.Template,
        ["with"] = TokenKind.With,
    };

    private readonly string _input;
    private readonly List<Token> _items = new();
    private readonly LineMap _lines;
    private int _pos;
    private int _start;
    private int _parenDepth;

    private Lexer(string input)
    {
        _input = input;
        _lines = new LineMap(input);
    }

    public static List<Token> Lex(string input)
    {
        var l = new Lexer(input);
        l.Run();
        return l._items;
    }

    private enum State { Text, LeftDelim, Comment, RightDelim, InsideAction, Space, Identifier, Field, Variable, Char, Number, Quote, RawQuote, Done }

    private void Run()
    {
        var state = State.Text;
        while (state != State.Done)
        {
            state = state switch
            {
                State.Text => LexText(),
                State.LeftDelim => LexLeftDelim(),
                State.Comment => LexComment(),
                State.RightDelim => LexRightDelim(),
                State.InsideAction => LexInsideAction(),
                State.Space => LexSpace(),
                State.Identifier => LexIdentifier(),
                State.Field => LexFieldOrVariable(TokenKind.Field),
                State.Variable => LexVariable(),
                State.Char => LexChar(),
                State.Number => LexNumber(),
                State.Quote => LexQuote(),
                State.RawQuote => LexRawQuote(),
                _ => State.Done,
            };
        }
    }

    private const int Eof = -1;

    private int Next()
    {
        if (_pos >= _input.Length)
        {
            _pos = _input.Length + 1; // remember that EOF was read so Backup is a no-op, like Go's atEOF
            return Eof;
        }
        char c = _input[_pos];
        if (char.IsHighSurrogate(c) && _pos + 1 < _input.Length && char.IsLowSurrogate(_input[_pos + 1]))
        {
            _pos += 2;
            return char.ConvertToUtf32(c, _input[_pos - 1]);
        }
        _pos++;
        // a lone surrogate is what Go would see as invalid UTF-8, which it decodes as U+FFFD
        return char.IsSurrogate(c) ? 0xFFFD : c;
    }

    private void Backup()
    {
        if (_pos > _input.Length)
        {
            _pos = _input.Length;
            return;
        }
        if (_pos <= 0) return;
        _pos--;
        if (_pos > 0 && char.IsLowSurrogate(_input[_pos]) && char.IsHighSurrogate(_input[_pos - 1])) _pos--;
    }

    private int Peek()
    {
        int save = _pos;
        int r = Next();
        _pos = save;
        return r;
    }

    private string Rest => _pos >= _input.Length ? "" : _input.Substring(_pos);

    private bool StartsWithAt(int at, string s) => at <= _input.Length && string.CompareOrdinal(_input, at, s, 0, s.Length) == 0 && at + s.Length <= _input.Length;

    private void Emit(TokenKind kind)
    {
        int end = System.Math.Min(_pos, _input.Length);
        _items.Add(new Token(kind, _start, _input.Substring(_start, end - _start), _lines.LineAt(_start)));
        _start = end;
    }

    private void Ignore() => _start = System.Math.Min(_pos, _input.Length);

    private State Error(string message)
    {
        _items.Add(new Token(TokenKind.Error, _start, message, _lines.LineAt(_start)));
        return State.Done;
    }

    private static bool IsSpace(int r) => r == ' ' || r == '\t' || r == '\r' || r == '\n';

    private static bool IsAlphaNumeric(int r) =>
        r == '_' || (r >= 0 && (char.IsLetter(char.ConvertFromUtf32(r), 0) || char.GetUnicodeCategory(char.ConvertFromUtf32(r), 0) == System.Globalization.UnicodeCategory.DecimalDigitNumber));

    private bool HasLeftTrimMarker(int at) => at + 1 < _input.Length && _input[at] == TrimMarker && IsSpace(_input[at + 1]);

    private bool HasRightTrimMarker(int at) => at >= 0 && at + 1 < _input.Length && IsSpace(_input[at]) && _input[at + 1] == TrimMarker;

    private State LexText()
    {
        int x = _pos < _input.Length ? _input.IndexOf(LeftDelim, _pos, System.StringComparison.Ordinal) : -1;
        if (x >= 0)
        {
            _pos = x;
            int trimLength = 0;
            if (HasLeftTrimMarker(_pos + LeftDelim.Length))
            {
                int k = _pos;
                while (k > _start && IsSpace(_input[k - 1])) k--;
                trimLength = _pos - k;
            }
            _pos -= trimLength;
            if (_pos > _start) Emit(TokenKind.Text);
            _pos += trimLength;
            Ignore();
            return State.LeftDelim;
        }
        _pos = _input.Length;
        if (_pos > _start) Emit(TokenKind.Text);
        Emit(TokenKind.Eof);
        return State.Done;
    }

    private (bool Delim, bool Trim) AtRightDelim()
    {
        if (HasRightTrimMarker(_pos) && StartsWithAt(_pos + 2, RightDelim)) return (true, true);
        if (StartsWithAt(_pos, RightDelim)) return (true, false);
        return (false, false);
    }

    private void SkipLeadingSpace()
    {
        while (_pos < _input.Length && IsSpace(_input[_pos])) _pos++;
    }

    private State LexLeftDelim()
    {
        _pos += LeftDelim.Length;
        bool trim = HasLeftTrimMarker(_pos);
        int afterMarker = trim ? 2 : 0;
        if (StartsWithAt(_pos + afterMarker, LeftComment))
        {
            _pos += afterMarker;
            Ignore();
            return State.Comment;
        }
        Emit(TokenKind.LeftDelim);
        _pos += afterMarker;
        Ignore();
        _parenDepth = 0;
        return State.InsideAction;
    }

    private State LexComment()
    {
        _pos += LeftComment.Length;
        int i = _input.IndexOf(RightComment, _pos, System.StringComparison.Ordinal);
        if (i < 0) return Error("unclosed comment");
        _pos = i + RightComment.Length;
        var (delim, trim) = AtRightDelim();
        if (!delim) return Error("comment ends before closing delimiter");
        if (trim) _pos += 2;
        _pos += RightDelim.Length;
        if (trim) SkipLeadingSpace();
        Ignore();
        return State.Text;
    }

    private State LexRightDelim()
    {
        bool trim = HasRightTrimMarker(_pos);
        if (trim)
        {
            _pos += 2;
            Ignore();
        }
        _pos += RightDelim.Length;
        Emit(TokenKind.RightDelim);
        if (trim)
        {
            SkipLeadingSpace();
            Ignore();
        }
        return State.Text;
    }

    private State LexInsideAction()
    {
        var (delim, _) = AtRightDelim();
        if (delim)
        {
            if (_parenDepth == 0) return State.RightDelim;
            return Error("unclosed left paren");
        }
        int r = Next();
        switch (r)
        {
            case Eof:
                return Error("unclosed action");
            case ' ':
            case '\t':
            case '\r':
            case '\n':
                Backup();
                return State.Space;
            case '=':
                Emit(TokenKind.Assign);
                return State.InsideAction;
            case ':':
                if (Next() != '=') return Error("expected :=");
                Emit(TokenKind.Declare);
                return State.InsideAction;
            case '|':
                Emit(TokenKind.Pipe);
                return State.InsideAction;
            case '"':
                return State.Quote;
            case '`':
                return State.RawQuote;
            case '$':
                return State.Variable;
            case '\'':
                return State.Char;
            case '(':
                Emit(TokenKind.LeftParen);
                _parenDepth++;
                return State.InsideAction;
            case ')':
                Emit(TokenKind.RightParen);
                _parenDepth--;
                if (_parenDepth < 0) return Error("unexpected right paren " + Token.DescribeRune(r));
                return State.InsideAction;
        }
        if (r == '.')
        {
            if (_pos < _input.Length)
            {
                char n = _input[_pos];
                if (n < '0' || n > '9') return State.Field;
            }
            Backup();
            return State.Number;
        }
        if (r == '+' || r == '-' || (r >= '0' && r <= '9'))
        {
            Backup();
            return State.Number;
        }
        if (IsAlphaNumeric(r))
        {
            Backup();
            return State.Identifier;
        }
        if (r <= 0x7f && GoQuote.IsPrint(r))
        {
            Emit(TokenKind.Char);
            return State.InsideAction;
        }
        return Error("unrecognized character in action: " + Token.DescribeRune(r));
    }

    private State LexSpace()
    {
        int numSpaces = 0;
        while (IsSpace(Peek()))
        {
            Next();
            numSpaces++;
        }
        // A " -}}" must not swallow its space: put it back and let the delimiter take it.
        if (HasRightTrimMarker(_pos - 1) && StartsWithAt(_pos - 1 + 2, RightDelim))
        {
            Backup();
            if (numSpaces == 1) return State.RightDelim;
        }
        Emit(TokenKind.Space);
        return State.InsideAction;
    }

    private State LexIdentifier()
    {
        while (true)
        {
            int r = Next();
            if (IsAlphaNumeric(r)) continue;
            Backup();
            string word = _input.Substring(_start, _pos - _start);
            if (!AtTerminator()) return Error("bad character " + Token.DescribeRune(r));
            if (Keywords.TryGetValue(word, out var kw) && kw > TokenKind.Keyword) Emit(kw);
            else if (word[0] == '.') Emit(TokenKind.Field);
            else if (word == "true" || word == "false") Emit(TokenKind.Bool);
            else Emit(TokenKind.Identifier);
            return State.InsideAction;
        }
    }

    private State LexVariable()
    {
        if (AtTerminator())
        {
            Emit(TokenKind.Variable);
            return State.InsideAction;
        }
        return LexFieldOrVariable(TokenKind.Variable);
    }

    private State LexFieldOrVariable(TokenKind kind)
    {
        if (AtTerminator())
        {
            Emit(kind == TokenKind.Variable ? TokenKind.Variable : TokenKind.Dot);
            return State.InsideAction;
        }
        int r;
        while (true)
        {
            r = Next();
            if (!IsAlphaNumeric(r))
            {
                Backup();
                break;
            }
        }
        if (!AtTerminator()) return Error("bad character " + Token.DescribeRune(r));
        Emit(kind);
        return State.InsideAction;
    }

    private bool AtTerminator()
    {
        int r = Peek();
        if (IsSpace(r)) return true;
        switch (r)
        {
            case Eof:
            case '.':
            case ',':
            case '|':
            case ':':
            case ')':
            case '(':
                return true;
        }
        return StartsWithAt(_pos, RightDelim);
    }

    private State LexChar()
    {
        while (true)
        {
            int r = Next();
            if (r == '\\')
            {
                int e = Next();
                if (e != Eof && e != '\n') continue;
                return Error("unterminated character constant");
            }
            if (r == Eof || r == '\n') return Error("unterminated character constant");
            if (r == '\'') break;
        }
        Emit(TokenKind.CharConstant);
        return State.InsideAction;
    }

    private State LexNumber()
    {
        if (!ScanNumber()) return Error("bad number syntax: " + GoQuote.Quote(Current()));
        int sign = Peek();
        if (sign == '+' || sign == '-')
        {
            if (!ScanNumber() || _input[_pos - 1] != 'i') return Error("bad number syntax: " + GoQuote.Quote(Current()));
            Emit(TokenKind.Complex);
        }
        else
        {
            Emit(TokenKind.Number);
        }
        return State.InsideAction;
    }

    private string Current() => _input.Substring(_start, System.Math.Min(_pos, _input.Length) - _start);

    private bool Accept(string valid)
    {
        int r = Next();
        if (r != Eof && valid.IndexOf((char)r) >= 0 && r < 0x10000) return true;
        Backup();
        return false;
    }

    private void AcceptRun(string valid)
    {
        while (Accept(valid)) { }
    }

    private bool ScanNumber()
    {
        Accept("+-");
        string digits = "0123456789_";
        if (Accept("0"))
        {
            if (Accept("xX")) digits = "0123456789abcdefABCDEF_";
            else if (Accept("oO")) digits = "01234567_";
            else if (Accept("bB")) digits = "01_";
        }
        AcceptRun(digits);
        if (Accept(".")) AcceptRun(digits);
        if (digits.Length == 11 && Accept("eE"))
        {
            Accept("+-");
            AcceptRun("0123456789_");
        }
        if (digits.Length == 23 && Accept("pP"))
        {
            Accept("+-");
            AcceptRun("0123456789_");
        }
        Accept("i");
        if (IsAlphaNumeric(Peek()))
        {
            Next();
            return false;
        }
        return true;
    }

    private State LexQuote()
    {
        while (true)
        {
            int r = Next();
            if (r == '\\')
            {
                int e = Next();
                if (e != Eof && e != '\n') continue;
                return Error("unterminated quoted string");
            }
            if (r == Eof || r == '\n') return Error("unterminated quoted string");
            if (r == '"') break;
        }
        Emit(TokenKind.String);
        return State.InsideAction;
    }

    private State LexRawQuote()
    {
        while (true)
        {
            int r = Next();
            if (r == Eof) return Error("unterminated raw quoted string");
            if (r == '`') break;
        }
        Emit(TokenKind.RawString);
        return State.InsideAction;
    }
}
