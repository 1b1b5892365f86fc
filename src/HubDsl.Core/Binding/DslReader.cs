using System.Collections.Generic;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Binding;

/// <summary>Reads plain values (strings, bools, lists, maps) out of DSL values, reporting what does not fit.</summary>
internal static class DslReader
{
    public static string? String(BindingContext context, DslValue? value, string what)
    {
        switch (value)
        {
            case null:
            case DslScalar { Kind: ScalarKind.Null }:
                return null;
            case DslScalar { Kind: ScalarKind.String } s:
                return s.Text;
            case DslInterpolation interpolation when Flatten(interpolation) is { } text:
                return text;
            case DslInterpolation:
            case DslCall { TypeName: DslNames.Param }:
                context.Error(value.Origin, what + " cannot use template parameters (Param.X): Argo CD fills them in only inside an ApplicationTemplate.");
                return null;
            default:
                context.Error(value.Origin, what + " must be a string literal or constant here.");
                return null;
        }
    }

    // An interpolation of constants only (e.g. $"https://{Region}.example.com") is just a string.
    private static string? Flatten(DslInterpolation interpolation)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var part in interpolation.Parts)
        {
            switch (part)
            {
                case DslScalar { Kind: not ScalarKind.Null } s: sb.Append(s.Text); break;
                case DslInterpolation inner when Flatten(inner) is { } text: sb.Append(text); break;
                default: return null;
            }
        }

        return sb.ToString();
    }

    public static bool Bool(BindingContext context, DslValue? value, string what, bool fallback = false)
    {
        switch (value)
        {
            case null:
            case DslScalar { Kind: ScalarKind.Null }:
                return fallback;
            case DslScalar { Kind: ScalarKind.Bool } s:
                return s.Text == "true";
            default:
                context.Error(value.Origin, what + " must be true or false.");
                return fallback;
        }
    }

    public static long? Int(BindingContext context, DslValue? value, string what)
    {
        switch (value)
        {
            case null:
            case DslScalar { Kind: ScalarKind.Null }:
                return null;
            case DslScalar { Kind: ScalarKind.Int } s when long.TryParse(s.Text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n):
                return n;
            default:
                context.Error(value.Origin, what + " must be an integer.");
                return null;
        }
    }

    public static IReadOnlyList<DslValue> List(BindingContext context, DslValue? value, string what)
    {
        switch (value)
        {
            case null:
            case DslScalar { Kind: ScalarKind.Null }:
                return new DslValue[0];
            case DslList list:
                return list.Items;
            default:
                context.Error(value.Origin, what + " must be a list.");
                return new DslValue[0];
        }
    }

    public static IReadOnlyList<DslEntry> Map(BindingContext context, DslValue? value, string what)
    {
        switch (value)
        {
            case null:
            case DslScalar { Kind: ScalarKind.Null }:
                return new DslEntry[0];
            case DslMap map:
                return map.Entries;
            default:
                context.Error(value.Origin, what + " must be a dictionary.");
                return new DslEntry[0];
        }
    }

    /// <summary>A string-to-string dictionary such as labels, in declaration order; later duplicates win.</summary>
    public static EquatableArray<StringPair> StringMap(BindingContext context, DslValue? value, string what)
    {
        var pairs = new List<StringPair>();
        foreach (var entry in Map(context, value, what))
        {
            var key = String(context, entry.Key, what + " key");
            var text = String(context, entry.Value, what + " value");
            if (key is null || text is null) continue;
            pairs.RemoveAll(p => p.Key == key);
            pairs.Add(new StringPair(key, text) { KeyOrigin = entry.Key.Origin, ValueOrigin = entry.Value.Origin });
        }

        return pairs.ToEquatableArray();
    }

    public static DslValue? Property(DslValue? value, string name) => value is DslObject obj ? obj.Find(name)?.Value : null;
}
