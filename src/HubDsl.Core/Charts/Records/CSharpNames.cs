using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace HubDsl.Core.Charts.Records;

/// <summary>
/// C# names for values keys: PascalCase words from any key (<c>redis-ha</c> → <c>RedisHa</c>, <c>server.insecure</c> →
/// <c>ServerInsecure</c>, <c>8080</c> → <c>_8080</c>), escaped when a keyword, and made unique within a type (keys that
/// differ only by case, a key named like the type, record members such as <c>ToString</c>) by a number suffix.
/// </summary>
public static class CSharpNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue", "decimal", "default",
        "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto",
        "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc",
        "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using",
        "virtual", "void", "volatile", "while",
    };

    // Members every record has: a property of that name would not compile.
    private static readonly HashSet<string> RecordMembers = new(StringComparer.Ordinal)
    {
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "EqualityContract", "PrintMembers", "Deconstruct",
    };

    /// <summary>A PascalCase identifier for the key (not yet unique).</summary>
    public static string Identifier(string key)
    {
        var sb = new StringBuilder();
        var upperNext = true;
        foreach (var c in key ?? "")
        {
            if (char.IsLetterOrDigit(c) && c < 0x80 || char.IsLetter(c))
            {
                sb.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true; // '-', '.', '/', '_', ' ', ...: a word boundary
            }
        }

        if (sb.Length == 0) sb.Append("Value");
        if (char.IsDigit(sb[0])) sb.Insert(0, '_');
        var name = sb.ToString();
        return Keywords.Contains(name) ? "@" + name : name;
    }

    /// <summary>Unique names for the keys of one type, in order; <paramref name="reserved"/> holds names already taken (the type's own name).</summary>
    public static List<string> UniqueIdentifiers(IEnumerable<string> keys, ICollection<string> reserved)
    {
        var taken = new HashSet<string>(reserved, StringComparer.Ordinal);
        foreach (var m in RecordMembers) taken.Add(m);
        var names = new List<string>();
        foreach (var key in keys)
        {
            var baseName = Identifier(key);
            var name = baseName;
            for (var i = 2; taken.Contains(name.TrimStart('@')); i++) name = baseName.TrimStart('@') + i.ToString(CultureInfo.InvariantCulture);
            taken.Add(name.TrimStart('@'));
            names.Add(name);
        }

        return names;
    }

    /// <summary>A C# string literal.</summary>
    public static string StringLiteral(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
