using System;

namespace HubDsl.Core.Templating;

/// <summary>A <see cref="WorkBudget"/> ran out: the template (or render) would do more work than HubDsl allows.</summary>
public sealed class WorkLimitExceededException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkLimitExceededException(WorkLimit limit, long maximum)
        : base("more than HubDsl's limit of " + WorkBudget.Describe(limit, maximum))
    {
        Limit = limit;
        Maximum = maximum;
    }

    /// <summary>The limit that ran out.</summary>
    public WorkLimit Limit { get; }

    /// <summary>Its value.</summary>
    public long Maximum { get; }

    /// <summary>Where a template was when the budget ran out ("base:1:12 at &lt;until 1000000&gt;"), when it was a template.</summary>
    public string? Location { get; set; }
}
