namespace HubDsl.Cli.Runtime;

/// <summary>
/// A credential (token, client key, password). Its <see cref="ToString"/> never shows the value, and every value
/// is remembered by <see cref="Redactor"/>, which scrubs it from any text the tool prints.
/// </summary>
public readonly struct RedactedCredential : IEquatable<RedactedCredential>
{
    private readonly string? _value;

    /// <summary>Wraps a credential (null or empty means none).</summary>
    public RedactedCredential(string? value)
    {
        _value = string.IsNullOrEmpty(value) ? null : value;
        if (_value is not null) Redactor.Remember(_value);
    }

    /// <summary>Whether there is a value.</summary>
    public bool HasValue => _value is not null;

    /// <summary>The value, for the one place that sends it (an Authorization header, a Secret's data).</summary>
    public string? Reveal() => _value;

    /// <inheritdoc />
    public override string ToString() => _value is null ? string.Empty : Redactor.Mask;

    /// <inheritdoc />
    public bool Equals(RedactedCredential other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RedactedCredential other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);
}
