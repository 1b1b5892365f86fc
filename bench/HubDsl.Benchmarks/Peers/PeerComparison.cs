using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace HubDsl.Benchmarks.Peers;

/// <summary>
/// HubDsl against what users would pick instead, on the same synthetic fleet, in one run:
/// Pkl evaluating bench/peers/pkl (the same fleet, the same files, checked by <see cref="YamlSemantics"/>) and
/// `helm template` once per cluster with that cluster's values files (how a values-per-cluster setup renders).
/// Processes, so not BenchmarkDotNet: each tool's first run is reported as cold, then the median of the others.
/// </summary>
public static class PeerComparison
{
    private const int Runs = 9;

    public sealed record Result(int Clusters, string Tool, double ColdMs, double MedianMs, int Runs, double HubDslMs, double HubDslWarmMs, bool? OutputsEqual, string Note);

    public static int Run(IReadOnlyList<int> sizes, string repoRoot, string resultsFile)
    {
        var pkl = Path.Combine(repoRoot, ".tools", "pkl", "pkl");
        var helm = Path.Combine(repoRoot, ".tools", "helm");
        if (!File.Exists(pkl) || !File.Exists(helm))
        {
            Console.Error.WriteLine("peers: needs .tools/pkl/pkl and .tools/helm; run bench/peers/install-pkl.sh and .ci/install-tools.sh first.");
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("hubdsl-peers-").FullName;
        var results = new List<Result>();
        try
        {
            foreach (var n in sizes)
            {
                var (hubDslCold, hubDslMedian, manifests) = HubDsl(n);
                var hubDslWarm = HubDslAfterAnEdit(n);
                results.Add(new Result(n, "HubDsl generator, cold (in process)", hubDslCold, hubDslMedian, Runs, hubDslMedian, hubDslWarm, null, "first run: the first in the process (JIT); median: later runs, each with nothing cached"));
                results.Add(new Result(n, "HubDsl generator, after an edit to one cluster", hubDslWarm, hubDslWarm, Runs, hubDslMedian, hubDslWarm, null, "a warm generator driver and evaluation cache, as in an editor or the compiler server"));
                var expected = manifests.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
                results.Add(Pkl(pkl, Path.Combine(repoRoot, "bench", "peers", "pkl", "Fleet.pkl"), n, Path.Combine(work, "pkl-" + n), expected, hubDslMedian, hubDslWarm));
                results.Add(HelmPerCluster(helm, Path.Combine(repoRoot, "examples", "AgentFleet", "helm"), n, Path.Combine(work, "helm-" + n), expected, hubDslMedian, hubDslWarm));
                foreach (var r in results.Where(r => r.Clusters == n))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peers: {n} clusters, {r.Tool}: cold {r.ColdMs:0} ms, median {r.MedianMs:0.0} ms{(r.OutputsEqual is null ? "" : r.OutputsEqual.Value ? ", same manifests" : ", DIFFERENT manifests")}"));
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        File.WriteAllText(resultsFile, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
        return results.Any(r => r.OutputsEqual == false) ? 1 : 0;
    }

    private static (double Cold, double Median, IReadOnlyList<Core.Manifests.ManifestFile> Manifests) HubDsl(int clusters)
    {
        var compilation = HubDslFleetOutput.Compilation(clusters);
        var times = new List<double>();
        IReadOnlyList<Core.Manifests.ManifestFile> manifests = Array.Empty<Core.Manifests.ManifestFile>();
        for (var i = 0; i <= Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            var driver = HubDslFleetOutput.GenerateCold(compilation);
            times.Add(clock.Elapsed.TotalMilliseconds);
            manifests = HubDslFleetOutput.Manifests(driver);
        }

        return (times[0], Median(times.Skip(1)), manifests);
    }

    // Median of runs that each follow a one-cluster edit (alternating between two edits, so each run sees a change).
    private static double HubDslAfterAnEdit(int clusters)
    {
        var compilation = HubDslFleetOutput.Compilation(clusters);
        EvaluationCachesClear();
        var driver = GeneratorBenchmarks.Driver().RunGenerators(compilation);
        var edits = new[] { SyntheticCompilation.WithFleetEdit(compilation, 8), SyntheticCompilation.WithFleetEdit(compilation, 9) };
        var times = new List<double>();
        for (var i = 0; i <= Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            driver = driver.RunGenerators(edits[i & 1]);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return Median(times.Skip(1));
    }

    private static void EvaluationCachesClear() => global::HubDsl.Generators.Caching.EvaluationCaches.Clear();

    private static Result Pkl(string pkl, string fleetModule, int clusters, string folder, IReadOnlyDictionary<string, string> expected, double hubDsl, double hubDslWarm)
    {
        Directory.CreateDirectory(folder);
        var module = Path.Combine(folder, "fleet-" + clusters + ".pkl");
        File.WriteAllText(module, PklFleetSource.Write(clusters, fleetModule));
        var times = new List<double>();
        var output = string.Empty;
        for (var i = 0; i <= Runs; i++)
        {
            output = Path.Combine(folder, "out-" + i);
            times.Add(Time(pkl, new[] { "eval", "-m", output, module }, folder));
        }

        var written = Directory.GetFiles(output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(output, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
        var differences = YamlSemantics.Differences(expected, written);
        foreach (var difference in differences.Take(10)) Console.Error.WriteLine("peers: pkl differs: " + difference);
        return new Result(clusters, Version(pkl).Split(" (")[0], times[0], Median(times.Skip(1)), Runs, hubDsl, hubDslWarm, differences.Count == 0,
            written.Count + " files; `pkl eval -m` wall time (a native binary: process start included)");
    }

    private static Result HelmPerCluster(string helm, string chart, int clusters, string folder, IReadOnlyDictionary<string, string> expected, double hubDsl, double hubDslWarm)
    {
        // The values files HubDsl generated for the fleet; each cluster renders the chart with its environment's file.
        Directory.CreateDirectory(folder);
        foreach (var (path, content) in expected.Where(e => e.Key.StartsWith("helm/", StringComparison.Ordinal)))
        {
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(path)), content);
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < clusters; i++)
        {
            var env = SyntheticFleet.Environments[i % SyntheticFleet.Environments.Length];
            var (code, stdout) = Execute(helm, new[] { "template", "agent-cluster-" + i, chart, "-f", Path.Combine(folder, "values.yaml"), "-f", Path.Combine(folder, "values-" + env + ".yaml") }, folder);
            if (code != 0 || !stdout.Contains("kind: Deployment", StringComparison.Ordinal)) throw new InvalidOperationException("helm template failed for cluster-" + i + ": " + stdout);
        }

        var total = clock.Elapsed.TotalMilliseconds;
        return new Result(clusters, "helm template per cluster (Helm " + Version(helm).Split('+')[0] + ")", total, total, 1, hubDsl, hubDslWarm, null,
            "one `helm template` per cluster with values.yaml + values-<env>.yaml, one pass; renders each cluster's Deployment, a different output from the fleet manifests");
    }

    private static double Time(string file, string[] args, string folder)
    {
        var clock = Stopwatch.StartNew();
        var (code, output) = Execute(file, args, folder);
        if (code != 0) throw new InvalidOperationException(Path.GetFileName(file) + " failed: " + output);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static (int Code, string Output) Execute(string file, string[] args, string folder)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    private static string Version(string tool)
    {
        var (_, output) = Execute(tool, Path.GetFileName(tool) == "helm" ? new[] { "version", "--short" } : new[] { "--version" }, Path.GetTempPath());
        return output.Split('\n')[0].Trim();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
