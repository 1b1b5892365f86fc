using System;
using System.Collections.Generic;
using System.Threading;

namespace HubDsl.KubeEmulator;

/// <summary>
/// Runtime-switchable faults for resilience tests: per-request latency (a large one is a hung server), the next N
/// requests failing with a status or answered with a given body, and refusing connections. All members are thread-safe and take effect on the next request.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<InjectedFailure> _failures = [];
    private long _latencyTicks;
    private int _refusing;

    /// <summary>Delay added before every request is handled.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>When set, <see cref="Latency"/> delays only the requests it accepts (e.g. writes, to hold one in flight).</summary>
    public Func<RequestLogEntry, bool>? LatencyMatches { get; set; }

    /// <summary>True while new connections are reset and requests on kept-alive connections are aborted.</summary>
    public bool IsRefusingConnections => Volatile.Read(ref _refusing) == 1;

    /// <summary>
    /// Fails the next <paramref name="count"/> requests (optionally only those <paramref name="matches"/> accepts)
    /// with <paramref name="statusCode"/> and a matching Status body; <paramref name="retryAfter"/> adds Retry-After.
    /// <paramref name="message"/> makes the Status message from the request body, as an admission webhook or a proxy
    /// that echoes what it was sent. Queued failures are consumed in order.
    /// </summary>
    public InjectedFailure FailNext(int count, int statusCode, TimeSpan? retryAfter = null, Func<RequestLogEntry, bool>? matches = null, Func<string, string>? message = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var failure = new InjectedFailure(count, statusCode, retryAfter, matches) { Message = message };
        lock (_gate)
        {
            _failures.Add(failure);
        }

        return failure;
    }

    /// <summary>
    /// Answers the next <paramref name="count"/> requests (optionally only those <paramref name="matches"/> accepts)
    /// with exactly <paramref name="body"/> as <paramref name="contentType"/> and <paramref name="statusCode"/>,
    /// e.g. a login proxy's HTML page with 200, or a list no real store would build.
    /// </summary>
    public InjectedFailure AnswerNext(int count, int statusCode, string contentType, string body, Func<RequestLogEntry, bool>? matches = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentNullException.ThrowIfNull(body);
        var answer = new InjectedFailure(count, statusCode, null, matches, contentType, body);
        lock (_gate)
        {
            _failures.Add(answer);
        }

        return answer;
    }

    /// <summary>Resets every new connection before TLS and aborts requests on kept-alive connections, until <see cref="AcceptConnections"/>.</summary>
    public void RefuseConnections() => Volatile.Write(ref _refusing, 1);

    public void AcceptConnections() => Volatile.Write(ref _refusing, 0);

    /// <summary>Clears latency, queued failures and connection refusal.</summary>
    public void Reset()
    {
        Latency = TimeSpan.Zero;
        LatencyMatches = null;
        AcceptConnections();
        lock (_gate)
        {
            _failures.Clear();
        }
    }

    /// <summary>Consumes one queued failure that applies to this request, if any.</summary>
    internal InjectedFailure? TakeFailure(RequestLogEntry request)
    {
        lock (_gate)
        {
            foreach (var failure in _failures)
            {
                if (failure.Remaining > 0 && (failure.Matches is null || failure.Matches(request)))
                {
                    failure.Remaining--;
                    if (failure.Remaining == 0)
                    {
                        _failures.Remove(failure);
                    }

                    return failure;
                }
            }

            return null;
        }
    }
}
