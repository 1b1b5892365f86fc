using System.CommandLine;
using HubDsl.Cli.CommandLine;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Runtime.Failover;
using HubDsl.Cli.Terminal;
using HubDsl.Core.Manifests;

namespace HubDsl.Cli.Commands;

/// <summary>
/// <c>hubdsl failover PRIMARY --to STANDBY</c>: moves the fleet's traffic label from the primary's cluster Secret to the
/// standby's on the hub (application-level failover). Refuses unless the standby is Connected and its Applications are
/// Synced and Healthy (<c>--force</c> overrides); idempotent; prints each change. Failback is the same command reversed.
/// The primary itself is never contacted: it may be down, which is why one fails over.
/// </summary>
internal static class FailoverCommand
{
    public static Command Create(RuntimeConsole console)
    {
        var common = new CommonOptions();
        var primary = new Argument<string>("PRIMARY") { Description = "The cluster that carries the traffic label now (name, server URL or Secret name)." };
        var to = new Option<string?>("--to") { Description = "The cluster to move the traffic label to (required)." };
        var label = new Option<string>("--traffic-label") { Description = "The traffic label, key=value, as the Failover declares it (TrafficLabel).", DefaultValueFactory = _ => "traffic=active" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check and print what would change; change nothing." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation." };
        var force = new Option<bool>("--force") { Description = "Move the label even when the standby is not Connected or its Applications are not Synced and Healthy." };
        var probeTimeout = ReportOptions.ProbeTimeout();
        var command = new Command("failover", "Move the traffic label from PRIMARY's cluster Secret to the standby's (failback: the same command reversed).") { primary, to, label, dryRun, yes, force, probeTimeout };
        common.AddTo(command);
        command.SetAction((parse, ct) => CommonOptions.RunAsync(console, async () =>
        {
            var options = common.Read(parse, console);
            var pair = KeyValueOptions.Parse(new[] { parse.GetValue(label)! }, "--traffic-label", validateLabels: true).Single();
            if (pair.Value.Length == 0) throw new UserInputException("--traffic-label needs a value, e.g. traffic=active");
            if (pair.Key == ManifestLabels.SecretTypeKey) throw new UserInputException("'" + ManifestLabels.SecretTypeKey + "' makes the Secret a cluster; it cannot be the traffic label");
            var fromName = parse.GetValue(primary)!;
            // Checked here, not by the parser, so that a bad number option is reported first, as on every command.
            var toName = parse.GetValue(to) ?? throw new UserInputException("failover needs --to STANDBY, the cluster to move the traffic label to");

            using var hub = HubClient.Connect(options);
            var from = await hub.FindClusterAsync(fromName, ct) ?? throw ClusterCommand.NotFound(fromName, options.ArgoCdNamespace);
            var target = await hub.FindClusterAsync(toName, ct) ?? throw ClusterCommand.NotFound(toName, options.ArgoCdNamespace);
            if (from.SecretName == target.SecretName) throw new UserInputException("--to names '" + from.Name + "' itself; give the standby cluster");

            var move = TrafficMove.Plan(from, target, pair.Key, pair.Value);
            await console.Output.WriteLineAsync("failover '" + from.Name + "' -> '" + target.Name + "' (" + move.Label + ")");
            if (move.IsDone)
            {
                await console.Output.WriteLineAsync("nothing to change: '" + target.Name + "' already carries " + move.Label + " and '" + from.Name + "' does not");
                return ExitCodes.Success;
            }

            var prober = new HealthProber(TimeSpan.FromSeconds(parse.GetValue(probeTimeout)), options.InsecureSkipTlsVerify, retry: options.Retry);
            var readiness = await StandbyReadiness.CheckAsync(hub, prober, target, ct);
            await console.Output.WriteLineAsync("standby " + readiness.Summary);
            var reasons = readiness.Reasons;
            if (reasons.Count > 0)
            {
                if (!parse.GetValue(force))
                {
                    foreach (var reason in reasons) await console.Error.WriteLineAsync("hubdsl: '" + target.Name + "' cannot take traffic: " + reason);
                    await console.Error.WriteLineAsync("hubdsl: failover refused, nothing was changed; fix the standby, or re-run with --force to move the label anyway");
                    return ExitCodes.Problems;
                }

                foreach (var reason in reasons) console.Warn("--force: moving the label although '" + target.Name + "' cannot take traffic: " + reason);
            }

            if (parse.GetValue(dryRun))
            {
                foreach (var change in move.Changes(done: false)) await console.Output.WriteLineAsync(change);
                await console.Output.WriteLineAsync("dry run: nothing was changed");
                return ExitCodes.Success;
            }

            if (!parse.GetValue(yes))
            {
                foreach (var change in move.Changes(done: false)) await console.Error.WriteLineAsync("  " + change);
                if (!console.Confirm("Move " + move.Label + " from '" + from.Name + "' to '" + target.Name + "'?", "re-run with --yes to move it without asking", out var refusal))
                {
                    throw new UserInputException("failover cancelled, nothing was changed: " + refusal);
                }
            }

            var changes = move.Changes(done: true).ToList();
            try
            {
                await move.ApplyAsync(hub, ct);
            }
            catch (TrafficMoveException e)
            {
                if (e.HalfDone) await console.Output.WriteLineAsync(changes[0]);
                await console.Error.WriteLineAsync("hubdsl: " + e.Message);
                return ExitCodes.Problems;
            }

            foreach (var change in changes) await console.Output.WriteLineAsync(change);
            return ExitCodes.Success;
        }));
        return command;
    }
}
