using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Render;

/// <summary>
/// Keeps Secret values out of what the render prints and writes: every value under a Secret's <c>data</c> and
/// <c>stringData</c> is replaced. In a diff the two sides are masked together, so a changed value still shows as a
/// changed line without showing either value.
/// </summary>
internal static class SecretMask
{
    /// <summary>What a value is replaced with.</summary>
    public const string Masked = "<masked>";

    /// <summary>The object's YAML with its Secret values masked (other kinds unchanged).</summary>
    public static string Mask(RenderedObject obj) => obj.IsSecret ? Rewrite(obj.Yaml, (_, _) => Masked) : obj.Yaml;

    /// <summary>Both sides of a changed object, masked; a value that differs reads <c>&lt;masked: changed&gt;</c> on both sides, marked before and after.</summary>
    public static (string Before, string After) MaskPair(RenderedObject? before, RenderedObject? after)
    {
        if (before?.IsSecret != true && after?.IsSecret != true) return (before?.Yaml ?? string.Empty, after?.Yaml ?? string.Empty);
        var beforeValues = Values(before);
        var afterValues = Values(after);
        string Side(RenderedObject? obj, Dictionary<string, string> other, string mark) => obj is null ? string.Empty : Rewrite(obj.Yaml, (field, value) =>
            other.TryGetValue(field, out var theirs) && theirs == value ? Masked : "<masked: " + mark + ">");
        return (Side(before, afterValues, "before"), Side(after, beforeValues, "after"));
    }

    private static Dictionary<string, string> Values(RenderedObject? obj)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj is null || !obj.IsSecret) return values;
        Rewrite(obj.Yaml, (field, value) =>
        {
            values[field] = value;
            return value;
        });
        return values;
    }

    // Replaces each data/stringData value (field "data.key") with what the function returns.
    private static string Rewrite(string yaml, Func<string, string, string> replace)
    {
        if (YamlReader.Parse(yaml) is not YamlMapping obj) return yaml;
        foreach (var section in new[] { "data", "stringData" })
        {
            if (obj[section] is not YamlMapping values) continue;
            foreach (var key in values.Keys.ToList())
            {
                var value = values[key] is YamlScalar scalar ? scalar.Value : YamlWriter.Write(values[key]!);
                values.Set(key, replace(section + "." + key, value));
            }
        }

        return YamlWriter.Write(obj);
    }
}
