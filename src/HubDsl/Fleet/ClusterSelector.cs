using System.Collections.Generic;

namespace HubDsl;

/// <summary>
/// A Kubernetes label selector over cluster Secrets (<c>matchLabels</c> and <c>matchExpressions</c>,
/// ANDed). Any requirement drops Argo CD's secret-less in-cluster pseudo-cluster; <see cref="All"/> keeps it.
/// </summary>
public sealed class ClusterSelector
{
    /// <summary><c>matchLabels</c>: every pair must be present on the cluster.</summary>
    public Dictionary<string, string> MatchLabels { get; } = new Dictionary<string, string>();

    /// <summary><c>matchExpressions</c>.</summary>
    public List<LabelExpression> MatchExpressions { get; } = new List<LabelExpression>();

    /// <summary>The empty selector: every registered cluster, including the in-cluster pseudo-cluster.</summary>
    public static ClusterSelector All => new ClusterSelector();

    /// <summary>A selector requiring every given label.</summary>
    public static ClusterSelector WithLabels(params (string Key, string Value)[] labels)
    {
        var selector = new ClusterSelector();
        foreach (var (key, value) in labels)
        {
            selector.MatchLabels[key] = value;
        }

        return selector;
    }

    /// <summary>A selector made of label expressions.</summary>
    public static ClusterSelector Where(params LabelExpression[] expressions)
    {
        var selector = new ClusterSelector();
        selector.MatchExpressions.AddRange(expressions);
        return selector;
    }
}
