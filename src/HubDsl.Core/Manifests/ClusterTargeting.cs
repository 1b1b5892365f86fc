using System;
using System.Collections.Generic;
using HubDsl.Core.Model;
using HubDsl.Core.Rendering;

namespace HubDsl.Core.Manifests;

/// <summary>
/// Which declared clusters an ApplicationSet's selector targets, decided by the renderer's own selector (with the
/// implicit <c>argocd.argoproj.io/secret-type=cluster</c> requirement) on the labels of the Secret the build writes:
/// the rules, the spoke RBAC and the AppProject select clusters exactly as the Cluster generator will.
/// </summary>
public static class ClusterTargeting
{
    private static readonly Dictionary<string, string> SecretType = new(StringComparer.Ordinal) { [ClusterInfo.SecretTypeLabel] = "cluster" };

    /// <summary>
    /// A predicate for the selector, parsed once. An invalid selector targets nothing (Argo CD's generator fails).
    /// <paramref name="fleetId"/> is the project's fleet, whose label the build puts on every cluster Secret.
    /// </summary>
    public static Func<ClusterModel, bool> For(LabelSelectorModel selector, string? fleetId = null)
    {
        var parsed = LabelSelector.TryParse(selector.ToYaml(), validateValues: false, out _, SecretType);
        return cluster => parsed is not null && parsed.Matches(SecretLabels(cluster, fleetId));
    }

    /// <summary>The labels of the cluster's Secret as the build writes it (<see cref="ClusterSecretManifest.Labels"/>).</summary>
    public static Dictionary<string, string> SecretLabels(ClusterModel cluster, string? fleetId = null)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in ClusterSecretManifest.Labels(cluster, fleetId)) labels[label.Key] = label.Value.AsString() ?? string.Empty;
        return labels;
    }
}
