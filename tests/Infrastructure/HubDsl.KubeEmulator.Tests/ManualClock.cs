using System;

namespace HubDsl.KubeEmulator.Tests;

/// <summary>A clock tests move by hand, for expiry and timestamps.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
