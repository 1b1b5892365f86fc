using System.CommandLine;
using HubDsl.Cli.CommandLine;
using HubDsl.Cli.Output;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Terminal;

namespace HubDsl.Cli.Commands;

/// <summary><c>hubdsl cluster get</c>: one cluster, with a live connection probe.</summary>
internal static class ClusterGetCommand
{
    public static Command Create(RuntimeConsole console)
    {
        var common = new CommonOptions();
        var name = new Argument<string>("NAME") { Description = "The cluster's name, server URL or Secret name." };
        var format = ReportOptions.Format();
        var timeout = ReportOptions.ProbeTimeout();
        var command = new Command("get", "Show one cluster and probe its connection.") { name, format, timeout };
        common.AddTo(command);
        command.SetAction((parse, ct) => CommonOptions.RunAsync(console, async () =>
        {
            var options = common.Read(parse, console);
            using var hub = HubClient.Connect(options);
            var wanted = parse.GetValue(name)!;
            var cluster = await hub.FindClusterAsync(wanted, ct) ?? throw ClusterCommand.NotFound(wanted, options.ArgoCdNamespace);
            var health = await ClusterCommand.ProbeAsync(console, new[] { cluster }, parse.GetValue(timeout), options, ct);
            if (parse.GetValue(format) == "json")
            {
                await console.Output.WriteLineAsync(FleetStatusReport.ClusterJson(health[0]).ToJsonString(JsonConvert.Indented));
            }
            else
            {
                ClusterCommand.WriteClusterTable(console, health);
            }

            return health[0].Reachable ? ExitCodes.Success : ExitCodes.Problems;
        }));
        return command;
    }
}
