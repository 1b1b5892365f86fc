using System.Text;
using System.Text.Json;

namespace HubDsl.Benchmarks;

// The section on recording a project's values for the projects that reference it (ValuesExportBenchmarks and
// ValuesExportSteps, one run for every mode, so the figures compare).
public static partial class BenchmarkReport
{
    private static readonly string[] ExportModes = { "None", "Recording", "Off" };

    private static void ValuesExport(StringBuilder md, Dictionary<string, Row> bdn, string folder)
    {
        var steps = ValuesExportRows(folder);
        if (steps.Count == 0 && !bdn.Keys.Any(k => k.StartsWith("ValuesExportBenchmarks.", StringComparison.Ordinal))) return;
        var clusters = steps.Select(s => s.Clusters).DefaultIfEmpty(1000).First();
        var n = clusters.ToString("#,0", Invariant);
        md.Append("## Recorded values (`HubDslRecordValues`)\n\n")
          .Append("A project records the values of its public declarations in its assembly, for projects that reference it under `dotnet build` ")
          .Append("(`generators/HubDsl.Generators/Exports`). Its cost on the ").Append(n).Append("-cluster synthetic fleet, every mode in one run: ")
          .Append("*alone*: the fleet generator without the export generator; *recording*: both, `HubDslRecordValues=true`; *off*: both, recording off ")
          .Append("(`false`, and what a project that declares a fleet gets by default). Runs as in the Generator section.");
        var load = new[] { "load-before.txt", "load-after.txt" }.Select(f => Path.Combine(folder, f)).Where(File.Exists)
            .Select(f => File.ReadAllText(f).Trim()).Select(l => l.Substring(l.IndexOf("load average:", StringComparison.Ordinal) + "load average:".Length).Split(',')[0].Trim()).ToList();
        if (load.Count == 2)
        {
            md.Append(" This section comes from a run of its own, ").Append(File.ReadAllText(Path.Combine(folder, "started.txt")).Trim())
              .Append(", on a machine shared with other work (load average ").Append(load[0]).Append(" at the start, ").Append(load[1])
              .Append(" at the end, on 2 cores): its wall times are not comparable with the sections above, which is why the comparison below is in CPU time.");
        }

        md.Append("\n\n");

        if (bdn.Keys.Any(k => k.StartsWith("ValuesExportBenchmarks.", StringComparison.Ordinal)))
        {
            md.Append("BenchmarkDotNet (wall time, mean; allocated per run, which the load does not change):\n\n| run | alone | recording | off |\n|---|---|---|---|\n");
            foreach (var method in ValuesExportSteps.Scenarios)
            {
                md.Append("| ").Append(method);
                foreach (var mode in ExportModes)
                {
                    md.Append(" | ").Append(bdn.TryGetValue("ValuesExportBenchmarks." + method + "(Clusters=" + clusters + ", Export=" + mode + ")", out var row)
                        ? Ms(row.MeanNs) + " (" + Allocated(row.AllocatedBytes) + ")"
                        : "-");
                }

                md.Append(" |\n");
            }

            md.Append('\n');
        }

        if (steps.Count == 0) return;
        var runs = steps.Max(s => s.Runs);
        md.Append("CPU time of the thread that runs the generators (median of ").Append(runs).Append(" runs each, taken in turns across modes; on a shared ")
          .Append("machine wall time mostly measures the other processes), and in runs with step tracking the export step's own time and how its output was classified:\n\n")
          .Append("| run | alone | recording | off | export step (recording) | its output |\n|---|---|---|---|---|---|\n");
        foreach (var scenario in ValuesExportSteps.Scenarios)
        {
            var row = ExportModes.Select(m => steps.FirstOrDefault(s => s.Mode == m && s.Scenario == scenario)).ToList();
            md.Append("| ").Append(scenario);
            foreach (var cell in row) md.Append(" | ").Append(cell is null ? "-" : cell.CpuMs.ToString("0.0", Invariant) + " ms");
            var recording = row[1];
            md.Append(" | ").Append(recording is null ? "-" : recording.ExportStepMs.ToString("0.0", Invariant) + " ms")
              .Append(" | ").Append(recording?.Outputs ?? "-").Append(" |\n");
        }

        var recorded = steps.FirstOrDefault(s => s.Mode == "Recording" && s.RecordedBytes > 0);
        var off = steps.FirstOrDefault(s => s.Mode == "Off" && s.RecordedBytes > 0);
        if (recorded is not null)
        {
            md.Append("\nRecorded: ").Append(recorded.RecordedValues.ToString("#,0", Invariant)).Append(" values in ")
              .Append((recorded.RecordedBytes / 1024.0).ToString("#,0", Invariant)).Append(" KiB of generated C# (`[assembly: EvaluatedValue]`, about ")
              .Append((recorded.RecordedBytes / (double)Math.Max(1, recorded.RecordedValues)).ToString("0", Invariant)).Append(" bytes a value; a cluster's value lists all its properties)");
            if (off is not null) md.Append("; with recording off, one attribute that says why (").Append(off.RecordedBytes).Append(" bytes)");
            md.Append(".\n");
        }

        double Cpu(string mode, string scenario) => steps.FirstOrDefault(s => s.Mode == mode && s.Scenario == scenario)?.CpuMs ?? double.NaN;
        string Added(string scenario)
        {
            var alone = Cpu("None", scenario);
            var with = Cpu("Recording", scenario);
            return (with - alone).ToString("+0.0;-0.0", Invariant) + " ms (" + ((with - alone) / alone).ToString("+0%;-0%", Invariant) + ")";
        }

        double Fraction(string scenario) => (Cpu("Recording", scenario) - Cpu("None", scenario)) / Cpu("None", scenario);

        md.Append("\nWhat recording adds to the fleet generator: a keystroke in the fleet ").Append(Added("EditInsideTheFleet"))
          .Append(", a keystroke elsewhere ").Append(Added("UnrelatedEdit")).Append(", a cold run ").Append(Added("Cold")).Append(". ")
          .Append("A keystroke elsewhere evaluates nothing again (each recorded text is kept with the initializers it read, as member values are, ")
          .Append("and `ValuesExportTests` asserts that no text is evaluated or stored again and the step's output is Unchanged); a keystroke in one ")
          .Append("cluster evaluates that cluster, but the whole record is written and compiled again. ")
          .Append(Fraction("EditInsideTheFleet") >= 0.1 ? "That is more than a small fraction of the fleet generator's own keystroke cost" : "That is a small fraction of the fleet generator's own keystroke cost, but not nothing")
          .Append(", and a fleet is rarely referenced, so a project that declares ")
          .Append("a `[Fleet]`, `[ApplicationSet]` or `[Hub]` records only why it does not (off: the same cost as alone, within the noise), unless ")
          .Append("`HubDslRecordValues` is `true`; a class library of values records and shared clusters, what fleets reference, records by default. ")
          .Append("HUB024 in a fleet that uses such a project's declarations names the property to set.\n\n");
    }

    private sealed record ValuesExportRow(int Clusters, string Mode, string Scenario, int Runs, double CpuMs, double ExportStepMs, string Outputs, int RecordedBytes, int RecordedValues);

    private static List<ValuesExportRow> ValuesExportRows(string folder)
    {
        var path = Path.Combine(folder, "values-export.json");
        if (!File.Exists(path)) return new List<ValuesExportRow>();
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().Select(e => new ValuesExportRow(
            e.GetProperty("clusters").GetInt32(),
            e.GetProperty("mode").GetString()!,
            e.GetProperty("scenario").GetString()!,
            e.GetProperty("runs").GetInt32(),
            e.GetProperty("cpu_ms").GetDouble(),
            e.GetProperty("export_step_ms").GetDouble(),
            e.GetProperty("export_outputs").GetString()!,
            e.GetProperty("recorded_bytes").GetInt32(),
            e.GetProperty("recorded_values").GetInt32())).ToList();
    }
}
