using System.Globalization;

namespace HubDsl.Cli.Runtime;

/// <summary>
/// The time a whole command may take (<c>--timeout</c>). Every API call, retry and wait of the command runs
/// under it (through <see cref="RetryPolicy.Deadline"/>); when it passes, the call in flight fails with a
/// <see cref="DeadlineExceededException"/> that names the server and what was asked of it.
/// </summary>
public sealed class CommandDeadline
{
    private volatile CancellationTokenSource _source;

    /// <summary>Starts the clock.</summary>
    public CommandDeadline(TimeSpan limit, string option = "--timeout")
    {
        Limit = limit;
        Option = option;
        _source = new CancellationTokenSource(limit);
    }

    /// <summary>How long the command may take.</summary>
    public TimeSpan Limit { get; }

    /// <summary>The option that set it, for messages.</summary>
    public string Option { get; }

    /// <summary>Cancelled when the deadline passes.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Whether the deadline has passed.</summary>
    public bool HasPassed => _source.IsCancellationRequested;

    /// <summary>"2 s"-style text of the limit.</summary>
    public string LimitText => Limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    /// <summary>
    /// Starts the clock again with the whole limit (each refresh of <c>status --watch</c> is one command's worth
    /// of work). Only between units of work: calls still running keep the old clock.
    /// </summary>
    public void Restart() => _source = new CancellationTokenSource(Limit);
}

/// <summary>The command's <see cref="CommandDeadline"/> passed while a call was waiting.</summary>
public sealed class DeadlineExceededException : Exception
{
    /// <summary>Creates the exception for the call described by <paramref name="activity"/> (server and what).</summary>
    public DeadlineExceededException(CommandDeadline deadline, string? activity, Exception? inner = null)
        : base("gave up after " + deadline.LimitText + " (" + deadline.Option + ") waiting for " + (activity ?? "the API server") + "; raise " + deadline.Option + ", or check that the server is up and reachable", inner)
    {
        Activity = activity;
    }

    /// <summary>The server and call that was waiting, if known.</summary>
    public string? Activity { get; }
}
