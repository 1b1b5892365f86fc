namespace HubDsl.Cli.Runtime.Registration;

/// <summary>A registration that stopped part-way; <see cref="Created"/> lists what it had created (a re-run reuses it).</summary>
public sealed class ClusterRegistrationException : Exception
{
    /// <summary>Creates the exception from the run's progress.</summary>
    public ClusterRegistrationException(string message, RegistrationProgress progress, bool userError, bool cancelled = false)
        : base(message)
    {
        Progress = progress;
        IsUserError = userError;
        IsCancelled = cancelled;
    }

    /// <summary>How far the run got.</summary>
    public RegistrationProgress Progress { get; }

    /// <summary>Every object handled before the failure.</summary>
    public IReadOnlyList<ObjectResult> Done => Progress.Done;

    /// <summary>Objects this run created before failing.</summary>
    public IReadOnlyList<string> Created => Done.Where(d => d.Outcome == ObjectOutcome.Created).Select(d => d.Object).ToList();

    /// <summary>Whether the cause is the user's input (an existing Secret without --upsert) rather than a failure.</summary>
    public bool IsUserError { get; }

    /// <summary>Whether the run was cancelled (Ctrl+C).</summary>
    public bool IsCancelled { get; }
}
