using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using HubDsl.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HubDsl.Benchmarks;

/// <summary>
/// The generator on synthetic fleets: a cold run (new driver, fresh compilation), and warm incremental runs after
/// an unrelated edit (nothing regenerates) and after an edit inside the fleet (one cluster's label changes).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private CSharpCompilation _unrelatedEdit = null!;
    private CSharpCompilation _fleetEdit = null!;

    [Params(10, 100, 1_000)]
    public int Clusters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(HubDsl.Cluster).Assembly.Location));
        var fleet = CSharpSyntaxTree.ParseText(SyntheticFleetSource.Write(Clusters), Parse, "Fleet.cs");
        _compilation = CSharpCompilation.Create("Fleet", new[] { fleet, CSharpSyntaxTree.ParseText("public class Other { public int X => 1; }", Parse, "Other.cs") },
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _warm = Driver().RunGenerators(_compilation);
        var other = _compilation.SyntaxTrees.Single(t => t.FilePath == "Other.cs");
        _unrelatedEdit = _compilation.ReplaceSyntaxTree(other, CSharpSyntaxTree.ParseText("public class Other { public int X => 2; }", Parse, "Other.cs"));
        _fleetEdit = _compilation.ReplaceSyntaxTree(fleet, CSharpSyntaxTree.ParseText(fleet.ToString().Replace("[\"region\"] = \"region-0\"", "[\"region\"] = \"region-9\""), Parse, "Fleet.cs"));
        var files = _warm.GetRunResult().Results.Single().GeneratedSources.Length;
        if (files < 3) throw new InvalidOperationException("the synthetic fleet generated only " + files + " sources");
    }

    [Benchmark]
    public GeneratorDriver Cold() => Driver().RunGenerators((CSharpCompilation)_compilation.Clone());

    [Benchmark]
    public GeneratorDriver UnrelatedEdit() => _warm.RunGenerators(_unrelatedEdit);

    [Benchmark]
    public GeneratorDriver EditInsideTheFleet() => _warm.RunGenerators(_fleetEdit);

    private static GeneratorDriver Driver() => CSharpGeneratorDriver.Create(
        new[] { new ManifestGenerator().AsSourceGenerator() }, parseOptions: Parse,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
}
