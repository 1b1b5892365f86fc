using System;
using System.Globalization;

namespace HubDsl.Core.Yaml;

/// <summary>A scalar: its canonical text and what it means.</summary>
public sealed class YamlScalar : YamlNode
{
    private YamlScalar(ScalarKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>What the scalar means.</summary>
    public ScalarKind Kind { get; }

    /// <summary>The text: the string itself, or the canonical YAML form of a number, bool or null.</summary>
    public string Value { get; }

    /// <summary>
    /// For text written from several declared strings (inline Helm values as one YAML document): each string and where
    /// it was written, so a finding about part of the text can point at the string that holds it.
    /// </summary>
    public System.Collections.Generic.IReadOnlyList<(string Text, SourceSpan Origin)>? PartOrigins { get; set; }

    /// <summary>The null scalar.</summary>
    public static YamlScalar Null { get; } = new YamlScalar(ScalarKind.Null, "null");

    /// <summary>A string scalar.</summary>
    public static YamlScalar String(string value) => new YamlScalar(ScalarKind.String, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A boolean scalar.</summary>
    public static YamlScalar Bool(bool value) => new YamlScalar(ScalarKind.Bool, value ? "true" : "false");

    /// <summary>An integer scalar.</summary>
    public static YamlScalar Int(long value) => new YamlScalar(ScalarKind.Int, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A floating-point scalar, written so it reads back as the same double.</summary>
    public static YamlScalar Float(double value)
    {
        if (double.IsNaN(value)) return new YamlScalar(ScalarKind.Float, ".nan");
        if (double.IsPositiveInfinity(value)) return new YamlScalar(ScalarKind.Float, ".inf");
        if (double.IsNegativeInfinity(value)) return new YamlScalar(ScalarKind.Float, "-.inf");
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        // Keep it a float for every reader: "3" would read back as an integer.
        if (text.IndexOfAny(new[] { '.', 'E', 'e' }) < 0) text += ".0";
        return new YamlScalar(ScalarKind.Float, text);
    }

    /// <inheritdoc/>
    public override bool Equals(YamlNode? other) =>
        other is YamlScalar s && s.Kind == Kind && string.Equals(s.Value, Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine((int)Kind, StringComparer.Ordinal.GetHashCode(Value));

    /// <inheritdoc/>
    public override string ToString() => Value;
}
