using System;

namespace HubDsl.Tests.Shared;

/// <summary>A property failed on a reproducible case; the message holds its seed and how to replay it.</summary>
internal sealed class PropertyFailedException : Exception
{
    public PropertyFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
