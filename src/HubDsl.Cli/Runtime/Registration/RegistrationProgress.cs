namespace HubDsl.Cli.Runtime.Registration;

/// <summary>How far a registration got: what it did, and what it was doing when it stopped.</summary>
public sealed class RegistrationProgress
{
    private readonly List<ObjectResult> _done = new();
    private readonly List<SpokeObject> _created = new();
    private readonly Action<string>? _onStep;

    /// <summary>Creates an empty record; <paramref name="onStep"/> hears each step as it begins (a terminal's status line).</summary>
    public RegistrationProgress(Action<string>? onStep = null) => _onStep = onStep;

    /// <summary>Every object handled, in order.</summary>
    public IReadOnlyList<ObjectResult> Done => _done;

    /// <summary>The spoke objects this run created, in order.</summary>
    public IReadOnlyList<SpokeObject> CreatedOnSpoke => _created;

    /// <summary>A spoke object that did not exist and whose create request was under way (it may exist now).</summary>
    public SpokeObject? PendingCreate { get; internal set; }

    /// <summary>The step under way, in words.</summary>
    public string? Step { get; internal set; }

    /// <summary>Whether the hub had no cluster Secret for the server when this run began.</summary>
    public bool HubSecretWasAbsent { get; internal set; }

    /// <summary>Whether the hub Secret's write was under way (it may or may not have been written).</summary>
    public bool HubSecretPending { get; internal set; }

    /// <summary>The hub Secret's name.</summary>
    public string? HubSecretName { get; internal set; }

    /// <summary>Records the step now under way.</summary>
    internal void Begin(string step)
    {
        Step = step;
        _onStep?.Invoke(step);
    }

    /// <summary>Records one object handled; a spoke object created is remembered for a rollback.</summary>
    internal void Add(ObjectResult result, SpokeObject? item = null)
    {
        _done.Add(result);
        if (item is not null && result.Outcome == ObjectOutcome.Created) _created.Add(item);
        PendingCreate = null;
    }
}
