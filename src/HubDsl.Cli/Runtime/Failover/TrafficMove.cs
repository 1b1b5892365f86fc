using System.Text.Json.Nodes;
using HubDsl.Cli.Runtime.Registration;

namespace HubDsl.Cli.Runtime.Failover;

/// <summary>
/// Application-level failover: the traffic label (e.g. <c>traffic=active</c>) moves from one cluster Secret to another
/// on the hub, so ApplicationSets that select on it generate the public endpoint's Applications on the new cluster.
/// The standby gets the label first and only then does the primary lose it: during the move both carry it, never
/// neither. Each step is a JSON merge patch of labels only, as <c>cluster set</c> makes (credentials are not touched).
/// </summary>
public sealed class TrafficMove
{
    private TrafficMove(RegisteredCluster from, RegisteredCluster to, string key, string value)
    {
        From = from;
        To = to;
        Key = key;
        Value = value;
    }

    /// <summary>The cluster that loses the label (the primary, for a failover).</summary>
    public RegisteredCluster From { get; }

    /// <summary>The cluster that gets the label (the standby).</summary>
    public RegisteredCluster To { get; }

    /// <summary>The label key.</summary>
    public string Key { get; }

    /// <summary>The label value.</summary>
    public string Value { get; }

    /// <summary>Whether the standby still needs the label.</summary>
    public bool AddsToStandby => !(To.Info.Labels.TryGetValue(Key, out var current) && current == Value);

    /// <summary>Whether the primary still carries the label (with this value: another value is not traffic and is left alone).</summary>
    public bool RemovesFromPrimary => From.Info.Labels.TryGetValue(Key, out var current) && current == Value;

    /// <summary>Whether there is nothing to do: the move is done.</summary>
    public bool IsDone => !AddsToStandby && !RemovesFromPrimary;

    /// <summary>The label as <c>key=value</c>.</summary>
    public string Label => Key + "=" + Value;

    /// <summary>The move of the label between the two clusters, as their Secrets are now.</summary>
    public static TrafficMove Plan(RegisteredCluster from, RegisteredCluster to, string key, string value) => new(from, to, key, value);

    /// <summary>What the move changes, one line per cluster, in the order it changes them.</summary>
    public IEnumerable<string> Changes(bool done)
    {
        if (AddsToStandby) yield return "cluster '" + To.Name + "': " + Label + (done ? " added" : " would be added") + (To.Info.Labels.TryGetValue(Key, out var old) ? " (was " + Key + "=" + old + ")" : string.Empty);
        if (RemovesFromPrimary) yield return "cluster '" + From.Name + "': " + Label + (done ? " removed" : " would be removed");
    }

    /// <summary>Applies the move: label the standby, then unlabel the primary. Throws <see cref="TrafficMoveException"/> saying what was done when a step fails.</summary>
    public async Task ApplyAsync(HubClient hub, CancellationToken cancellation)
    {
        if (AddsToStandby)
        {
            try
            {
                await PatchAsync(hub, To, Value, cancellation).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new TrafficMoveException("labelling '" + To.Name + "' with " + Label + " failed, nothing was changed: " + KubeErrors.Describe(e), halfDone: false);
            }
        }

        if (RemovesFromPrimary)
        {
            try
            {
                await PatchAsync(hub, From, null, cancellation).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new TrafficMoveException(
                    "'" + To.Name + "' now carries " + Label + ", but removing it from '" + From.Name + "' failed: " + KubeErrors.Describe(e) + ". Both clusters carry it now; re-run the same command to finish the move.",
                    halfDone: true);
            }
        }
    }

    private Task PatchAsync(HubClient hub, RegisteredCluster cluster, string? value, CancellationToken cancellation) =>
        hub.Objects.MergePatchAsync(ResourceType.Secret, hub.ArgoCdNamespace, cluster.SecretName,
            new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { [Key] = value } } }, ClusterFieldManager.Name, cancellation);
}

/// <summary>A traffic move that failed, saying whether it is half done (the standby labelled, the primary still labelled).</summary>
public sealed class TrafficMoveException(string message, bool halfDone) : Exception(message)
{
    /// <summary>Whether the standby got the label but the primary kept it.</summary>
    public bool HalfDone { get; } = halfDone;
}
