using System.Collections.Concurrent;

namespace HubDsl.Cli.Runtime;

/// <summary>
/// A credential (token, client key, password). Its <see cref="ToString"/> never shows the value, and every value
/// is remembered by <see cref="Redactor"/>, which scrubs it from any text the tool prints.
/// </summary>
public readonly struct Secret : IEquatable<Secret>
{
    private readonly string? value;

    /// <summary>Wraps a credential (null or empty means none).</summary>
    public Secret(string? value)
    {
        this.value = string.IsNullOrEmpty(value) ? null : value;
        if (this.value is not null) Redactor.Remember(this.value);
    }

    /// <summary>Whether there is a value.</summary>
    public bool HasValue => value is not null;

    /// <summary>The value, for the one place that sends it (an Authorization header, a Secret's data).</summary>
    public string? Reveal() => value;

    /// <inheritdoc />
    public override string ToString() => value is null ? string.Empty : Redactor.Mask;

    /// <inheritdoc />
    public bool Equals(Secret other) => string.Equals(value, other.value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Secret other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => value is null ? 0 : StringComparer.Ordinal.GetHashCode(value);
}

/// <summary>Scrubs every credential the process has seen from text before it is printed.</summary>
public static class Redactor
{
    /// <summary>What a redacted value is printed as.</summary>
    public const string Mask = "<redacted>";

    private static readonly ConcurrentDictionary<string, byte> Known = new(StringComparer.Ordinal);

    /// <summary>Remembers a credential (values shorter than 6 characters are too common to scrub safely).</summary>
    public static void Remember(string value)
    {
        if (value.Length >= 6) Known.TryAdd(value, 0);
        var base64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value));
        if (base64.Length >= 8) Known.TryAdd(base64, 0);
    }

    /// <summary>The text with every known credential replaced by <see cref="Mask"/>.</summary>
    public static string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
        foreach (var secret in Known.Keys.OrderByDescending(k => k.Length))
        {
            if (text.Contains(secret, StringComparison.Ordinal)) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
