using BenchmarkDotNet.Attributes;
using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;

namespace HubDsl.Benchmarks;

/// <summary>The preview renderer: the scenario's ApplicationSet over N clusters, in both template modes.</summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private List<YamlMapping> _secrets = null!;
    private YamlMapping _appSet = null!;

    [Params(100, 1_000, 10_000)]
    public int Clusters { get; set; }

    [Params(false, true)]
    public bool GoTemplate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _secrets = SyntheticFleet.ClusterSecrets(Clusters);
        _appSet = SyntheticFleet.ApplicationSet(GoTemplate);
        var check = ApplicationSetRenderer.Render(_appSet, _secrets);
        if (check.Applications.Count != Clusters || check.Errors.Count > 0) throw new InvalidOperationException("benchmark setup renders wrongly: " + string.Join("; ", check.Errors));
    }

    [Benchmark]
    public int Render() => ApplicationSetRenderer.Render(_appSet, _secrets).Applications.Count;
}
