using System.CommandLine;
using System.Text.Json.Nodes;
using HubDsl.Cli.Output;
using HubDsl.Cli.Runtime;
using Spectre.Console;

namespace HubDsl.Cli.Commands;

/// <summary>
/// <c>hubdsl apply</c>: server-side apply (field manager <c>hubdsl</c>) of the project's generated hub manifests;
/// each object reported as created, configured, unchanged or pruned.
/// </summary>
internal static class ApplyCommand
{
    public static Command Create(TextWriter output, TextWriter error) => Create(RuntimeConsole.For(output, error));

    public static Command Create(RuntimeConsole console)
    {
        var common = new CommonOptions();
        var project = new Option<string?>("--project") { Description = "The HubDsl project folder (default: the current folder)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Ask the server what would change (server dry run); change nothing." };
        var prune = new Option<bool>("--prune") { Description = "Delete hub objects labelled app.kubernetes.io/managed-by=hubdsl that the project no longer generates." };
        var format = new Option<string>("--output", "-o") { Description = "table or json.", DefaultValueFactory = _ => "table" }.AcceptOnlyFromAmong("table", "json");
        var command = new Command("apply", "Apply the project's generated ApplicationSets, AppProjects and cluster Secrets to the hub.") { project, dryRun, prune, format };
        common.AddTo(command);
        command.SetAction((parse, ct) => CommonOptions.RunAsync(console, async () =>
        {
            var options = common.Read(parse, console);
            var warnings = new List<string>();
            var objects = ProjectManifests.Load(parse.GetValue(project) ?? Directory.GetCurrentDirectory(), options.ArgoCdNamespace, warnings);
            foreach (var warning in warnings) console.Warn(warning);
            using var hub = HubClient.Connect(options);
            var isDryRun = parse.GetValue(dryRun);
            IReadOnlyList<ApplyResult> results;
            using (var progress = console.Progress("applying", objects.Count))
            {
                results = await new ManifestApplier(hub).ApplyAsync(objects, isDryRun, parse.GetValue(prune), progress, ct);
            }

            if (parse.GetValue(format) == "json")
            {
                var json = new JsonObject
                {
                    ["dryRun"] = isDryRun,
                    ["objects"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject
                    {
                        ["apiVersion"] = r.Type.ApiVersion,
                        ["kind"] = r.Type.Kind,
                        ["namespace"] = r.Namespace,
                        ["name"] = r.Name,
                        ["result"] = Word(r.Outcome),
                        ["message"] = r.Message is null ? null : Redactor.Scrub(r.Message),
                    }).ToArray()),
                };
                await console.Output.WriteLineAsync(json.ToJsonString(JsonConvert.Indented));
            }
            else
            {
                var suffix = isDryRun ? " (server dry run)" : string.Empty;
                foreach (var r in results)
                {
                    var line = r.Object + " " + Word(r.Outcome) + suffix + (r.Message is null ? string.Empty : ": " + Redactor.Scrub(r.Message));
                    if (r.Outcome == ApplyOutcome.Failed) console.Ansi().MarkupLine("[red]" + Markup.Escape(line) + "[/]");
                    else await console.Output.WriteLineAsync(line);
                }
            }

            return results.Any(r => r.Outcome == ApplyOutcome.Failed) ? ExitCodes.Problems : ExitCodes.Success;
        }));
        return command;
    }

    internal static string Word(ApplyOutcome outcome) => outcome switch
    {
        ApplyOutcome.Created => "created",
        ApplyOutcome.Configured => "configured",
        ApplyOutcome.Unchanged => "unchanged",
        ApplyOutcome.Pruned => "pruned",
        _ => "failed",
    };
}
