using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HubDsl.Benchmarks.Peers;

namespace HubDsl.Benchmarks;

/// <summary>
/// Save-to-files latency of <c>hubdsl watch</c> (issue 18), end to end as a user sees it: a real hubdsl process
/// watches a real project; each round saves one edit (a replica count in the prod values) and measures, from the
/// moment before the save to the moment the regenerated <c>helm/values-prod.yaml</c> on disk holds the new value
/// (polled every millisecond): the debounce, the read, the generator, the diagnostics, the file sync. Side by
/// side in the same run: <c>dotnet build</c> after the same kind of edit (to the same file written), and
/// <c>pkl eval -m</c> of the same synthetic fleet (bench/peers, process start included). Fleets: examples/AgentFleet,
/// and the 1,000-cluster synthetic fleet (<see cref="SyntheticFleetSource"/>).
/// </summary>
public static class WatchLatency
{
    private const string Target = "helm/values-prod.yaml";

    public sealed record Result(string Fleet, int Clusters, string Tool, List<double> Milliseconds, string Note)
    {
        public double Median => WatchLatency.Median(Milliseconds);
    }

    public static int Run(string root, int edits, int builds, string resultsFile)
    {
        var started = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        Execute("dotnet", ["build", "-c", "Release", Path.Combine(root, "src", "HubDsl.Cli"), "-nologo", "-v:q"], root, TimeSpan.FromMinutes(20));
        var hubdsl = Path.Combine(root, "src", "HubDsl.Cli", "bin", "Release", "net10.0", "hubdsl.dll");
        var results = new List<Result>();
        var work = Path.Combine(Path.GetTempPath(), "hubdsl-watch-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var example = Path.Combine(work, "example");
            Directory.CreateDirectory(example);
            var exampleSource = Path.Combine(root, "examples", "AgentFleet");
            foreach (var file in Directory.GetFiles(exampleSource, "*.cs")) File.Copy(file, Path.Combine(example, Path.GetFileName(file)));

            // AgentValues is typed from the example's chart ([ChartValues("helm")]): its own files come along, not the
            // values files the build writes.
            foreach (var file in Directory.GetFiles(Path.Combine(exampleSource, "helm"), "*", SearchOption.AllDirectories))
            {
                if (Path.GetFileName(file).StartsWith("values-", StringComparison.Ordinal)) continue;
                var target = Path.Combine(example, Path.GetRelativePath(exampleSource, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            Project(root, example, "AgentFleet");
            results.AddRange(Measure(hubdsl, "examples/AgentFleet", 3, example, "Agent.cs", "Replicas = 3,", v => "Replicas = " + v + ",", edits, builds));

            var synthetic = Path.Combine(work, "synthetic");
            Directory.CreateDirectory(synthetic);
            File.WriteAllText(Path.Combine(synthetic, "Fleet.cs"), SyntheticFleetSource.Write(1000));
            Project(root, synthetic, "Synthetic");
            results.AddRange(Measure(hubdsl, "synthetic", 1000, synthetic, "Fleet.cs", "Defaults with { Replicas = 3,", v => "Defaults with { Replicas = " + v + ",", edits, builds));

            var pkl = Path.Combine(root, ".tools", "pkl", "pkl");
            if (File.Exists(pkl))
            {
                var folder = Path.Combine(work, "pkl");
                Directory.CreateDirectory(folder);
                var module = Path.Combine(folder, "fleet-1000.pkl");
                File.WriteAllText(module, PklFleetSource.Write(1000, Path.Combine(root, "bench", "peers", "pkl", "Fleet.pkl")));
                var times = new List<double>();
                for (var i = 0; i <= edits; i++)
                {
                    var clock = Stopwatch.StartNew();
                    Execute(pkl, ["eval", "-m", Path.Combine(folder, "out-" + i), module], folder, TimeSpan.FromMinutes(5));
                    if (i > 0) times.Add(clock.Elapsed.TotalMilliseconds); // The first run warms the file cache.
                }

                results.Add(new Result("synthetic", 1000, "pkl eval -m", times, "the whole fleet evaluated to files (process start included)"));
            }
            else
            {
                Console.Error.WriteLine("watch-latency: no .tools/pkl/pkl (bench/peers/install-pkl.sh); Pkl left out");
            }
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }

        File.WriteAllText(resultsFile, JsonSerializer.Serialize(new
        {
            started,
            load = Load(),
            results = results.Select(r => new { r.Fleet, r.Clusters, r.Tool, r.Milliseconds, median = r.Median, r.Note }),
        }, new JsonSerializerOptions { WriteIndented = true }));
        foreach (var r in results) Console.WriteLine(r.Fleet + " " + r.Tool + ": p50 " + r.Median.ToString("0.#", CultureInfo.InvariantCulture) + " ms over " + r.Milliseconds.Count);
        return 0;
    }

    private static void Project(string root, string folder, string name)
    {
        var local = Path.Combine(root, "src", "HubDsl", "build", "HubDsl.Local.props");
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <OutputType>Library</OutputType>\n  </PropertyGroup>\n  <Import Project=\"" + local + "\" />\n</Project>\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project><PropertyGroup><Configuration Condition=\"'$(Configuration)' == ''\">Release</Configuration></PropertyGroup></Project>\n");
        Execute("dotnet", ["build", folder, "-nologo", "-v:q"], folder, TimeSpan.FromMinutes(20));
    }

    private static IEnumerable<Result> Measure(string hubdsl, string fleet, int clusters, string folder, string file, string original, Func<int, string> edit, int edits, int builds)
    {
        var source = Path.Combine(folder, file);
        var current = original;
        var saves = 0;
        var value = 0;
        string Save()
        {
            // Replica counts 4 to 19, in turn: the example's chart schema allows at most 20, and each save changes the value.
            value = 4 + saves++ % 16;
            var next = edit(value);
            File.WriteAllText(source, File.ReadAllText(source).Replace(current, next, StringComparison.Ordinal));
            current = next;
            return "replicas: " + value + "\n";
        }

        var watch = new List<double>();
        var ready = 0.0;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var arg in new[] { hubdsl, "watch", folder, "-o", "json" }) start.ArgumentList.Add(arg);
        using (var process = Process.Start(start)!)
        {
            var reports = new System.Collections.Concurrent.BlockingCollection<string>();
            process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) reports.Add(e.Data); };
            process.BeginOutputReadLine();
            _ = process.StandardError.ReadToEndAsync();
            try
            {
                string Report() => reports.TryTake(out var line, TimeSpan.FromMinutes(5)) ? line : throw new TimeoutException("watch gave no report within 5 minutes");
                Report(); // loaded
                Report(); // first pass

                // A user's first save comes after watch is ready (its warm-up after the load: until then a save runs code the
                // runtime has not optimised yet); the wait is reported beside the times.
                var warming = Stopwatch.StartNew();
                if (!Report().Contains("\"event\":\"ready\"", StringComparison.Ordinal)) throw new InvalidOperationException(fleet + ": watch reported something other than ready after its first pass");
                ready = warming.Elapsed.TotalMilliseconds;
                for (var i = 0; i <= edits; i++)
                {
                    var clock = Stopwatch.StartNew();
                    var expected = Save();
                    while (!Holds(Path.Combine(folder, Target), expected))
                    {
                        if (clock.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException(fleet + ": watch did not write " + Target + " within 5 minutes");
                        Thread.Sleep(1);
                    }

                    var elapsed = clock.Elapsed.TotalMilliseconds;
                    var report = Report();
                    if (!report.Contains("\"outcome\":\"written\"", StringComparison.Ordinal)) throw new InvalidOperationException(fleet + ": unexpected report " + report);
                    if (i > 0) watch.Add(elapsed); // The first save after the first pass still JITs the edit path.
                    Thread.Sleep(300);
                }
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }

        var build = new List<double>();
        for (var i = 0; i < builds; i++)
        {
            var expected = Save();
            var clock = Stopwatch.StartNew();
            Execute("dotnet", ["build", folder, "-nologo", "-v:q"], folder, TimeSpan.FromMinutes(20));
            build.Add(clock.Elapsed.TotalMilliseconds);
            if (!Holds(Path.Combine(folder, Target), expected)) throw new InvalidOperationException(fleet + ": dotnet build did not write " + Target);
        }

        yield return new Result(fleet, clusters, "hubdsl watch", watch, "save to " + Target + " written (the 50 ms debounce overlaps the pass; saves start once watch reports ready, " + ready.ToString("N0", CultureInfo.InvariantCulture) + " ms after its first pass)");
        if (builds > 0) yield return new Result(fleet, clusters, "dotnet build", build, "the same edit, then `dotnet build` (build servers warm) until it exits");
    }

    private static bool Holds(string path, string text)
    {
        try
        {
            return File.Exists(path) && File.ReadAllText(path).Contains(text, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void Execute(string file, string[] args, string folder, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(file + " " + string.Join(' ', args) + " did not finish");
        }

        if (process.ExitCode != 0) throw new InvalidOperationException(file + " " + string.Join(' ', args) + " failed: " + output.Result + error.Result);
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
