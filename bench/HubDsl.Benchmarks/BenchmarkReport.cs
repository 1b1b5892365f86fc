using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HubDsl.Benchmarks;

/// <summary>
/// Writes BENCHMARKS.md from one run of bench/run-all.sh: BenchmarkDotNet's JSON reports, the generator's
/// per-step times, the peers and the build cost. Every figure in the file comes from those results; the prose
/// around them only says how to read them and, where growth with N is not linear, why.
/// </summary>
public static partial class BenchmarkReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(string resultsFolder, string outputFile)
    {
        var bdn = LoadBenchmarkDotNet(resultsFolder);
        var md = new StringBuilder();
        md.Append("# HubDsl benchmarks\n\n");
        md.Append("Written by `bench/run-all.sh` from the run of ").Append(File.ReadAllText(Path.Combine(resultsFolder, "started.txt")).Trim())
          .Append(". Regenerate with `bench/run-all.sh` (about 15 minutes on the machine below); every number below comes from that run.\n\n");
        Machine(md, resultsFolder);
        Targets(md, bdn, resultsFolder);
        Generator(md, bdn, resultsFolder);
        ValuesExport(md, bdn, resultsFolder);
        Analyzers(md, bdn);
        Emitter(md, bdn);
        Renderer(md, bdn);
        Status(md, bdn);
        Peers(md, bdn, resultsFolder);
        Watch(md, resultsFolder);
        BuildCost(md, resultsFolder);
        File.WriteAllText(outputFile, md.ToString());
    }

    private static void Machine(StringBuilder md, string folder)
    {
        md.Append("## Machine\n\n");
        foreach (var line in File.ReadAllLines(Path.Combine(folder, "machine.txt"))) md.Append("- ").Append(line).Append('\n');
        md.Append("\nBenchmarkDotNet ShortRun job (3 warm-up and 3 measured iterations, each in its own process), Release builds. ")
          .Append("Means are reported; BenchmarkDotNet's error columns are in `bench-results/` of the run.\n\n");
    }

    private static void Targets(StringBuilder md, Dictionary<string, Row> bdn, string folder)
    {
        md.Append("## Targets (issue 8)\n\n| target | measured | met |\n|---|---|---|\n");
        var steps = GeneratorStepRows(folder);
        var unrelated = steps.FirstOrDefault(s => s.Clusters == 1000 && s.Scenario == "UnrelatedEdit");
        if (unrelated is not null)
        {
            var regenerated = unrelated.Outputs.Where(o => o.Value.Contains("Modified") || o.Value.Contains("New")).Select(o => o.Key).ToList();
            md.Append("| an unrelated edit regenerates nothing | 1,000 clusters: every output step ").Append(regenerated.Count == 0 ? "Cached/Unchanged" : "regenerated " + string.Join(", ", regenerated))
              .Append(" (also asserted by `IncrementalTests`) | ").Append(regenerated.Count == 0 ? "yes" : "**no**").Append(" |\n");
        }

        foreach (var method in new[] { "UnrelatedEdit", "EditInsideTheFleet" })
        {
            if (bdn.TryGetValue("GeneratorBenchmarks." + method + "(Clusters=1000)", out var warm))
            {
                md.Append("| 1,000 clusters generate in under 100 ms warm (").Append(method == "UnrelatedEdit" ? "keystroke elsewhere" : "keystroke in the fleet").Append(") | ")
                  .Append(Ms(warm.MeanNs)).Append(" | ").Append(warm.MeanNs < 100e6 ? "yes" : "**no**").Append(" |\n");
            }
        }

        if (BuildCostRows(folder) is { } build && build.FirstOrDefault(b => b.Scenario == "noop") is { } noop)
        {
            md.Append("| no-op incremental build costs under 10% more than without HubDsl | ").Append((noop.Ratio - 1).ToString("P0", Invariant)).Append(" more (")
              .Append(noop.WithMs.ToString("0", Invariant)).Append(" ms vs ").Append(noop.WithoutMs.ToString("0", Invariant)).Append(" ms, medians) | ")
              .Append(noop.Ratio < 1.10 ? "yes" : "**no**").Append(" |\n");
        }

        foreach (var peer in PeerRows(folder).Where(p => !p.IsHubDsl))
        {
            md.Append("| HubDsl faster than ").Append(peer.Tool).Append(", ").Append(peer.Clusters.ToString("#,0", Invariant)).Append(" clusters | ")
              .Append(Number(peer.MedianMs)).Append(" ms vs HubDsl cold ").Append(Number(peer.HubDslMs)).Append(" ms (").Append((peer.MedianMs / peer.HubDslMs).ToString("0.0", Invariant))
              .Append("×), after an edit ").Append(Number(peer.HubDslWarmMs)).Append(" ms (").Append((peer.MedianMs / peer.HubDslWarmMs).ToString("0", Invariant)).Append("×) | ")
              .Append(peer.MedianMs > peer.HubDslMs ? "yes" : "cold: **no**; after an edit: " + (peer.MedianMs > peer.HubDslWarmMs ? "yes" : "**no**")).Append(" |\n");
        }

        md.Append('\n');
        var slowerCold = PeerRows(folder).Where(p => !p.IsHubDsl && p.MedianMs <= p.HubDslMs).ToList();
        if (slowerCold.Count > 0)
        {
            md.Append("Where HubDsl's cold run is not faster (")
              .Append(string.Join(", ", slowerCold.Select(p => p.Tool + " at " + p.Clusters.ToString("#,0", Invariant) + " clusters: " + Number(p.MedianMs) + " ms vs " + Number(p.HubDslMs) + " ms")))
              .Append("): a cold HubDsl run is mostly Roslyn binding the C# declarations, a fresh compilation's fixed cost included (the `Fleet` ")
              .Append("and `ApplicationSet` steps in the step table below), which HubDsl cannot skip on the first run. It is paid once per ")
              .Append("compiler process (the IDE, the compiler server of `dotnet build`); every later edit costs the \"after an edit\" time, which ")
              .Append("is faster than Pkl at every size measured.\n\n");
        }
    }

    private static void Generator(StringBuilder md, Dictionary<string, Row> bdn, string folder)
    {
        md.Append("## Generator\n\n")
          .Append("The synthetic fleet: N clusters (labels env, region, deploy over four environments), three ApplicationSets with typed ")
          .Append("values per environment (`bench/HubDsl.Benchmarks/SyntheticFleetSource.cs`). *Cold*: a new generator driver on a new ")
          .Append("compilation with nothing kept from earlier runs. *Unrelated edit*: a keystroke in another file (a method body). *Edit in the ")
          .Append("fleet*: a keystroke in one cluster's label. Warm runs alternate between two edited compilations, as an editor never ")
          .Append("hands the generator the same compilation twice.\n\n");
        Table(md, bdn, "GeneratorBenchmarks", new[] { "Cold", "UnrelatedEdit", "EditInsideTheFleet" }, "Clusters");
        Growth(md, bdn, "GeneratorBenchmarks", "Cold", "Clusters");

        var steps = GeneratorStepRows(folder);
        if (steps.Count > 0)
        {
            md.Append("\nPer-step time reported by the generator driver (`trackIncrementalGeneratorSteps`, median of ")
              .Append("5 runs, each from a fresh driver and cache; steps under 0.5 ms omitted) and how each step's outputs were classified. ")
              .Append("Step tracking records every item, so these totals are higher than the BenchmarkDotNet times above, which run without it:\n\n| N | run | total | steps | outputs |\n|---|---|---|---|---|\n");
            foreach (var s in steps)
            {
                md.Append("| ").Append(s.Clusters.ToString("#,0", Invariant)).Append(" | ").Append(s.Scenario).Append(" | ").Append(s.TotalMs.ToString("0.0", Invariant)).Append(" ms | ")
                  .Append(string.Join(", ", s.Steps.Where(p => p.Value >= 0.5).Select(p => p.Key + " " + p.Value.ToString("0.0", Invariant)))).Append(" | ")
                  .Append(string.Join("; ", s.Outputs.Where(o => o.Value != "-").Select(o => o.Key + " " + o.Value))).Append(" |\n");
            }
        }

        md.Append("\nWhy warm runs are cheap: Roslyn re-runs a generator's `ForAttributeWithMetadataName` transform on every edit (a new ")
          .Append("compilation brings a new semantic model), so HubDsl keeps each evaluated member value with the members it read and reuses it ")
          .Append("while none of them changed (`generators/HubDsl.Generators/Caching`); each cluster's Secret and spoke RBAC is its own ")
          .Append("pipeline step, so an edit to one cluster re-emits one cluster's files. A structural edit (a member added, a signature, ")
          .Append("a constant) empties the cache and costs a cold evaluation.\n\n");
    }

    /// <summary>Only the recorded-values section, from a run of its own benchmarks (bench/run-all.sh writes it with the rest).</summary>
    public static string ValuesExportSection(string resultsFolder)
    {
        var md = new StringBuilder();
        ValuesExport(md, LoadBenchmarkDotNet(resultsFolder), resultsFolder);
        return md.ToString();
    }

    private static void Analyzers(StringBuilder md, Dictionary<string, Row> bdn)
    {
        md.Append("## Analyzers\n\nAll HubDsl analyzers over one fresh compilation of the synthetic fleet (`CompilationWithAnalyzers`), as a build ")
          .Append("or a full-solution analysis pays it; the editor analyzes only open files. This includes binding every declaration ")
          .Append("and rendering each ApplicationSet for its rules.\n\n");
        Table(md, bdn, "AnalyzerBenchmarks", new[] { "AnalyzeCompilation" }, "Clusters");
        Growth(md, bdn, "AnalyzerBenchmarks", "AnalyzeCompilation", "Clusters");
        md.Append('\n');
    }

    private static void Emitter(StringBuilder md, Dictionary<string, Row> bdn)
    {
        md.Append("## Emitter\n\nBound models in, every manifest's YAML out (cluster Secrets, spoke RBAC, ApplicationSets, values files).\n\n| N | mean | YAML | throughput |\n|---|---|---|---|\n");
        foreach (var n in new[] { 10, 100, 1_000, 10_000 })
        {
            if (!bdn.TryGetValue("EmitterBenchmarks.Emit(Clusters=" + n + ")", out var row)) continue;
            var (fleet, appSets) = EmitterBenchmarks.Models(n);
            var bytes = EmitterBenchmarks.Bytes(fleet, appSets);
            md.Append("| ").Append(n.ToString("#,0", Invariant)).Append(" | ").Append(Ms(row.MeanNs)).Append(" | ").Append((bytes / 1024.0 / 1024.0).ToString("0.00", Invariant)).Append(" MiB | ")
              .Append((bytes / 1024.0 / 1024.0 / (row.MeanNs / 1e9)).ToString("0.0", Invariant)).Append(" MiB/s |\n");
        }

        Growth(md, bdn, "EmitterBenchmarks", "Emit", "Clusters");
        md.Append('\n');
    }

    private static void Renderer(StringBuilder md, Dictionary<string, Row> bdn)
    {
        var byMode = bdn.Values.Where(r => r.Type == "RenderBenchmarks").ToList();
        md.Append("## Preview renderer\n\nThe scenario's ApplicationSet over N cluster Secrets, as `hubdsl preview` renders it.\n\n| N | template mode | mean | Applications/s |\n|---|---|---|---|\n");
        foreach (var n in new[] { 100, 1_000, 10_000 })
        {
            foreach (var go in new[] { false, true })
            {
                if (!bdn.TryGetValue("RenderBenchmarks.Render(Clusters=" + n + ", GoTemplate=" + (go ? "True" : "False") + ")", out var row)) continue;
                md.Append("| ").Append(n.ToString("#,0", Invariant)).Append(" | ").Append(go ? "goTemplate" : "fasttemplate").Append(" | ").Append(Ms(row.MeanNs)).Append(" | ")
                  .Append((n / (row.MeanNs / 1e9)).ToString("#,0", Invariant)).Append(" |\n");
            }
        }

        foreach (var mode in new[] { "False", "True" })
        {
            var rows = byMode.Where(r => r.Parameters.Contains("GoTemplate=" + mode, StringComparison.Ordinal))
                .ToDictionary(r => "RenderBenchmarks.Render(Clusters=" + r.Parameter("Clusters") + ")", r => r with { Method = "Render" + (mode == "True" ? " (goTemplate)" : " (fasttemplate)") });
            Growth(md, rows, "RenderBenchmarks", "Render" + (mode == "True" ? " (goTemplate)" : " (fasttemplate)"), "Clusters");
        }

        md.Append('\n');
    }

    private static void Status(StringBuilder md, Dictionary<string, Row> bdn)
    {
        md.Append("## `status` fan-out\n\nThe health probes behind `hubdsl status`: N emulated spokes on loopback (`tests/Infrastructure/HubDsl.KubeEmulator`), each answering every ")
          .Append("request after 50 ms. Sequential probing would need at least N × 50 ms. *Whole command* is `hubdsl status -o json` in process: ")
          .Append("the hub's cluster Secrets and Applications read, the probes, the report written.\n\n| spokes | mean | sequential floor | speed-up | whole command |\n|---|---|---|---|---|\n");
        foreach (var n in new[] { 10, 100 })
        {
            if (!bdn.TryGetValue("StatusBenchmarks.ProbeAll(Spokes=" + n + ")", out var row)) continue;
            var floor = n * 50.0;
            var command = bdn.TryGetValue("StatusBenchmarks.StatusCommand(Spokes=" + n + ")", out var whole) ? Ms(whole.MeanNs) : "n/a";
            md.Append("| ").Append(n).Append(" | ").Append(Ms(row.MeanNs)).Append(" | ").Append(floor.ToString("#,0", Invariant)).Append(" ms | ")
              .Append((floor / (row.MeanNs / 1e6)).ToString("0.0", Invariant)).Append("× | ").Append(command).Append(" |\n");
        }

        md.Append("\nThe probes run concurrently (up to 128 at once), so the time grows with N far less than the sequential floor does; what ")
          .Append("remains is TLS handshakes and request handling for N spokes served by one process on this 2-core machine.\n\n");
    }

    private static void Peers(StringBuilder md, Dictionary<string, Row> bdn, string folder)
    {
        var rows = PeerRows(folder);
        md.Append("## Peers\n\n");
        if (rows.Count == 0)
        {
            md.Append("No peer results in this run.\n\n");
            return;
        }

        md.Append("The same synthetic fleet (N clusters, one ApplicationSet, values for four environments) produced three ways, in the same run ")
          .Append("(`bench/HubDsl.Benchmarks/Peers`): HubDsl's generator in process with nothing cached (a cold evaluation; JIT already warm), ")
          .Append("Pkl evaluating `bench/peers/pkl/Fleet.pkl` with `pkl eval -m` (typed Pkl classes for the same fleet, writing the same files; ")
          .Append("*same manifests* means every file HubDsl writes was written by Pkl and reads back equal, checked document by document), and ")
          .Append("`helm template` once per cluster with that cluster's `values.yaml` + `values-<env>.yaml` (how a values-per-cluster setup renders; ")
          .Append("its output is each cluster's rendered chart, so there is nothing to compare). Pkl is a native binary, so its time includes ")
          .Append("starting a process; HubDsl's runs inside the compiler that is already running. Ratios are the tool's median over HubDsl's ")
          .Append("cold median and over HubDsl's time after an edit to one cluster (what an editor or a rebuild pays; Pkl and Helm have no ")
          .Append("incremental mode and evaluate everything each time).\n\n");
        md.Append("| N | tool | first run | median | runs | ÷ HubDsl cold | ÷ HubDsl after an edit | same manifests |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var r in rows)
        {
            md.Append("| ").Append(r.Clusters.ToString("#,0", Invariant)).Append(" | ").Append(r.Tool).Append(" | ").Append(Number(r.ColdMs)).Append(" ms | ")
              .Append(Number(r.MedianMs)).Append(" ms | ").Append(r.IsHubDsl || r.Tool.StartsWith("Pkl", StringComparison.Ordinal) ? "9" : "1").Append(" | ")
              .Append(r.IsHubDsl ? "" : (r.MedianMs / r.HubDslMs).ToString("0.0", Invariant) + "×").Append(" | ")
              .Append(r.IsHubDsl ? "" : (r.MedianMs / r.HubDslWarmMs).ToString("0", Invariant) + "×").Append(" | ").Append(r.Equal is null ? "n/a" : r.Equal.Value ? "yes" : "**no**").Append(" |\n");
        }

        md.Append('\n');
    }

    private static string Number(double ms) => ms < 100 ? ms.ToString("0.0", Invariant) : ms.ToString("#,0", Invariant);

    private static void BuildCost(StringBuilder md, string folder)
    {
        md.Append("## Build cost\n\n`dotnet build` of `examples/AgentFleet` referencing the packed HubDsl package, against the same sources referencing ")
          .Append("only the DSL library (so the code compiles but no generator, analyzer or MSBuild task runs). Medians of the runs below ")
          .Append("(`bench/scripts/measure-build-cost.sh`): *cold* = `bin`/`obj` removed and build servers shut down; *no-op* = nothing ")
          .Append("changed; *edit* = one label in `Clusters.cs` changed, so the compiler, generator and analyzers run.\n\n");
        var rows = BuildCostRows(folder);
        if (rows is null)
        {
            md.Append("No build-cost results in this run.\n\n");
            return;
        }

        md.Append("| scenario | with HubDsl | without | ratio | runs with / without (ms) |\n|---|---|---|---|---|\n");
        foreach (var r in rows)
        {
            md.Append("| ").Append(r.Scenario).Append(" | ").Append(r.WithMs.ToString("#,0", Invariant)).Append(" ms | ").Append(r.WithoutMs.ToString("#,0", Invariant)).Append(" ms | ")
              .Append(r.Ratio.ToString("0.00", Invariant)).Append(" | ").Append(r.Runs).Append(" |\n");
        }

        md.Append('\n');
    }

    private static void Table(StringBuilder md, Dictionary<string, Row> bdn, string type, string[] methods, string parameter)
    {
        var sizes = bdn.Values.Where(r => r.Type == type).Select(r => r.Parameter(parameter)).Distinct().OrderBy(n => n).ToList();
        md.Append("| N | ").Append(string.Join(" | ", methods)).Append(" |\n|---|").Append(string.Concat(methods.Select(_ => "---|"))).Append('\n');
        foreach (var n in sizes)
        {
            md.Append("| ").Append(n.ToString("#,0", Invariant));
            foreach (var method in methods)
            {
                var row = bdn.Values.FirstOrDefault(r => r.Type == type && r.Method == method && r.Parameter(parameter) == n);
                md.Append(" | ").Append(row is null ? "-" : Ms(row.MeanNs) + " (" + Allocated(row.AllocatedBytes) + ")");
            }

            md.Append(" |\n");
        }
    }

    // How cost grows per 10× more clusters; 10× is linear. Below 10× a fixed cost per run still shows.
    private static void Growth(StringBuilder md, Dictionary<string, Row> bdn, string type, string method, string parameter)
    {
        var rows = bdn.Values.Where(r => r.Type == type && r.Method == method).OrderBy(r => r.Parameter(parameter)).ToList();
        var steps = new List<string>();
        for (var i = 1; i < rows.Count; i++)
        {
            var factor = rows[i].MeanNs / rows[i - 1].MeanNs;
            var sizeFactor = (double)rows[i].Parameter(parameter) / rows[i - 1].Parameter(parameter);
            var allocation = rows[i - 1].AllocatedBytes > 0 ? rows[i].AllocatedBytes / rows[i - 1].AllocatedBytes : 0;
            var note = factor < sizeFactor * 0.7 ? "sub-linear: a fixed per-run cost still dominates at " + rows[i - 1].Parameter(parameter).ToString("#,0", Invariant)
                : factor > sizeFactor * 1.6
                    ? "super-linear; allocation grows ×" + allocation.ToString("0.0", Invariant) + " (" + Allocated(rows[i - 1].AllocatedBytes) + " → " + Allocated(rows[i].AllocatedBytes)
                      + " per run), so the work done is linear; the time per item rises because what a run builds (its live set) outgrows the CPU caches"
                      + (rows[i].Gen2PerThousand > rows[i - 1].Gen2PerThousand
                          ? " and survives into older GC generations (" + rows[i].Gen2PerThousand.ToString("0", Invariant) + " gen2 collections per 1,000 runs, " + rows[i - 1].Gen2PerThousand.ToString("0", Invariant) + " at the smaller size)"
                          : string.Empty)
                : "about linear";
            steps.Add(rows[i - 1].Parameter(parameter).ToString("#,0", Invariant) + "→" + rows[i].Parameter(parameter).ToString("#,0", Invariant) + ": ×" + factor.ToString("0.0", Invariant) + " (" + note + ")");
        }

        if (steps.Count > 0) md.Append("\nGrowth of `").Append(method).Append("` with N: ").Append(string.Join("; ", steps)).Append(".\n");
    }

    private static string Ms(double ns) => ns >= 1e9 ? (ns / 1e9).ToString("0.00", Invariant) + " s" : ns >= 1e7 ? (ns / 1e6).ToString("0", Invariant) + " ms" : (ns / 1e6).ToString("0.00", Invariant) + " ms";

    private static string Allocated(double bytes) => bytes >= 1024 * 1024 ? (bytes / 1024 / 1024).ToString("0.0", Invariant) + " MiB" : (bytes / 1024).ToString("0", Invariant) + " KiB";

    private sealed record Row(string Type, string Method, string Parameters, double MeanNs, double AllocatedBytes, double Gen2PerThousand)
    {
        public int Parameter(string name)
        {
            foreach (var part in Parameters.Split('&', ','))
            {
                var pair = part.Trim().Split('=');
                if (pair.Length == 2 && pair[0] == name && int.TryParse(pair[1], NumberStyles.Integer, Invariant, out var value)) return value;
            }

            return 0;
        }
    }

    private static Dictionary<string, Row> LoadBenchmarkDotNet(string folder)
    {
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*-report-full*.json", SearchOption.AllDirectories))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var b in doc.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                if (!b.TryGetProperty("Statistics", out var stats) || stats.ValueKind != JsonValueKind.Object) continue;
                var type = b.GetProperty("Type").GetString()!;
                var method = b.GetProperty("Method").GetString()!;
                var parameters = b.GetProperty("Parameters").GetString() ?? string.Empty;
                var allocated = b.TryGetProperty("Memory", out var memory) && memory.TryGetProperty("BytesAllocatedPerOperation", out var a) ? a.GetDouble() : 0;
                var gen2 = memory.ValueKind == JsonValueKind.Object && memory.TryGetProperty("Gen2Collections", out var g2) && memory.TryGetProperty("TotalOperations", out var ops) && ops.GetDouble() > 0
                    ? g2.GetDouble() * 1000 / ops.GetDouble() : 0;
                var row = new Row(type, method, parameters, stats.GetProperty("Mean").GetDouble(), allocated, gen2);
                rows[type + "." + method + "(" + string.Join(", ", parameters.Split('&').Select(p => p.Trim())) + ")"] = row;
            }
        }

        return rows;
    }

    private sealed record StepRow(int Clusters, string Scenario, double TotalMs, Dictionary<string, double> Steps, Dictionary<string, string> Outputs);

    private static List<StepRow> GeneratorStepRows(string folder)
    {
        var path = Path.Combine(folder, "generator-steps.json");
        if (!File.Exists(path)) return new List<StepRow>();
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().Select(e => new StepRow(
            e.GetProperty("clusters").GetInt32(),
            e.GetProperty("scenario").GetString()!,
            e.GetProperty("total_ms").GetDouble(),
            e.GetProperty("steps").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()),
            e.GetProperty("outputs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!))).ToList();
    }

    private sealed record BuildRow(string Scenario, double WithMs, double WithoutMs, double Ratio, string Runs);

    private static List<BuildRow>? BuildCostRows(string folder)
    {
        var path = Path.Combine(folder, "build-cost.json");
        if (!File.Exists(path)) return null;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("results").EnumerateArray().Select(e => new BuildRow(
            e.GetProperty("scenario").GetString()!,
            e.GetProperty("with_ms").GetDouble(),
            e.GetProperty("without_ms").GetDouble(),
            e.GetProperty("ratio").GetDouble(),
            string.Join(" ", e.GetProperty("with_runs").EnumerateArray().Select(x => x.GetInt32())) + " / " + string.Join(" ", e.GetProperty("without_runs").EnumerateArray().Select(x => x.GetInt32())))).ToList();
    }

    private sealed record PeerRow(int Clusters, string Tool, double ColdMs, double MedianMs, double HubDslMs, double HubDslWarmMs, bool? Equal, string Note)
    {
        public bool IsHubDsl => Tool.StartsWith("HubDsl", StringComparison.Ordinal);
    }

    // The peer harness's results (bench/HubDsl.Benchmarks/Peers/PeerComparison.cs); HubDsl's own row is the baseline.
    private static List<PeerRow> PeerRows(string folder)
    {
        var path = Path.Combine(folder, "peers.json");
        if (!File.Exists(path)) return new List<PeerRow>();
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray()
            .Select(e => new PeerRow(
                e.GetProperty("Clusters").GetInt32(),
                e.GetProperty("Tool").GetString()!,
                e.GetProperty("ColdMs").GetDouble(),
                e.GetProperty("MedianMs").GetDouble(),
                e.GetProperty("HubDslMs").GetDouble(),
                e.GetProperty("HubDslWarmMs").GetDouble(),
                e.GetProperty("OutputsEqual").ValueKind == JsonValueKind.Null ? null : e.GetProperty("OutputsEqual").GetBoolean(),
                e.GetProperty("Note").GetString() ?? string.Empty))
            .ToList();
    }
}
