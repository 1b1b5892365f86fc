using System.Collections.Generic;

namespace HubDsl.Core.Model;

/// <summary>A Kubernetes label selector: matchLabels and matchExpressions, ANDed.</summary>
public sealed record LabelSelectorModel(EquatableArray<StringPair> MatchLabels, EquatableArray<LabelRequirementModel> MatchExpressions)
{
    /// <summary>The empty selector (matches everything, keeps the in-cluster pseudo-cluster).</summary>
    public static LabelSelectorModel Empty { get; } = new(EquatableArray<StringPair>.Empty, EquatableArray<LabelRequirementModel>.Empty);

    /// <summary>Whether the selector has no requirement at all.</summary>
    public bool IsEmpty => MatchLabels.Count == 0 && MatchExpressions.Count == 0;

    /// <summary>Whether a label set satisfies every requirement.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var pair in MatchLabels)
        {
            if (!labels.TryGetValue(pair.Key, out var value) || value != pair.Value) return false;
        }

        foreach (var requirement in MatchExpressions)
        {
            if (!requirement.Matches(labels)) return false;
        }

        return true;
    }
}

/// <summary>One matchExpressions entry.</summary>
public sealed record LabelRequirementModel(string Key, string Operator, EquatableArray<string> Values)
{
    /// <summary>Kubernetes semantics: NotIn and DoesNotExist match a missing label.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(Key, out var value);
        switch (Operator)
        {
            case "In": return present && Contains(value!);
            case "NotIn": return !present || !Contains(value!);
            case "Exists": return present;
            case "DoesNotExist": return !present;
            default: return false;
        }
    }

    private bool Contains(string value)
    {
        foreach (var candidate in Values)
        {
            if (candidate == value) return true;
        }

        return false;
    }
}
