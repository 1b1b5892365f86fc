using System.CommandLine;
using HubDsl.Cli.CommandLine;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Terminal;

namespace HubDsl.Cli.Commands;

/// <summary>
/// <c>hubdsl diff</c>: what <c>hubdsl apply</c> would change, as a unified diff between the live objects and the
/// server's dry-run apply as the project's fleet manager. Exit 0 no difference, 1 differences, 2 or more an error (like <c>kubectl diff</c>).
/// Secret values are masked except the non-credential cluster keys.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(RuntimeConsole console)
    {
        var common = new CommonOptions();
        var project = new Option<string?>("--project") { Description = "The HubDsl project folder (default: the current folder)." };
        var prune = new Option<bool>("--prune") { Description = "Also show the objects apply --prune would delete (this fleet's only) or release (shared with other fleets)." };
        var command = new Command("diff", "Show what apply would change on the hub, as a unified diff (exit 1 when there are differences).") { project, prune };
        common.AddTo(command);
        command.SetAction((parse, ct) => CommonOptions.RunAsync(
            console,
            async () =>
            {
                var options = common.Read(parse, console);
                var warnings = new List<string>();
                var objects = ProjectManifests.Load(parse.GetValue(project) ?? Directory.GetCurrentDirectory(), options.ArgoCdNamespace, warnings);
                foreach (var warning in warnings) console.Warn(warning);
                var fleet = FleetOwnership.Of(objects);
                using var hub = HubClient.Connect(options);
                var diffs = await new ManifestApplier(hub, fleet).DiffAsync(objects, parse.GetValue(prune), ct);
                var errors = 0;
                foreach (var diff in diffs)
                {
                    if (diff.Error is not null)
                    {
                        errors++;
                        await console.Error.WriteLineAsync("hubdsl: " + diff.Type.Describe(diff.Namespace, diff.Name) + ": " + Redactor.Scrub(diff.Error));
                        continue;
                    }

                    await console.Output.WriteAsync(Redactor.Scrub(diff.Diff));
                }

                // A failure is 2 so that scripts never read it as "differences".
                return errors > 0 ? ExitCodes.BadInput : diffs.Count > 0 ? ExitCodes.Problems : ExitCodes.Success;
            },
            failureExitCode: ExitCodes.BadInput));
        return command;
    }
}
