using System.CommandLine;
using System.Text.Json.Nodes;
using HubDsl.Cli.CommandLine;
using HubDsl.Cli.Output;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Terminal;
using Spectre.Console;

namespace HubDsl.Cli.Commands;

/// <summary><c>hubdsl cluster list</c>: the hub's clusters, each with a live connection probe.</summary>
internal static class ClusterListCommand
{
    public static Command Create(RuntimeConsole console)
    {
        var common = new CommonOptions();
        var format = ReportOptions.Format();
        var timeout = ReportOptions.ProbeTimeout();
        var command = new Command("list", "List the hub's clusters and probe each one's connection (concurrently).") { format, timeout };
        common.AddTo(command);
        command.SetAction((parse, ct) => CommonOptions.RunAsync(console, async () =>
        {
            var options = common.Read(parse, console);
            using var hub = HubClient.Connect(options);
            var clusters = await hub.ListClustersAsync(ct);
            var health = await ClusterCommand.ProbeAsync(console, clusters, parse.GetValue(timeout), options, ct);
            if (parse.GetValue(format) == "json")
            {
                await console.Output.WriteLineAsync(new JsonObject { ["clusters"] = new JsonArray(health.Select(h => (JsonNode)FleetStatusReport.ClusterJson(h)).ToArray()) }.ToJsonString(JsonConvert.Indented));
            }
            else
            {
                ClusterCommand.WriteClusterTable(console, health);
            }

            return health.All(h => h.Reachable) ? ExitCodes.Success : ExitCodes.Problems;
        }));
        return command;
    }
}
