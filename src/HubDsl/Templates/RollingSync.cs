using System.Collections.Generic;

namespace HubDsl;

/// <summary>
/// A progressive rollout (<c>strategy.type: RollingSync</c>): generated Applications sync step by step, each
/// step selecting Applications by their labels (<see cref="ApplicationTemplate.Labels"/>). Needs progressive
/// syncs enabled on the ApplicationSet controller, and turns automated sync off on the Applications.
/// </summary>
public sealed class RollingSync
{
    /// <param name="steps">The steps, in order.</param>
    public RollingSync(params RollingSyncStep[] steps) => Steps = steps;

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<RollingSyncStep> Steps { get; }
}

/// <summary>One RollingSync step: the Applications whose labels match every expression (only In and NotIn).</summary>
public sealed class RollingSyncStep
{
    /// <param name="matchExpressions">Label expressions over the generated Applications' labels.</param>
    public RollingSyncStep(params LabelExpression[] matchExpressions) => MatchExpressions = matchExpressions;

    /// <summary>Label expressions over the generated Applications' labels.</summary>
    public IReadOnlyList<LabelExpression> MatchExpressions { get; }

    /// <summary>How many of the step's Applications may sync at once: a number or a percentage such as <c>"25%"</c>.</summary>
    public string? MaxUpdate { get; init; }
}
