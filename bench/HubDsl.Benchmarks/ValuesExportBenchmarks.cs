using BenchmarkDotNet.Attributes;
using HubDsl.Generators;
using HubDsl.Generators.Caching;
using HubDsl.Generators.Exports;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HubDsl.Benchmarks;

/// <summary>
/// What recording a project's values for referencing projects (<see cref="ValuesExportGenerator"/>) adds to the
/// generator's cost on the 1,000-cluster synthetic fleet, measured in the same run as the fleet generator alone:
/// a cold run, a keystroke in an unrelated file and a keystroke in one cluster's label, as in
/// <see cref="GeneratorBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class ValuesExportBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private CSharpCompilation[] _unrelatedEdits = null!;
    private CSharpCompilation[] _fleetEdits = null!;
    private int _next;

    [Params(1_000)]
    public int Clusters { get; set; }

    /// <summary>Which generators run: the fleet generator alone, or with the export generator recording values.</summary>
    [ParamsAllValues]
    public ExportMode Export { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = SyntheticCompilation.Create(Clusters);
        _warm = Driver(Export).RunGenerators(_compilation);
        // Recording writes the values; off writes one attribute that says why; alone writes no such file.
        var recorded = _warm.GetRunResult().Results.SelectMany(r => r.GeneratedSources).Where(s => s.HintName == ValuesExportGenerator.HintName).Select(s => s.SourceText.ToString()).SingleOrDefault();
        var expected = Export switch
        {
            ExportMode.Recording => recorded?.Contains("(\"M:Synthetic.Clusters.C999\"", StringComparison.Ordinal) == true,
            ExportMode.Off => recorded?.Contains("(\"off\", \"property\")", StringComparison.Ordinal) == true && !recorded.Contains("\"M:", StringComparison.Ordinal),
            _ => recorded is null,
        };
        if (!expected) throw new InvalidOperationException("export mode " + Export + " recorded: " + (recorded ?? "nothing"));
        _unrelatedEdits = new[] { SyntheticCompilation.WithUnrelatedEdit(_compilation, 2), SyntheticCompilation.WithUnrelatedEdit(_compilation, 3) };
        _fleetEdits = new[] { SyntheticCompilation.WithFleetEdit(_compilation, 8), SyntheticCompilation.WithFleetEdit(_compilation, 9) };
    }

    [Benchmark]
    public GeneratorDriver Cold()
    {
        EvaluationCaches.Clear();
        return Driver(Export).RunGenerators((CSharpCompilation)_compilation.Clone());
    }

    [Benchmark]
    public GeneratorDriver UnrelatedEdit() => _warm.RunGenerators(_unrelatedEdits[_next++ & 1]);

    [Benchmark]
    public GeneratorDriver EditInsideTheFleet() => _warm.RunGenerators(_fleetEdits[_next++ & 1]);

    /// <summary>The generators of each mode; <paramref name="trackSteps"/> for step timing.</summary>
    internal static GeneratorDriver Driver(ExportMode mode, bool trackSteps = false)
    {
        var generators = mode == ExportMode.None
            ? new[] { new ManifestGenerator().AsSourceGenerator() }
            : new[] { new ManifestGenerator().AsSourceGenerator(), new ValuesExportGenerator().AsSourceGenerator() };
        var options = mode == ExportMode.Off ? RecordValuesOptions.Off : RecordValuesOptions.On;
        return CSharpGeneratorDriver.Create(generators, parseOptions: SyntheticCompilation.ParseOptions, optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>Which generators run.</summary>
    public enum ExportMode
    {
        /// <summary>The fleet generator alone (before values were recorded).</summary>
        None,

        /// <summary>Both generators, the project recording its values (<c>HubDslRecordValues</c> true).</summary>
        Recording,

        /// <summary>Both generators, recording turned off (<c>HubDslRecordValues</c> false).</summary>
        Off,
    }
}
