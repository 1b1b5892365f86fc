using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HubDsl.KubeEmulator;

/// <summary>
/// Watch streams (?watch=true): newline-delimited {"type","object"} events. Without a resourceVersion the
/// stream starts with ADDED for every current object; with one, it replays recent history after it.
/// </summary>
public sealed class WatchHub : IDisposable
{
    private const int HistoryLimit = 2000;

    private readonly ResourceOperations operations;
    private readonly Lock gate = new();
    private readonly LinkedList<StoreChange> history = new();
    private readonly List<Channel<StoreChange>> subscribers = [];
    private readonly CancellationTokenSource stopping = new();

    private readonly FaultInjector faults;

    public WatchHub(ResourceOperations operations, FaultInjector faults)
    {
        this.operations = operations;
        this.faults = faults;
        operations.Changed += OnChanged;
    }

    public void Dispose()
    {
        operations.Changed -= OnChanged;
        stopping.Cancel();
        lock (gate)
        {
            foreach (var subscriber in subscribers)
            {
                subscriber.Writer.TryComplete();
            }
        }

        // Not disposed: streams still ending may link to its token; cancellation is all that matters.
    }

    public async Task ServeAsync(HttpContext context, ApiRoute route, IQueryCollection query)
    {
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"], route.Kind);
        var fromVersion = query["resourceVersion"].ToString();
        var timeout = int.TryParse(query["timeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromMinutes(30);

        var channel = Channel.CreateUnbounded<StoreChange>();
        var initial = new List<StoreChange>();
        long since;
        lock (gate)
        {
            subscribers.Add(channel);
            if (fromVersion is "" or "0")
            {
                var list = operations.List(route.Kind, route.Namespace, null, null, null, null);
                since = long.Parse(list["metadata"]!["resourceVersion"]!.GetValue<string>(), CultureInfo.InvariantCulture);
                initial.AddRange(list["items"]!.AsArray().OfType<JsonObject>().Select(o => new StoreChange(StoreChange.Added, route.Kind, o)));
            }
            else
            {
                since = long.TryParse(fromVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw ApiStatus.BadRequest($"invalid resourceVersion \"{fromVersion}\"");
                initial.AddRange(history.Where(c => VersionOf(c) > since));
            }
        }

        try
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.StartAsync(context.RequestAborted).ConfigureAwait(false);

            // Clients wait for the headers before they consider the watch established.
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            var refused = faults.RefusalToken;
            using var cutOff = refused.Register(context.Abort);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token, refused);
            deadline.CancelAfter(timeout);
            foreach (var change in initial)
            {
                since = Math.Max(since, VersionOf(change));
                await SendIfMatchingAsync(context, route, labels, fields, change, deadline.Token).ConfigureAwait(false);
            }

            await foreach (var change in channel.Reader.ReadAllAsync(deadline.Token).ConfigureAwait(false))
            {
                if (VersionOf(change) > since)
                {
                    await SendIfMatchingAsync(context, route, labels, fields, change, deadline.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Timeout, client gone, or cluster stopping: the stream simply ends.
        }
        finally
        {
            lock (gate)
            {
                subscribers.Remove(channel);
            }
        }
    }

    private static async Task SendIfMatchingAsync(HttpContext context, ApiRoute route, LabelSelector labels, FieldSelector fields, StoreChange change, CancellationToken cancellation)
    {
        if (change.Kind != route.Kind
            || (route.Namespace is not null && change.Object["metadata"]?["namespace"]?.GetValue<string>() != route.Namespace)
            || !labels.Matches(change.Object)
            || !fields.Matches(change.Object))
        {
            return;
        }

        var line = new JsonObject { ["type"] = change.Type, ["object"] = change.Object.DeepClone() }.ToJsonString() + "\n";
        await context.Response.WriteAsync(line, cancellation).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(cancellation).ConfigureAwait(false);
    }

    private void OnChanged(StoreChange change)
    {
        lock (gate)
        {
            history.AddLast(change);
            if (history.Count > HistoryLimit)
            {
                history.RemoveFirst();
            }

            foreach (var subscriber in subscribers)
            {
                subscriber.Writer.TryWrite(change);
            }
        }
    }

    private static long VersionOf(StoreChange change) =>
        long.TryParse(change.Object["metadata"]?["resourceVersion"]?.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
