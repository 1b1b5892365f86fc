using System.CommandLine;
using HubDsl.Cli.CommandLine;
using HubDsl.Cli.Output;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Runtime.Failover;
using HubDsl.Cli.Terminal;
using Spectre.Console;

namespace HubDsl.Cli.Commands;

/// <summary>
/// <c>hubdsl status</c>: every cluster's connection (probed concurrently) and every Application's sync and health.
/// Exit 0 when all clusters are reachable, all Applications Synced and Healthy and every object readable, else 1.
/// The JSON is for automation such as DNS failover.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(RuntimeConsole console)
    {
        var common = new CommonOptions();
        var format = ReportOptions.Format();
        var watch = new Option<bool>("--watch", "-w") { Description = "Refresh until interrupted (Ctrl+C), through hub outages; with -o json, one compact JSON document per line." };
        var interval = new Option<double>("--interval") { Description = "Seconds between refreshes with --watch.", DefaultValueFactory = _ => 5 };
        var probeTimeout = ReportOptions.ProbeTimeout();
        var forFailover = new Option<string?>("--for") { Description = "Report only this declared Failover's pair (its name): both clusters, their Applications and which carries the traffic label." };
        var project = new Option<string?>("--project") { Description = "With --for: the HubDsl project folder whose build declared the failover (default: the current folder)." };
        var command = new Command("status", "Show every cluster's connection and every Application's sync and health status.") { format, watch, interval, probeTimeout, forFailover, project };
        common.AddTo(command);
        command.SetAction((parse, ct) => CommonOptions.RunAsync(console, async () =>
        {
            var options = common.Read(parse, console);
            var every = parse.GetValue(interval);
            var json = parse.GetValue(format) == "json";
            var watching = parse.GetValue(watch);
            var failover = parse.GetValue(forFailover) is { } failoverName ? DeclaredFailover.Load(parse.GetValue(project) ?? Directory.GetCurrentDirectory(), failoverName) : null;
            using var hub = HubClient.Connect(options);
            var prober = new HealthProber(TimeSpan.FromSeconds(parse.GetValue(probeTimeout)), options.InsecureSkipTlsVerify, retry: options.Retry);
            var exit = ExitCodes.Success;
            var completed = 0;
            while (true)
            {
                // With --watch, --timeout bounds each refresh: the watch itself runs until Ctrl+C.
                if (completed > 0) options.Deadline?.Restart();
                FleetStatusReport? report = null;
                try
                {
                    using var progress = console.Progress("probing clusters", 0);
                    report = await FleetStatus.CollectAsync(hub, prober, watching ? null : progress, ct);
                }
                catch (OperationCanceledException) when (watching && completed > 0 && ct.IsCancellationRequested)
                {
                    return exit;
                }
                catch (Exception e) when (watching && !ct.IsCancellationRequested && e is not UserInputException)
                {
                    // A hub outage is what a watch is for: say so, and keep watching. Until a refresh succeeds the
                    // exit code says the fleet's state is not known to be good.
                    console.Warn("refresh failed, still watching (next try in " + every.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s): " + KubeErrors.DescribeWithRequest(e));
                    exit = ExitCodes.Problems;
                }

                // Ctrl+C during a refresh aborts its probes: that refresh says nothing about the fleet, so the last
                // complete one decides the exit code and the aborted one is not printed.
                if (watching && ct.IsCancellationRequested && completed > 0) return exit;
                completed++;
                if (report is not null && failover is not null)
                {
                    var pair = FailoverPairStatus.From(report, failover);
                    exit = pair.IsHealthy ? ExitCodes.Success : ExitCodes.Problems;
                    if (json) await console.Output.WriteLineAsync(JsonLimits.Write(pair.ToJson(), indented: !watching, "the failover status"));
                    else await WritePairAsync(console, pair);
                }
                else if (report is not null)
                {
                    exit = report.IsHealthy ? ExitCodes.Success : ExitCodes.Problems;
                    if (watching && console.IsOutputTerminal && !json) await console.Output.WriteAsync("\u001b[H\u001b[2J");
                    if (json)
                    {
                        await console.Output.WriteLineAsync(JsonLimits.Write(report.ToJson(), indented: !watching, "the status report"));
                    }
                    else
                    {
                        WriteTables(console, report, watching);
                    }
                }

                if (!watching)
                {
                    await console.Output.FlushAsync(ct);
                    return exit;
                }

                // Ctrl+C may also land while the refresh is written: the refresh was complete, so it stands.
                await console.Output.FlushAsync(CancellationToken.None);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(every), ct);
                }
                catch (OperationCanceledException)
                {
                    return exit;
                }
            }
        }));
        return command;
    }

    private static async Task WritePairAsync(RuntimeConsole console, FailoverPairStatus pair)
    {
        await console.Output.WriteLineAsync("failover '" + pair.Failover.Name + "' (" + pair.Failover.Host + "), traffic label " + pair.Failover.TrafficLabelKey + "=" + pair.Failover.TrafficLabelValue);
        await console.Output.WriteLineAsync(pair.Primary.Line("primary"));
        await console.Output.WriteLineAsync(pair.Standby.Line("standby"));
        var traffic = pair.TrafficOn;
        await console.Output.WriteLineAsync(traffic.Count switch
        {
            0 => "no cluster carries the traffic label",
            1 => "traffic on '" + traffic[0] + "'",
            _ => "both clusters carry the traffic label (a move was interrupted: re-run hubdsl failover)",
        });
    }

    private static void WriteTables(RuntimeConsole console, FleetStatusReport report, bool watching)
    {
        var ansi = console.Ansi();
        if (watching) ansi.WriteLine(DateTimeOffset.UtcNow.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        ClusterCommand.WriteClusterTable(console, report.Clusters);
        var table = new Table().Border(TableBorder.Simple).AddColumns("APPLICATION", "CLUSTER", "PROJECT", "SYNC", "HEALTH");
        foreach (var app in report.Applications)
        {
            table.AddRow(
                Markup.Escape(app.Name),
                Markup.Escape(app.Cluster),
                Markup.Escape(app.Project),
                app.Sync == "Synced" ? "[green]Synced[/]" : "[yellow]" + Markup.Escape(app.Sync) + "[/]",
                app.Health == "Healthy" ? "[green]Healthy[/]" : "[red]" + Markup.Escape(app.Health) + "[/]");
        }

        ansi.Write(table);
        foreach (var problem in report.Problems) ansi.MarkupLine("[red]unreadable[/] " + Markup.Escape(problem.ToString()));
        var failed = report.Clusters.Count(c => !c.Reachable);
        var unhealthy = report.Applications.Count(a => !a.IsHealthy);
        ansi.WriteLine(report.Clusters.Count + " cluster(s), " + failed + " unreachable; " + report.Applications.Count + " application(s), " + unhealthy + " not Synced and Healthy"
            + (report.Problems.Count == 0 ? string.Empty : "; " + report.Problems.Count + " object(s) on the hub could not be read"));
    }
}
