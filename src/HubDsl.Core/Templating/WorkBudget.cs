using System;
using System.Collections;
using System.Globalization;

namespace HubDsl.Core.Templating;

/// <summary>
/// How much work rendering may do: steps (a template node walked, a function called, one item of data a
/// function reads, copies or builds, 16 characters of a string it builds) and output characters. Go's
/// text/template and Argo CD have no such limit, so <c>{{ range until 1000000 }}{{ range until 1000000 }}</c>
/// would keep Argo CD's controller (and HubDsl) busy for hours; HubDsl stops at the budget with
/// <see cref="WorkLimitExceededException"/>. One budget can span many executions (a whole ApplicationSet
/// render), so the total is bounded, not only each string.
/// </summary>
public sealed class WorkBudget
{
    /// <summary>Steps when a template runs without a budget of its own (about a second of work).</summary>
    public const long DefaultMaxSteps = 10_000_000;

    /// <summary>Output characters when a template runs without a budget of its own.</summary>
    public const long DefaultMaxOutputCharacters = 16 * 1024 * 1024;

    // The budget of the execution running on this thread, for the functions that walk data deeply (toJson,
    // deepCopy, merge, ...): they are called from many places and must stop mid-walk on a huge shared value.
    [ThreadStatic]
    private static WorkBudget? _current;

    /// <summary>Creates a budget.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive.</exception>
    public WorkBudget(long maxSteps, long maxOutputCharacters)
    {
        if (maxSteps <= 0) throw new ArgumentOutOfRangeException(nameof(maxSteps), "the step limit must be positive");
        if (maxOutputCharacters <= 0) throw new ArgumentOutOfRangeException(nameof(maxOutputCharacters), "the output limit must be positive");
        MaxSteps = maxSteps;
        MaxOutputCharacters = maxOutputCharacters;
    }

    /// <summary>The step limit.</summary>
    public long MaxSteps { get; }

    /// <summary>The output limit, in characters.</summary>
    public long MaxOutputCharacters { get; }

    /// <summary>Steps spent so far.</summary>
    public long Steps { get; private set; }

    /// <summary>Output characters produced so far.</summary>
    public long OutputCharacters { get; private set; }

    /// <summary>Output characters still allowed.</summary>
    public long RemainingOutput => MaxOutputCharacters - OutputCharacters;

    /// <summary>Spends steps.</summary>
    /// <exception cref="WorkLimitExceededException">More than <see cref="MaxSteps"/> in total.</exception>
    public void Spend(long steps)
    {
        Steps += steps;
        if (Steps > MaxSteps) throw new WorkLimitExceededException(WorkLimit.Steps, MaxSteps);
    }

    /// <summary>Counts produced output.</summary>
    /// <exception cref="WorkLimitExceededException">More than <see cref="MaxOutputCharacters"/> in total.</exception>
    public void Produce(long characters)
    {
        OutputCharacters += characters;
        if (OutputCharacters > MaxOutputCharacters) throw new WorkLimitExceededException(WorkLimit.Output, MaxOutputCharacters);
    }

    /// <summary>The steps a value costs to read, copy or build: its items, or a step per 16 characters.</summary>
    internal static long Weight(object? value) => value switch
    {
        string s => s.Length / 16,
        ICollection c => c.Count,
        System.Collections.Generic.IReadOnlyCollection<System.Collections.Generic.KeyValuePair<string, object?>> m => m.Count,
        System.Collections.Generic.IReadOnlyCollection<System.Collections.Generic.KeyValuePair<string, string>> m => m.Count,
        System.Collections.Generic.IReadOnlyCollection<object?> l => l.Count,
        _ => 0,
    };

    /// <summary>One step of the budget running on this thread (deep walks over data call it per item).</summary>
    internal static void Tick()
    {
        _current?.Spend(1);
    }

    /// <summary>Steps of the budget running on this thread, for a function whose one call is costly (derivePassword's scrypt).</summary>
    internal static void SpendOnCurrent(long steps)
    {
        _current?.Spend(steps);
    }

    /// <summary>Makes this the budget of the current thread until the returned scope ends.</summary>
    internal Scope Enter() => new(this);

    internal readonly struct Scope : IDisposable
    {
        private readonly WorkBudget? _previous;

        public Scope(WorkBudget budget)
        {
            _previous = _current;
            _current = budget;
        }

        public void Dispose() => _current = _previous;
    }

    internal static string Describe(WorkLimit limit, long maximum) => limit == WorkLimit.Steps
        ? maximum.ToString("N0", CultureInfo.InvariantCulture) + " template steps"
        : maximum.ToString("N0", CultureInfo.InvariantCulture) + " characters of output";
}
