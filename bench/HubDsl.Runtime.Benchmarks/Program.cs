using BenchmarkDotNet.Running;
using HubDsl.Runtime.Benchmarks;

if (args.Length > 0 && args[0] == "apply-scale") return await ApplyScale.RunAsync(args.Skip(1).ToArray());
BenchmarkSwitcher.FromAssembly(typeof(StatusBenchmarks).Assembly).Run(args);
return 0;
