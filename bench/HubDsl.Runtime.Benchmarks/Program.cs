using BenchmarkDotNet.Running;
using HubDsl.Runtime.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(StatusBenchmarks).Assembly).Run(args);
