using System.CommandLine;
using HubDsl.Cli.Output;
using HubDsl.Cli.Runtime;
using Spectre.Console;

namespace HubDsl.Cli.Commands;

/// <summary>
/// <c>hubdsl status</c>: every cluster's connection (probed concurrently) and every Application's sync and health.
/// Exit 0 when all clusters are reachable and all Applications Synced and Healthy, else 1. The JSON is for
/// automation such as DNS failover.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(TextWriter output, TextWriter error) => Create(RuntimeConsole.For(output, error));

    public static Command Create(RuntimeConsole console)
    {
        var common = new CommonOptions();
        var format = new Option<string>("--output", "-o") { Description = "table or json.", DefaultValueFactory = _ => "table" }.AcceptOnlyFromAmong("table", "json");
        var watch = new Option<bool>("--watch", "-w") { Description = "Refresh until interrupted (Ctrl+C); with -o json, one compact JSON document per line." };
        var interval = new Option<double>("--interval") { Description = "Seconds between refreshes with --watch.", DefaultValueFactory = _ => 5 };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for each spoke's /version.", DefaultValueFactory = _ => 5 };
        var command = new Command("status", "Show every cluster's connection and every Application's sync and health status.") { format, watch, interval, timeout };
        common.AddTo(command);
        command.SetAction((parse, ct) => CommonOptions.RunAsync(console, async () =>
        {
            var options = common.Read(parse, console);
            var seconds = parse.GetValue(timeout);
            var every = parse.GetValue(interval);
            if (seconds <= 0) throw new UserInputException("--timeout must be positive");
            if (every <= 0) throw new UserInputException("--interval must be positive");
            var json = parse.GetValue(format) == "json";
            var watching = parse.GetValue(watch);
            using var hub = HubClient.Connect(options);
            var prober = new HealthProber(TimeSpan.FromSeconds(seconds), options.InsecureSkipTlsVerify);
            var exit = ExitCodes.Success;
            var completed = 0;
            while (true)
            {
                FleetStatusReport report;
                try
                {
                    using var progress = console.Progress("probing clusters", 0);
                    report = await FleetStatus.CollectAsync(hub, prober, watching ? null : progress, ct);
                }
                catch (OperationCanceledException) when (watching && completed > 0 && ct.IsCancellationRequested)
                {
                    return exit;
                }

                // Ctrl+C during a refresh aborts its probes: that refresh says nothing about the fleet, so the last
                // complete one decides the exit code and the aborted one is not printed.
                if (watching && ct.IsCancellationRequested && completed > 0) return exit;
                exit = report.IsHealthy ? ExitCodes.Success : ExitCodes.Problems;
                completed++;
                if (watching && console.IsOutputTerminal && !json) await console.Output.WriteAsync("\u001b[H\u001b[2J");
                if (json)
                {
                    await console.Output.WriteLineAsync(watching ? report.ToJson().ToJsonString() : report.ToJson().ToJsonString(JsonConvert.Indented));
                }
                else
                {
                    WriteTables(console, report, watching);
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
        var failed = report.Clusters.Count(c => !c.Reachable);
        var unhealthy = report.Applications.Count(a => !a.IsHealthy);
        ansi.WriteLine(report.Clusters.Count + " cluster(s), " + failed + " unreachable; " + report.Applications.Count + " application(s), " + unhealthy + " not Synced and Healthy");
    }
}
