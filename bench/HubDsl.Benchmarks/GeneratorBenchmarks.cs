using BenchmarkDotNet.Attributes;
using HubDsl.Generators;
using HubDsl.Generators.Caching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HubDsl.Benchmarks;

/// <summary>
/// The generator on synthetic fleets (N clusters, three ApplicationSets): a cold run (new driver, fresh
/// compilation, no values kept from earlier compilations), and warm incremental runs after a keystroke in an
/// unrelated file and after a keystroke inside the fleet (one cluster's label), as an editor produces them.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private CSharpCompilation[] _unrelatedEdits = null!;
    private CSharpCompilation[] _fleetEdits = null!;
    private int _next;

    [Params(10, 100, 1_000)]
    public int Clusters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = SyntheticCompilation.Create(Clusters);
        _warm = Driver().RunGenerators(_compilation);
        var files = _warm.GetRunResult().Results.Single().GeneratedSources.Length;
        if (files < 3) throw new InvalidOperationException("the synthetic fleet generated only " + files + " sources");

        // Two alternating edits, so that every measured run sees a compilation that differs from the one before
        // it (an editor never hands the generator the same compilation twice).
        _unrelatedEdits = new[] { SyntheticCompilation.WithUnrelatedEdit(_compilation, 2), SyntheticCompilation.WithUnrelatedEdit(_compilation, 3) };
        _fleetEdits = new[] { SyntheticCompilation.WithFleetEdit(_compilation, 8), SyntheticCompilation.WithFleetEdit(_compilation, 9) };
    }

    [Benchmark]
    public GeneratorDriver Cold()
    {
        EvaluationCaches.Clear();
        return Driver().RunGenerators((CSharpCompilation)_compilation.Clone());
    }

    [Benchmark]
    public GeneratorDriver UnrelatedEdit() => _warm.RunGenerators(_unrelatedEdits[_next++ & 1]);

    [Benchmark]
    public GeneratorDriver EditInsideTheFleet() => _warm.RunGenerators(_fleetEdits[_next++ & 1]);

    internal static GeneratorDriver Driver(bool trackSteps = false) => CSharpGeneratorDriver.Create(
        new[] { new ManifestGenerator().AsSourceGenerator() }, parseOptions: SyntheticCompilation.ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
}
