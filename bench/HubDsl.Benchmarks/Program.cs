using BenchmarkDotNet.Running;
using HubDsl.Benchmarks;

// `write-fleet N FILE` writes a synthetic N-cluster fleet (for build and analyzer measurements); anything else runs benchmarks.
if (args.Length == 3 && args[0] == "write-fleet")
{
    File.WriteAllText(args[2], SyntheticFleetSource.Write(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);
