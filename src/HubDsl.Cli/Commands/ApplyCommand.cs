using System.CommandLine;
using System.Text.Json.Nodes;
using HubDsl.Cli.CommandLine;
using HubDsl.Cli.Output;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Terminal;
using Spectre.Console;

namespace HubDsl.Cli.Commands;

/// <summary>
/// <c>hubdsl apply</c>: server-side apply of the project's generated hub manifests as its fleet's field manager
/// (<c>hubdsl-fleet-&lt;fleet&gt;</c>); each object reported as created, configured, unchanged, pruned, released or
/// kept. <c>--prune</c> lists what it will delete and asks first (unless <c>--yes</c>).
/// </summary>
internal static class ApplyCommand
{
    public static Command Create(RuntimeConsole console)
    {
        var common = new CommonOptions();
        var project = new Option<string?>("--project") { Description = "The HubDsl project folder (default: the current folder)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Ask the server what would change (server dry run); change nothing." };
        var prune = new Option<bool>("--prune") { Description = "Delete this fleet's hub objects (label fleet.hubdsl.io/<fleet>) that the project no longer generates; objects other fleets also own are released, not deleted." };
        var yes = new Option<bool>("--yes", "-y") { Description = "With --prune: do not ask for confirmation." };
        var concurrency = new Option<int?>("--concurrency")
        {
            Description = "Objects applied at once (1 to " + ManifestApplier.MaxConcurrency + ", default " + ManifestApplier.DefaultConcurrency + ": well inside the share of an API server's concurrency an ordinary user gets).",
        };
        concurrency.Validators.Add(result =>
        {
            // A value that is not a number already has its error (OptionRules); only the range is checked here.
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is < 1 or > ManifestApplier.MaxConcurrency)
            {
                result.AddError("--concurrency: " + n + " is not from 1 to " + ManifestApplier.MaxConcurrency);
            }
        });
        var format = ReportOptions.Format();
        var command = new Command("apply", "Apply the project's generated ApplicationSets, AppProjects and cluster Secrets to the hub.") { project, dryRun, prune, yes, concurrency, format };
        common.AddTo(command);
        command.SetAction((parse, ct) => CommonOptions.RunAsync(console, async () =>
        {
            var options = common.Read(parse, console);
            var warnings = new List<string>();
            var objects = ProjectManifests.Load(parse.GetValue(project) ?? Directory.GetCurrentDirectory(), options.ArgoCdNamespace, warnings);
            foreach (var warning in warnings) console.Warn(warning);
            var fleet = FleetOwnership.Of(objects);
            using var hub = HubClient.Connect(options);
            var applier = new ManifestApplier(hub, fleet);
            var isDryRun = parse.GetValue(dryRun);
            var json = parse.GetValue(format) == "json";

            // The prune plan is made and confirmed before anything changes: refusing leaves the hub as it was.
            PrunePlan? plan = null;
            if (parse.GetValue(prune))
            {
                try
                {
                    plan = await applier.PlanPruneAsync(objects, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    await console.Error.WriteLineAsync("hubdsl: cancelled before anything was changed");
                    return ExitCodes.Problems;
                }

                await ConfirmPruneAsync(console, plan, isDryRun || parse.GetValue(yes));
            }

            var results = new List<ApplyResult>();
            try
            {
                using (var progress = console.Progress("applying", objects.Count))
                {
                    results.AddRange(await applier.ApplyAsync(objects, isDryRun, progress, ct, parse.GetValue(concurrency) ?? ManifestApplier.DefaultConcurrency));
                }

                if (plan is not null)
                {
                    if (results.Any(r => r.Outcome == ApplyOutcome.Failed))
                    {
                        results.Add(new ApplyResult(ResourceType.Secret, hub.ArgoCdNamespace, ApplyResult.PruneStep, ApplyOutcome.Failed, "skipped because some objects failed to apply"));
                    }
                    else
                    {
                        results.AddRange(await applier.PruneAsync(objects, plan, isDryRun, ct));
                    }
                }
            }
            catch (ApplyCancelledException cancelled)
            {
                // Ctrl+C: say exactly what was applied, what may have been, and what was not.
                results.AddRange(cancelled.Done);
                await WriteAsync(console, results, isDryRun, json, cancelled: true);
                var lines = new List<string> { "hubdsl: cancelled: " + results.Count(r => r.Outcome is not ApplyOutcome.Failed and not ApplyOutcome.Kept) + " object(s) handled as listed above" + (isDryRun ? " (server dry run: nothing was changed)" : string.Empty) };
                if (cancelled.InFlight.Count == 1) lines.Add("hubdsl: the request for " + cancelled.InFlight[0] + " was under way: it may or may not have been applied");
                if (cancelled.InFlight.Count > 1) lines.Add("hubdsl: the requests for " + string.Join(", ", cancelled.InFlight) + " were under way: each may or may not have been applied");
                if (cancelled.NotStarted.Count > 0) lines.Add("hubdsl: not started: " + string.Join(", ", cancelled.NotStarted));
                if (!isDryRun) lines.Add("hubdsl: run the same hubdsl apply again to finish (each step is idempotent)");
                foreach (var line in lines) await console.Error.WriteLineAsync(line);
                return ExitCodes.Problems;
            }

            await WriteAsync(console, results, isDryRun, json, cancelled: false);
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
        ApplyOutcome.Released => "released",
        ApplyOutcome.Kept => "kept",
        _ => "failed",
    };

    // What --prune will delete and release, on standard error (standard output stays the results); asks unless told not to.
    private static async Task ConfirmPruneAsync(RuntimeConsole console, PrunePlan plan, bool noQuestion)
    {
        if (plan.OtherFleets.Count > 0)
        {
            await console.Error.WriteLineAsync("hubdsl: --prune leaves alone the objects of other fleets: " + string.Join(", ", plan.OtherFleets.Select(f => f.Key + " (" + f.Value + ")")));
        }

        if (plan.Candidates.Count == 0 || noQuestion) return;
        await console.Error.WriteLineAsync("hubdsl apply --prune: fleet '" + plan.Fleet + "' no longer generates these objects:");
        foreach (var c in plan.Deletes) await console.Error.WriteLineAsync("  delete  " + c);
        foreach (var c in plan.Releases) await console.Error.WriteLineAsync("  release " + c + " (also fleet " + string.Join(", ", c.OtherFleets) + "'s: it stays; only fleet " + plan.Fleet + "'s fields and label are removed)");
        var deletes = plan.Deletes.Count();
        var releases = plan.Releases.Count();
        var question = (deletes > 0 ? "Delete " + deletes + " object(s)" + (releases > 0 ? " and release " + releases : string.Empty) : "Release " + releases + " object(s)") + "?";
        if (!console.Confirm(question, "re-run with --yes to prune without asking, or without --prune", out var refusal))
        {
            throw new UserInputException("apply --prune cancelled, nothing was changed: " + refusal);
        }
    }

    private static async Task WriteAsync(RuntimeConsole console, IReadOnlyList<ApplyResult> results, bool isDryRun, bool json, bool cancelled)
    {
        if (json)
        {
            var report = new JsonObject
            {
                ["dryRun"] = isDryRun,
                ["cancelled"] = cancelled,
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
            await console.Output.WriteLineAsync(report.ToJsonString(JsonConvert.Indented));
            return;
        }

        var suffix = isDryRun ? " (server dry run)" : string.Empty;
        foreach (var r in results)
        {
            var line = r.Object + " " + Word(r.Outcome) + suffix + (r.Message is null ? string.Empty : ": " + Redactor.Scrub(r.Message));
            if (r.Outcome == ApplyOutcome.Failed) console.Ansi().MarkupLine("[red]" + Markup.Escape(line) + "[/]");
            else await console.Output.WriteLineAsync(line);
        }
    }
}
