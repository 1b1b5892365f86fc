using System;

namespace HubDsl.KubeEmulator;

/// <summary>One request as the emulator saw it. <see cref="User"/> is null when authentication failed.</summary>
public sealed record RequestLogEntry(DateTimeOffset Timestamp, string Method, string Path, string Query, string? User)
{
    /// <summary>The HTTP status sent back; 0 while the request is still in flight or if the connection was aborted.</summary>
    public int StatusCode { get; internal set; }

    /// <summary>The request's Content-Type (tells apply from merge patch, for example).</summary>
    public string? ContentType { get; init; }

    /// <summary>The request body as sent (null when empty), e.g. to assert on an apply configuration.</summary>
    public string? Body { get; init; }

    /// <summary>The authenticated user; set once authentication has run.</summary>
    public string? User { get; internal set; } = User;
}
