namespace HubDsl.Core.Model;

/// <summary>A Kubernetes label selector: matchLabels and matchExpressions, ANDed. Matching is the renderer's (ClusterTargeting).</summary>
public sealed record LabelSelectorModel(EquatableArray<StringPair> MatchLabels, EquatableArray<LabelRequirementModel> MatchExpressions)
{
    /// <summary>The empty selector (matches everything, keeps the in-cluster pseudo-cluster).</summary>
    public static LabelSelectorModel Empty { get; } = new(EquatableArray<StringPair>.Empty, EquatableArray<LabelRequirementModel>.Empty);

    /// <summary>Whether the selector has no requirement at all.</summary>
    public bool IsEmpty => MatchLabels.Count == 0 && MatchExpressions.Count == 0;

}

/// <summary>One matchExpressions entry.</summary>
public sealed record LabelRequirementModel(string Key, string Operator, EquatableArray<string> Values);
