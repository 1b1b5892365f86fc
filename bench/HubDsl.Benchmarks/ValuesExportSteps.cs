using System.Globalization;
using System.Text.Json;
using HubDsl.Generators.Caching;
using HubDsl.Generators.Exports;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static HubDsl.Benchmarks.ValuesExportBenchmarks;

namespace HubDsl.Benchmarks;

/// <summary>
/// The values export on the synthetic fleet, every mode in one run: the generators' time per run without step
/// tracking (wall and the thread's CPU time, medians), then in tracked runs the export step's own time and how its
/// output was classified, and the size of the recorded attributes. Written as JSON for the run-all report, beside
/// <see cref="ValuesExportBenchmarks"/>.
/// </summary>
public static class ValuesExportSteps
{
    public static readonly string[] Scenarios = { "Cold", "UnrelatedEdit", "EditInsideTheFleet" };

    public static void Run(int clusters, int rounds, string resultsFile)
    {
        var compilation = SyntheticCompilation.Create(clusters);
        var modes = Enum.GetValues<ExportMode>();
        var samples = modes.SelectMany(m => Scenarios.Select(s => (m, s))).ToDictionary(k => k, _ => new Sample());

        // Rounds go through every mode and scenario in turn, so a drift in the machine's load or the JIT's tiering
        // reaches all of them alike; the first round only warms up.
        for (var round = 0; round < rounds + 1; round++)
        {
            foreach (var mode in modes)
            {
                foreach (var scenario in Scenarios)
                {
                    var sample = samples[(mode, scenario)];
                    var (wall, cpu, _) = Measure(compilation, mode, scenario, round, trackSteps: false);
                    var (_, _, tracked) = Measure(compilation, mode, scenario, round, trackSteps: true);
                    if (round == 0) continue;
                    sample.Wall.Add(wall);
                    if (cpu is { } value) sample.Cpu.Add(value);
                    var export = tracked.Results.FirstOrDefault(r => r.Generator.GetGeneratorType() == typeof(ValuesExportGenerator));
                    if (export.Generator is null) continue;
                    var steps = export.TrackedSteps.TryGetValue(ValuesExportGenerator.TrackingName, out var runs) ? runs : System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>.Empty;
                    sample.ExportStep.Add(steps.Sum(r => r.ElapsedTime.TotalMilliseconds));
                    sample.Reasons = string.Join(",", steps.SelectMany(r => r.Outputs).GroupBy(o => o.Reason).Select(g => g.Key + "×" + g.Count()));
                    var recorded = export.GeneratedSources.FirstOrDefault(s => s.HintName == ValuesExportGenerator.HintName);
                    sample.RecordedBytes = recorded.SourceText is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(recorded.SourceText.ToString());
                    sample.RecordedValues = recorded.SourceText is null ? 0 : recorded.SourceText.Lines.Count(l => l.ToString().StartsWith("[assembly:", StringComparison.Ordinal)) - 1;
                }
            }
        }

        var results = new List<object>();
        foreach (var ((mode, scenario), sample) in samples)
        {
            results.Add(new
            {
                clusters,
                mode = mode.ToString(),
                scenario,
                runs = sample.Wall.Count,
                wall_ms = Median(sample.Wall),
                cpu_ms = Median(sample.Cpu),
                export_step_ms = Median(sample.ExportStep),
                export_outputs = sample.Reasons,
                recorded_bytes = sample.RecordedBytes,
                recorded_values = sample.RecordedValues,
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"values export: {clusters} clusters, {mode}, {scenario}: {Median(sample.Wall):0.0} ms wall, {Median(sample.Cpu):0.00} ms CPU; export step {Median(sample.ExportStep):0.00} ms ({sample.Reasons}); {sample.RecordedValues} values, {sample.RecordedBytes} bytes"));
        }

        File.WriteAllText(resultsFile, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
    }

    private sealed class Sample
    {
        public List<double> Wall { get; } = new();

        public List<double> Cpu { get; } = new();

        public List<double> ExportStep { get; } = new();

        public string Reasons { get; set; } = "-";

        public int RecordedBytes { get; set; }

        public int RecordedValues { get; set; }
    }

    // One run of the scenario from a fresh driver and cache: a cold run, or a warm driver handed an edited compilation.
    private static (double Wall, double? Cpu, GeneratorDriverRunResult Result) Measure(CSharpCompilation compilation, ExportMode mode, string scenario, int round, bool trackSteps)
    {
        EvaluationCaches.Clear();
        GeneratorDriver driver;
        CSharpCompilation input;
        if (scenario == "Cold")
        {
            driver = Driver(mode, trackSteps);
            input = (CSharpCompilation)compilation.Clone();
        }
        else
        {
            driver = Driver(mode, trackSteps).RunGenerators(compilation);
            input = scenario == "UnrelatedEdit" ? SyntheticCompilation.WithUnrelatedEdit(compilation, round + 2) : SyntheticCompilation.WithFleetEdit(compilation, round % 6 + 1);
        }

        var cpuBefore = ThreadCpuTime.NowMilliseconds();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        driver = driver.RunGenerators(input);
        var wall = clock.Elapsed.TotalMilliseconds;
        var cpuAfter = ThreadCpuTime.NowMilliseconds();
        return (wall, cpuBefore is { } b && cpuAfter is { } a ? a - b : null, driver.GetRunResult());
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
