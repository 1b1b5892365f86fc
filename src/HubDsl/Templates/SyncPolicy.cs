using System.Collections.Generic;

namespace HubDsl;

/// <summary><c>spec.syncPolicy</c> of the generated Applications.</summary>
public sealed class SyncPolicy
{
    /// <summary>Automated sync; null for manual sync.</summary>
    public AutomatedSync? Automated { get; init; }

    /// <summary>Sync options such as <c>CreateNamespace=true</c>.</summary>
    public IReadOnlyList<string> SyncOptions { get; init; } = new string[0];

    /// <summary>Retry of failed syncs.</summary>
    public RetryPolicy? Retry { get; init; }
}

/// <summary><c>syncPolicy.automated</c>.</summary>
/// <param name="Prune">Delete resources removed from Git.</param>
/// <param name="SelfHeal">Revert changes made on the cluster.</param>
/// <param name="AllowEmpty">Allow a sync that renders nothing (with prune this deletes everything).</param>
public sealed record AutomatedSync(bool Prune = false, bool SelfHeal = false, bool AllowEmpty = false);

/// <summary><c>syncPolicy.retry</c>.</summary>
/// <param name="Limit">Maximum retries; 0 none, negative unlimited.</param>
/// <param name="Backoff">Wait between retries.</param>
public sealed record RetryPolicy(int Limit, Backoff? Backoff = null);

/// <summary><c>syncPolicy.retry.backoff</c>: wait n = duration × factor^n, capped at maxDuration.</summary>
/// <param name="Duration">First wait, a Go duration such as <c>5s</c>.</param>
/// <param name="Factor">Multiplier per retry.</param>
/// <param name="MaxDuration">Cap, a Go duration such as <c>3m</c>.</param>
public sealed record Backoff(string Duration = "5s", int Factor = 2, string MaxDuration = "3m");

/// <summary>Well-known finalizers.</summary>
public static class Finalizers
{
    /// <summary>Deleting the Application deletes its resources (cascade).</summary>
    public const string ResourcesFinalizer = "resources-finalizer.argocd.argoproj.io";
}
