using BenchmarkDotNet.Attributes;
using HubDsl.Core.Manifests;
using HubDsl.Core.Model;
using HubDsl.Generators.Binding;
using Microsoft.CodeAnalysis;

namespace HubDsl.Benchmarks;

/// <summary>
/// The emitter alone: bound fleet and ApplicationSet models in, every manifest's YAML out (cluster Secrets, spoke
/// RBAC, ApplicationSets, values files). The run-all report divides <see cref="Bytes"/> by the mean time.
/// </summary>
[MemoryDiagnoser]
public class EmitterBenchmarks
{
    private FleetModel _fleet = null!;
    private List<ApplicationSetModel> _applicationSets = null!;

    [Params(10, 100, 1_000, 10_000)]
    public int Clusters { get; set; }

    [GlobalSetup]
    public void Setup() => (_fleet, _applicationSets) = Models(Clusters);

    [Benchmark]
    public long Emit() => Bytes(_fleet, _applicationSets);

    /// <summary>UTF-8 bytes of every manifest the models produce.</summary>
    public static long Bytes(FleetModel fleet, IReadOnlyList<ApplicationSetModel> applicationSets)
    {
        long bytes = 0;
        foreach (var file in FleetManifests.ClusterSecrets(fleet, applicationSets)) bytes += System.Text.Encoding.UTF8.GetByteCount(file.Content);
        foreach (var file in FleetManifests.SpokeRbac(fleet, applicationSets)) bytes += System.Text.Encoding.UTF8.GetByteCount(file.Content);
        foreach (var appSet in applicationSets)
        {
            foreach (var file in FleetManifests.ApplicationSet(appSet)) bytes += System.Text.Encoding.UTF8.GetByteCount(file.Content);
        }

        return bytes;
    }

    /// <summary>The synthetic fleet's models, read by the generator's own reader.</summary>
    public static (FleetModel Fleet, List<ApplicationSetModel> ApplicationSets) Models(int clusters)
    {
        var compilation = SyntheticCompilation.Create(clusters);
        var fleetType = compilation.GetTypeByMetadataName("Synthetic.Clusters")!;
        var fleet = DeclarationBinder.BindFleet(fleetType, fleetType.GetAttributes().Single(), compilation, recordOrigins: false, default, out var errors);
        if (errors.Count > 0) throw new InvalidOperationException(string.Join("; ", errors));
        var applicationSets = new List<ApplicationSetModel>();
        foreach (var type in compilation.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "Synthetic").GetTypeMembers())
        {
            if (type.GetAttributes().SingleOrDefault(a => a.AttributeClass?.Name == "ApplicationSetAttribute") is not { } attribute) continue;
            applicationSets.Add(DeclarationBinder.BindApplicationSet(type, attribute, compilation, recordOrigins: false, default, out var appSetErrors)
                ?? throw new InvalidOperationException(string.Join("; ", appSetErrors)));
        }

        return (fleet, applicationSets);
    }
}
