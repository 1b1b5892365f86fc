using System;

namespace HubDsl.KubeEmulator;

/// <summary>
/// A queued failure: the next <see cref="Remaining"/> matching requests get <see cref="StatusCode"/>, with a
/// metav1.Status body, or with <see cref="Body"/> as <see cref="ContentType"/> when one is given (a proxy's HTML
/// page, a hand-made answer).
/// </summary>
public sealed class InjectedFailure(int count, int statusCode, TimeSpan? retryAfter, Func<RequestLogEntry, bool>? matches, string? contentType = null, string? body = null)
{
    public int Remaining { get; internal set; } = count;

    public int StatusCode { get; } = statusCode;

    /// <summary>Sent as the Retry-After header (whole seconds) and Status details.retryAfterSeconds.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public Func<RequestLogEntry, bool>? Matches { get; } = matches;

    /// <summary>Builds the Status message from the request body (null: the code's usual message).</summary>
    public Func<string, string>? Message { get; init; }

    /// <summary>The Content-Type of <see cref="Body"/>.</summary>
    public string? ContentType { get; } = contentType;

    /// <summary>The answer's body as sent, instead of a Status; null for a Status.</summary>
    public string? Body { get; } = body;
}
