using System.Collections.Generic;

namespace HubDsl;

/// <summary>A Helm chart in a Git repository (<c>spec.source</c> with <c>helm</c>).</summary>
/// <param name="RepoUrl">The Git repository URL.</param>
/// <param name="Path">The chart's folder in the repository; values files are written there.</param>
/// <param name="TargetRevision">Branch, tag or commit.</param>
public sealed record HelmSource(string RepoUrl, string Path, string TargetRevision = "HEAD")
{
    /// <summary>The Helm release name (default: the Application name).</summary>
    public string? ReleaseName { get; init; }

    /// <summary>
    /// Values files, relative to <see cref="Path"/>, merged in order; e.g.
    /// <c>["values.yaml", $"values-{Param.Label("env")}.yaml"]</c>.
    /// </summary>
    public IReadOnlyList<string> ValueFiles { get; init; } = new string[0];

    /// <summary>Inline values (<c>helm.values</c>); applied after all value files. Values may use <see cref="Param"/>.</summary>
    public Dictionary<string, object> Values { get; } = new Dictionary<string, object>();

    /// <summary>Do not fail when a value file is missing. All-or-nothing in Argo CD; HubDsl checks files instead.</summary>
    public bool IgnoreMissingValueFiles { get; init; }
}
