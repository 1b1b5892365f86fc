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

// `report RESULTS-FOLDER OUTPUT.md` writes BENCHMARKS.md from a run of bench/run-all.sh.
if (args.Length == 3 && args[0] == "report")
{
    BenchmarkReport.Write(args[1], args[2]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);
