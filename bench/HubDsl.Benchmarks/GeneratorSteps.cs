using System.Globalization;
using System.Text.Json;
using HubDsl.Generators;
using HubDsl.Generators.Caching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HubDsl.Benchmarks;

/// <summary>
/// Per-step times the generator driver reports (trackIncrementalGeneratorSteps) for the cold run and the two
/// warm edits, and how each step's outputs were classified (Cached, Unchanged, Modified, New). The medians of
/// several rounds, written as JSON for the run-all report.
/// </summary>
public static class GeneratorSteps
{
    private static readonly string[] Names = typeof(TrackingNames).GetFields().Select(f => (string)f.GetValue(null)!).ToArray();

    public static void Run(IReadOnlyList<int> sizes, int rounds, string resultsFile)
    {
        var results = new List<object>();
        foreach (var clusters in sizes)
        {
            var compilation = SyntheticCompilation.Create(clusters);
            foreach (var scenario in new[] { "Cold", "UnrelatedEdit", "EditInsideTheFleet" })
            {
                var samples = new List<(double Total, Dictionary<string, double> Steps, Dictionary<string, string> Reasons)>();
                for (var round = 0; round < rounds + 1; round++)
                {
                    EvaluationCaches.Clear();
                    var driver = GeneratorBenchmarks.Driver(trackSteps: true).RunGenerators(compilation);
                    var input = scenario switch
                    {
                        "Cold" => (CSharpCompilation)compilation.Clone(),
                        "UnrelatedEdit" => SyntheticCompilation.WithUnrelatedEdit(compilation, round + 2),
                        _ => SyntheticCompilation.WithFleetEdit(compilation, round % 6 + 1),
                    };
                    if (scenario == "Cold")
                    {
                        EvaluationCaches.Clear();
                        driver = GeneratorBenchmarks.Driver(trackSteps: true);
                    }

                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    driver = driver.RunGenerators(input);
                    var elapsed = clock.Elapsed.TotalMilliseconds;
                    var result = driver.GetRunResult().Results.Single();
                    if (round == 0) continue; // the first round warms the JIT
                    var steps = Names.ToDictionary(n => n, n => result.TrackedSteps.TryGetValue(n, out var runs) ? runs.Sum(r => r.ElapsedTime.TotalMilliseconds) : 0);
                    var reasons = Names.ToDictionary(n => n, n => result.TrackedSteps.TryGetValue(n, out var runs)
                        ? string.Join(",", runs.SelectMany(r => r.Outputs).GroupBy(o => o.Reason).Select(g => g.Key + "×" + g.Count()))
                        : "-");
                    samples.Add((elapsed, steps, reasons));
                }

                results.Add(new
                {
                    clusters,
                    scenario,
                    total_ms = Median(samples.Select(s => s.Total)),
                    steps = Names.ToDictionary(n => n, n => Median(samples.Select(s => s.Steps[n]))),
                    outputs = samples[^1].Reasons,
                });
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generator steps: {clusters} clusters, {scenario}: {Median(samples.Select(s => s.Total)):0.0} ms"));
            }
        }

        File.WriteAllText(resultsFile, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
