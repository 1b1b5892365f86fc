using BenchmarkDotNet.Running;
using HubDsl.Benchmarks;

// `write-fleet N FILE` writes a synthetic N-cluster fleet (for build and analyzer measurements); anything else runs benchmarks.
if (args.Length == 3 && args[0] == "write-fleet")
{
    File.WriteAllText(args[2], SyntheticFleetSource.Write(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

// `generator-steps SIZES ROUNDS FILE` writes the driver's per-step times as JSON (for bench/run-all.sh).
if (args.Length == 4 && args[0] == "generator-steps")
{
    GeneratorSteps.Run(args[1].Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList(), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]);
    return;
}

// `chart-check CHART ROUNDS`: what checking values against a chart (argo-cd) adds per compilation (HUB025-HUB027).
if (args.Length == 3 && args[0] == "chart-check")
{
    ChartCheckSteps.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

// `chart-record VALUES_YAML ROUNDS`: a [ChartValues] record typed from the argo-cd chart (generation, keystroke, analyzers).
if (args.Length == 3 && args[0] == "chart-record")
{
    ChartRecordSteps.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

// `values-export N ROUNDS FILE` writes the export step's times, its outputs' classification and the recorded size as JSON.
if (args.Length == 4 && args[0] == "values-export")
{
    ValuesExportSteps.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]);
    return;
}

// `write-manifests N FOLDER` writes what HubDsl generates for the synthetic N-cluster fleet (one ApplicationSet).
if (args.Length == 3 && args[0] == "write-manifests")
{
    foreach (var file in HubDsl.Benchmarks.Peers.HubDslFleetOutput.Manifests(HubDsl.Benchmarks.Peers.HubDslFleetOutput.GenerateCold(HubDsl.Benchmarks.Peers.HubDslFleetOutput.Compilation(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)))))
    {
        var path = Path.Combine(args[2], file.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, file.Content);
    }

    return;
}

// `peers SIZES RESULTS.json` runs HubDsl, Pkl and per-cluster helm template on the same fleet (bench/peers).
if (args.Length == 3 && args[0] == "peers")
{
    var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
    Environment.ExitCode = HubDsl.Benchmarks.Peers.PeerComparison.Run(args[1].Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList(), root, args[2]);
    return;
}

// `report-values-export RESULTS-FOLDER` prints only the recorded-values section (from a run of its benchmarks alone).
if (args.Length == 2 && args[0] == "report-values-export")
{
    Console.Write(BenchmarkReport.ValuesExportSection(args[1]));
    return;
}

// `watch-latency EDITS BUILDS RESULTS.json` measures hubdsl watch's save-to-files time beside dotnet build and pkl eval (issue 18).
if (args.Length == 4 && args[0] == "watch-latency")
{
    var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
    Environment.ExitCode = WatchLatency.Run(root, int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]);
    return;
}

// `report-watch RESULTS-FOLDER` prints only the watch section (from a run of watch-latency alone).
if (args.Length == 2 && args[0] == "report-watch")
{
    Console.Write(BenchmarkReport.WatchSection(args[1]));
    return;
}

// `shards [SIZES]` prints the controller shard assignment's balance and stability (BENCHMARKS.md, controller shards).
if (args.Length is 1 or 2 && args[0] == "shards")
{
    ShardScale.Run((args.Length == 2 ? args[1] : "10,100,1000,10000").Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList());
    return;
}

// `report RESULTS-FOLDER OUTPUT.md` writes BENCHMARKS.md from a run of bench/run-all.sh.
if (args.Length == 3 && args[0] == "report")
{
    BenchmarkReport.Write(args[1], args[2]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);
