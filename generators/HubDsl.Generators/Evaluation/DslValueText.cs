using System.Collections.Generic;
using System.Globalization;
using System.Text;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Generators.Evaluation;

/// <summary>
/// A lossless text form of a <see cref="DslValue"/> (origins left out), so a project can carry the values of its
/// public declarations in its assembly for the projects that reference it (<see cref="ReferencedValues"/>).
/// Strings are length-prefixed, so any content round-trips; reading never throws and is bounded in depth and size.
/// </summary>
internal static class DslValueText
{
    /// <summary>Deeper values are refused when read (a hand-made attribute must not overflow the stack).</summary>
    public const int MaxDepth = 200;

    public static string Write(DslValue value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, DslValue? value)
    {
        switch (value)
        {
            case null:
                sb.Append('_');
                break;
            case DslScalar scalar:
                sb.Append('s').Append((int)scalar.Kind).Append(',');
                String(sb, scalar.Text);
                break;
            case DslEnum e:
                sb.Append('e');
                String(sb, e.TypeName);
                String(sb, e.Member);
                String(sb, e.YamlName);
                break;
            case DslInterpolation interpolation:
                sb.Append('i');
                Items(sb, interpolation.Parts);
                break;
            case DslList list:
                sb.Append('l');
                Items(sb, list.Items);
                break;
            case DslTuple tuple:
                sb.Append('t');
                Items(sb, tuple.Items);
                break;
            case DslMap map:
                sb.Append('m').Append(map.Entries.Count).Append(',');
                foreach (var entry in map.Entries)
                {
                    Write(sb, entry.Key);
                    Write(sb, entry.Value);
                }

                break;
            case DslObject obj:
                sb.Append('o').Append(obj.IsHelmValues ? '1' : '0');
                String(sb, obj.TypeName);
                sb.Append(obj.Properties.Count).Append(',');
                foreach (var property in obj.Properties)
                {
                    String(sb, property.Name);
                    NullableString(sb, property.Key);
                    Write(sb, property.Value);
                }

                break;
            case DslCall call:
                sb.Append('c');
                String(sb, call.TypeName);
                String(sb, call.Member);
                Write(sb, call.Receiver);
                Items(sb, call.Arguments);
                break;
            default:
                throw new System.ArgumentException("unknown value kind " + value.GetType().Name);
        }
    }

    private static void Items(StringBuilder sb, EquatableArray<DslValue> items)
    {
        sb.Append(items.Count).Append(',');
        foreach (var item in items) Write(sb, item);
    }

    private static void String(StringBuilder sb, string text) => sb.Append(text.Length).Append(':').Append(text);

    private static void NullableString(StringBuilder sb, string? text)
    {
        if (text is null) sb.Append('~');
        else String(sb, text);
    }

    /// <summary>The value written by <see cref="Write"/>, or null when the text is not one.</summary>
    public static DslValue? Read(string text)
    {
        var reader = new Reader(text);
        var value = reader.Value(0);
        return reader.Failed || reader.Position != text.Length ? null : value;
    }

    private sealed class Reader
    {
        private readonly string _text;

        public Reader(string text) => _text = text;

        public int Position { get; private set; }

        public bool Failed { get; private set; }

        public DslValue? Value(int depth)
        {
            if (Failed || depth > MaxDepth || Position >= _text.Length) return Fail();
            var tag = _text[Position++];
            switch (tag)
            {
                case 's':
                {
                    var kind = Number(',');
                    var text = String();
                    return kind is >= 0 and <= (int)ScalarKind.Null && text is not null ? new DslScalar((ScalarKind)kind, text) : Fail();
                }

                case 'e':
                {
                    var type = String();
                    var member = String();
                    var yaml = String();
                    return type is null || member is null || yaml is null ? Fail() : new DslEnum(type, member, yaml);
                }

                case 'i':
                    return Items(depth) is { } parts ? new DslInterpolation(parts) : null;
                case 'l':
                    return Items(depth) is { } items ? new DslList(items) : null;
                case 't':
                    return Items(depth) is { } elements ? new DslTuple(elements) : null;
                case 'm':
                {
                    var count = Number(',');
                    if (count < 0) return Fail();
                    var entries = new List<DslEntry>();
                    for (var i = 0; i < count && !Failed; i++)
                    {
                        var key = Value(depth + 1);
                        var value = Value(depth + 1);
                        if (key is null || value is null) return Fail();
                        entries.Add(new DslEntry(key, value));
                    }

                    return Failed ? null : new DslMap(entries.ToEquatableArray());
                }

                case 'o':
                {
                    if (Position >= _text.Length) return Fail();
                    var helmValues = _text[Position++] == '1';
                    var type = String();
                    var count = Number(',');
                    if (type is null || count < 0) return Fail();
                    var properties = new List<DslProperty>();
                    for (var i = 0; i < count && !Failed; i++)
                    {
                        var name = String();
                        var key = NullableString(out var ok);
                        var value = Value(depth + 1);
                        if (name is null || !ok || value is null) return Fail();
                        properties.Add(new DslProperty(name, key, value));
                    }

                    return Failed ? null : new DslObject(type, properties.ToEquatableArray(), helmValues);
                }

                case 'c':
                {
                    var type = String();
                    var member = String();
                    if (type is null || member is null || Position >= _text.Length) return Fail();
                    DslValue? receiver = null;
                    if (_text[Position] == '_') Position++;
                    else if ((receiver = Value(depth + 1)) is null) return Fail();
                    var arguments = Items(depth);
                    return arguments is null ? null : new DslCall(type, member, receiver, arguments);
                }

                default:
                    return Fail();
            }
        }

        private EquatableArray<DslValue>? Items(int depth)
        {
            var count = Number(',');
            if (count < 0) return Fail<EquatableArray<DslValue>>();
            var items = new List<DslValue>();
            for (var i = 0; i < count; i++)
            {
                var item = Value(depth + 1);
                if (item is null) return Fail<EquatableArray<DslValue>>();
                items.Add(item);
            }

            return items.ToEquatableArray();
        }

        private string? String()
        {
            var length = Number(':');
            if (length < 0 || length > _text.Length - Position) return Fail<string>();
            var text = _text.Substring(Position, length);
            Position += length;
            return text;
        }

        private string? NullableString(out bool ok)
        {
            ok = true;
            if (Position < _text.Length && _text[Position] == '~')
            {
                Position++;
                return null;
            }

            var text = String();
            ok = text is not null;
            return text;
        }

        // A non-negative decimal number ended by the separator; -1 when there is none.
        private int Number(char separator)
        {
            var end = _text.IndexOf(separator, Position);
            if (end <= Position || end - Position > 9) return -1;
            if (!int.TryParse(_text.Substring(Position, end - Position), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return -1;
            Position = end + 1;
            return number;
        }

        private DslValue? Fail()
        {
            Failed = true;
            return null;
        }

        private T? Fail<T>()
            where T : class
        {
            Failed = true;
            return null;
        }
    }
}
