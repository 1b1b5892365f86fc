using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using k8s.Autorest;

namespace HubDsl.Cli.Runtime;

/// <summary>
/// Bounded retries with exponential backoff (and jitter) for transient API errors: 409 Conflict (not
/// AlreadyExists, not a server-side apply field conflict), 429 (honouring Retry-After), 500/502/503/504, request timeouts and dropped connections.
/// Every attempt re-runs the whole operation, so a read-modify-write re-reads after a conflict. With a
/// <see cref="Deadline"/>, attempts and the waits between them stop when it passes.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Five attempts, 200 ms doubling to at most 3 s.</summary>
    public static RetryPolicy Default { get; } = new(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(3));

    /// <summary>No retries.</summary>
    public static RetryPolicy None { get; } = new(1, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Creates a policy.</summary>
    public RetryPolicy(int maxAttempts, TimeSpan initialDelay, TimeSpan maxDelay, CommandDeadline? deadline = null)
    {
        if (maxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(maxAttempts));
        MaxAttempts = maxAttempts;
        InitialDelay = initialDelay;
        MaxDelay = maxDelay;
        Deadline = deadline;
    }

    /// <summary>The command's deadline, if any: no attempt or wait outlives it.</summary>
    public CommandDeadline? Deadline { get; }

    /// <summary>The same policy under <paramref name="deadline"/>.</summary>
    public RetryPolicy Within(CommandDeadline deadline) => new(MaxAttempts, InitialDelay, MaxDelay, deadline);

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; }

    /// <summary>The wait before the second attempt; it doubles each time.</summary>
    public TimeSpan InitialDelay { get; }

    /// <summary>The longest wait between attempts (Retry-After included).</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>
    /// Runs <paramref name="operation"/>, retrying transient failures; the last failure is rethrown. When the
    /// <see cref="Deadline"/> passes first, a <see cref="DeadlineExceededException"/> naming
    /// <paramref name="activity"/> (the server and the call) is thrown instead.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellation, string? activity = null)
    {
        if (Deadline is null) return await RetryAsync(operation, cancellation).ConfigureAwait(false);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, Deadline.Token);
        try
        {
            return await RetryAsync(operation, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (Deadline.HasPassed && !cancellation.IsCancellationRequested && e is not DeadlineExceededException)
        {
            throw new DeadlineExceededException(Deadline, activity ?? KubeErrors.Request(e), e);
        }
    }

    /// <summary>Runs an operation without a result.</summary>
    public Task ExecuteAsync(Func<CancellationToken, Task> operation, CancellationToken cancellation, string? activity = null) =>
        ExecuteAsync<bool>(
            async ct =>
            {
                await operation(ct).ConfigureAwait(false);
                return true;
            },
            cancellation,
            activity);

    /// <summary>The wait before attempt <paramref name="attempt"/> (2 or more).</summary>
    public TimeSpan DelayBefore(int attempt, Exception? failure)
    {
        if (failure is HttpOperationException http && RetryAfter(http) is { } hinted) return hinted > MaxDelay ? MaxDelay : hinted;
        var exponential = InitialDelay.TotalMilliseconds * Math.Pow(2, attempt - 2);
        var jittered = exponential * (0.8 + (Random.Shared.NextDouble() * 0.4));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, MaxDelay.TotalMilliseconds));
    }

    /// <summary>Whether retrying can help: the server said "later" or the request never got an answer.</summary>
    public static bool IsTransient(Exception e, CancellationToken cancellation = default)
    {
        if (cancellation.IsCancellationRequested) return false;
        switch (e)
        {
            case HttpOperationException http:
                var code = (int)http.Response.StatusCode;
                if (code == 409) return KubeErrors.Reason(http) != "AlreadyExists" && KubeErrors.ApplyConflicts(http).Count == 0; // an apply conflict stays one
                return code is 429 or 500 or 502 or 503 or 504;
            case TaskCanceledException or TimeoutException:
                return true; // HttpClient's own timeout, not the caller's cancellation (checked above)
            case HttpRequestException request:
                // A dropped or reset connection may succeed again; refused connections and TLS trust failures will not.
                return request.InnerException is not AuthenticationException
                    && !(request.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound });
            case IOException:
                return true;
            default:
                return false;
        }
    }

    private async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation(cancellation).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsTransient(e, cancellation))
            {
                await Task.Delay(DelayBefore(attempt + 1, e), cancellation).ConfigureAwait(false);
            }
        }
    }

    private static TimeSpan? RetryAfter(HttpOperationException e)
    {
        if (e.Response?.Headers is null) return null;
        foreach (var header in e.Response.Headers)
        {
            if (!string.Equals(header.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)) continue;
            var value = header.Value.FirstOrDefault();
            if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0) return TimeSpan.FromSeconds(seconds);
        }

        return null;
    }
}
