using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using HubDsl.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Benchmarks;

/// <summary>
/// Every HubDsl analyzer over one compilation of the synthetic fleet (what a build or a full-solution analysis
/// pays; the editor analyzes only the open file). Each run analyzes a fresh compilation, so nothing is reused.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(FleetRuleAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private CSharpCompilation _compilation = null!;

    [Params(10, 100, 1_000)]
    public int Clusters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = SyntheticCompilation.Create(Clusters);
        if (Analyzers.Length < 5) throw new InvalidOperationException("found only " + Analyzers.Length + " analyzers");
        var diagnostics = Analyze().GetAwaiter().GetResult();
        if (diagnostics.Length > 0) throw new InvalidOperationException("the synthetic fleet has findings: " + string.Join("; ", diagnostics.Take(5)));
    }

    [Benchmark]
    public async Task<int> AnalyzeCompilation() => (await Analyze()).Length;

    private Task<ImmutableArray<Diagnostic>> Analyze() =>
        ((CSharpCompilation)_compilation.Clone())
            .WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(AnalyzerOptions(), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();

    private static AnalyzerOptions AnalyzerOptions() => new(ImmutableArray<AdditionalText>.Empty);
}
