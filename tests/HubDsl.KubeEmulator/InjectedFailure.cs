using System;

namespace HubDsl.KubeEmulator;

/// <summary>A queued failure: the next <see cref="Remaining"/> matching requests get <see cref="StatusCode"/>.</summary>
public sealed class InjectedFailure(int count, int statusCode, TimeSpan? retryAfter, Func<RequestLogEntry, bool>? matches)
{
    public int Remaining { get; internal set; } = count;

    public int StatusCode { get; } = statusCode;

    /// <summary>Sent as the Retry-After header (whole seconds) and Status details.retryAfterSeconds.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public Func<RequestLogEntry, bool>? Matches { get; } = matches;

    /// <summary>Builds the Status message from the request body (null: the code's usual message).</summary>
    public Func<string, string>? Message { get; init; }
}
