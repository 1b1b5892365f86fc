using System.Text.Json.Nodes;
using HubDsl.Cli.Output;

namespace HubDsl.Cli.Watch;

/// <summary>
/// Writes each <see cref="ChangeReport"/> as a few compact lines (the default) or as one JSON object per line
/// (<c>-o json</c>, for scripts and editors).
/// </summary>
internal sealed class ReportWriter(TextWriter output, bool json)
{
    public void Write(ChangeReport report)
    {
        if (json) output.WriteLine(JsonLimits.Write(ToJson(report), indented: false, "-o json: the watch report"));
        else WriteText(report);
        output.Flush();
    }

    private void WriteText(ChangeReport report)
    {
        var trigger = report.Trigger.Count == 0 ? string.Empty : string.Join(", ", report.Trigger.Take(5)) + (report.Trigger.Count > 5 ? " and " + (report.Trigger.Count - 5) + " more" : string.Empty) + ": ";
        var head = report.Event switch
        {
            ChangeReport.Loaded => "watch: loaded " + trigger.TrimEnd(':', ' '),
            ChangeReport.Reloaded => "watch: reloaded the project (" + trigger.TrimEnd(':', ' ') + ")",
            ChangeReport.Failed => "watch: " + trigger + "cannot load the project",
            ChangeReport.Ready => "watch: ready",
            _ when report.Trigger.Count == 0 => "watch: generated",
            _ => "watch: " + trigger.TrimEnd(':', ' ') + " saved",
        };
        var outcome = report.Outcome switch
        {
            ChangeReport.OutcomeWritten => report.Written.Count + " written, " + report.Deleted.Count + " deleted",
            ChangeReport.OutcomeUnchanged => "manifests unchanged",
            ChangeReport.OutcomePreviewOnly => "HubDslOutputPath is none: nothing written",
            ChangeReport.OutcomeNotWritten => "nothing written: " + report.Reason,
            _ => report.Reason,
        };
        output.WriteLine(head + (outcome is null ? string.Empty : "; " + outcome) + (report.ElapsedMilliseconds > 0 ? " (" + report.ElapsedMilliseconds + " ms)" : string.Empty));
        foreach (var path in report.Written) output.WriteLine("  wrote   " + path);
        foreach (var path in report.Deleted) output.WriteLine("  deleted " + path + " (no longer generated)");
        foreach (var message in report.SyncMessages) output.WriteLine("  " + (message.Path ?? "-") + ": " + message.Code + ": " + message.Text);
        foreach (var app in report.Applications)
        {
            var what = app.Kind == ApplicationChange.Changed
                ? string.Join("; ", app.Fields.Select(f => f.Name + " " + Show(f.Old) + " → " + Show(f.New)).Concat(app.Values.Select(v => "values " + v.Name + ": " + Show(v.Old) + " → " + Show(v.New))))
                : app.Kind;
            output.WriteLine("  " + app.Application + " on " + app.Cluster + ": " + what);
        }

        foreach (var diagnostic in report.Diagnostics) output.WriteLine("  " + diagnostic);
    }

    private static string Show(string? value) => value ?? "(none)";

    private static JsonObject ToJson(ChangeReport report)
    {
        static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        static JsonArray Changes(IEnumerable<FieldChange> changes) => new(changes.Select(c => (JsonNode?)new JsonObject { ["name"] = c.Name, ["old"] = c.Old, ["new"] = c.New }).ToArray());
        return new JsonObject
        {
            ["event"] = report.Event,
            ["trigger"] = Strings(report.Trigger),
            ["outcome"] = report.Outcome,
            ["reason"] = report.Reason,
            ["elapsedMs"] = report.ElapsedMilliseconds,
            ["generateMs"] = report.GenerateMilliseconds,
            ["diagnosticsMs"] = report.DiagnosticsMilliseconds,
            ["written"] = Strings(report.Written),
            ["deleted"] = Strings(report.Deleted),
            ["applications"] = new JsonArray(report.Applications.Select(a => (JsonNode?)new JsonObject
            {
                ["application"] = a.Application,
                ["cluster"] = a.Cluster,
                ["change"] = a.Kind,
                ["fields"] = Changes(a.Fields),
                ["values"] = Changes(a.Values),
            }).ToArray()),
            ["diagnostics"] = new JsonArray(report.Diagnostics.Select(d => (JsonNode?)new JsonObject
            {
                ["file"] = d.File, ["line"] = d.Line, ["id"] = d.Id, ["severity"] = d.Severity, ["message"] = d.Message,
            }).ToArray()),
            ["syncMessages"] = new JsonArray(report.SyncMessages.Select(m => (JsonNode?)new JsonObject { ["code"] = m.Code, ["path"] = m.Path, ["message"] = m.Text }).ToArray()),
        };
    }
}
