using System.Collections.Immutable;
using System.Linq;
using HubDsl.Core.Declarations;
using HubDsl.Core.Manifests;
using HubDsl.Core.Model;
using HubDsl.Generators.Binding;
using HubDsl.Generators.Caching;
using HubDsl.Generators.Charts;
using HubDsl.Generators.Emit;
using HubDsl.Generators.Models;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators;

/// <summary>
/// Evaluates <c>[Fleet]</c> and <c>[ApplicationSet]</c> declarations at compile time and embeds the manifests
/// they produce in the assembly. It reports nothing: declarations it cannot evaluate are skipped, and the
/// analyzers (which share this evaluation) report why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ManifestGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The project's fleet identity (HubDslFleet, else the assembly name): one small string, equal across
        // keystrokes, combined into the steps that label hub objects or select clusters by their Secrets' labels.
        var fleetId = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue(FleetIdentity.BuildPropertyKey, out var declared) ? declared : null)
            .Combine(context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName))
            .Select(static (pair, _) => FleetIdentity.Resolve(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.FleetId);

        var fleets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DslNames.FleetAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (ctx, ct) => DeclarationBinder.BindFleet((INamedTypeSymbol)ctx.TargetSymbol, ctx.Attributes[0], ctx.SemanticModel.Compilation, recordOrigins: false, ct, out _, EvaluationCaches.For(ctx.SemanticModel.Compilation, ct)))
            .WithTrackingName(TrackingNames.Fleet);

        // Each cluster is its own step input, so an edit to one cluster re-emits that cluster's files only.
        var clusters = fleets
            .SelectMany(static (fleet, _) => fleet.Clusters.Select(cluster => new FleetCluster(fleet.ClassName, fleet.Namespace, cluster)))
            .WithTrackingName(TrackingNames.Clusters);

        // [ChartValues] records: their properties come from the chart (added as source below), and the ApplicationSets
        // using them are bound in the compilation plus those records, since this compilation cannot show them.
        var chartRecords = ChartRecordPipeline.Sources(context);
        var chartRecordTrees = ChartRecordPipeline.Trees(context, chartRecords);
        var chartApplicationSets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DslNames.ApplicationSetAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (ctx, _) => ChartValuesTypes.UsesChartValues((INamedTypeSymbol)ctx.TargetSymbol) ? ChartTypedApplicationSets.MetadataName((INamedTypeSymbol)ctx.TargetSymbol) : null)
            .Where(static name => name is not null)
            .Select(static (name, _) => name!)
            .Collect()
            .Combine(chartRecordTrees)
            .Combine(context.CompilationProvider)
            .Select(static (input, ct) => ChartTypedApplicationSets.Bind(input.Left.Left, input.Left.Right, input.Right, ct))
            .WithTrackingName(TrackingNames.ChartApplicationSets);

        var declaredApplicationSets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DslNames.ApplicationSetAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (ctx, ct) => ChartValuesTypes.UsesChartValues((INamedTypeSymbol)ctx.TargetSymbol)
                    ? null
                    : DeclarationBinder.BindApplicationSet((INamedTypeSymbol)ctx.TargetSymbol, ctx.Attributes[0], ctx.SemanticModel.Compilation, recordOrigins: false, ct, out _, EvaluationCaches.For(ctx.SemanticModel.Compilation, ct)))
            .WithTrackingName(TrackingNames.ApplicationSet);

        // One stream of ApplicationSets: the others, then the chart-typed ones (each step after compares them one by one).
        var applicationSets = declaredApplicationSets
            .Collect()
            .Combine(chartApplicationSets)
            .SelectMany(static (pair, _) => pair.Left.Where(model => model is not null).Concat(pair.Right));

        // Least-privilege clusters' Secrets, spoke RBAC and hub values depend on the ApplicationSets that target them.
        var allApplicationSets = applicationSets
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .Collect();

        var hubs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DslNames.HubAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (ctx, ct) => DeclarationBinder.BindHub((INamedTypeSymbol)ctx.TargetSymbol, ctx.SemanticModel.Compilation, recordOrigins: false, ct, out _, EvaluationCaches.For(ctx.SemanticModel.Compilation, ct)))
            .WithTrackingName(TrackingNames.Hub)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!);

        // Shards balance every cluster of a hub against the others, so the plan depends on all of them; each cluster
        // then looks up its own shard, and its Secret is re-emitted only when that shard changes.
        var shardPlans = hubs
            .Collect()
            .Combine(fleets.Collect())
            .Combine(allApplicationSets)
            .Combine(fleetId)
            .Select(static (pair, _) => pair.Left.Left.Left
                .Select(hub => ControllerShards.For(hub, pair.Left.Left.Right, pair.Left.Right, pair.Right))
                .Where(plan => plan is not null)
                .Select(plan => plan!)
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.ControllerShards);

        var shardedClusters = clusters
            .Combine(shardPlans)
            .Select(static (pair, _) => (Cluster: pair.Left, Shard: ControllerShards.Find(pair.Right, pair.Left.Namespace, pair.Left.Cluster.Server)))
            .WithTrackingName(TrackingNames.ClusterShard);

        // Only least-privilege clusters keep the ApplicationSets in their input: the others' files stay cached when an
        // ApplicationSet changes (a values edit in a 1,000-cluster fleet builds no cluster file again).
        var clusterInputs = shardedClusters
            .Combine(allApplicationSets)
            .Select(static (pair, _) => ClusterFileInputs.For(pair.Left.Cluster, pair.Left.Shard, pair.Right))
            .WithTrackingName(TrackingNames.ClusterFileInputs);

        var clusterSecrets = clusterInputs
            .Combine(fleetId)
            .Select(static (pair, _) => (pair.Left.Cluster.FleetClass, File: FleetManifests.ClusterSecret(pair.Left.Cluster.FleetClass, pair.Left.Cluster.Namespace, pair.Left.Cluster.Cluster, pair.Left.ApplicationSets, pair.Right, pair.Left.Shard)))
            .WithTrackingName(TrackingNames.ClusterSecret);

        var fleetManifests = clusterSecrets
            .Collect()
            .Select(static (files, _) => ManifestSets("HubDsl.Fleet.", files))
            .WithTrackingName(TrackingNames.FleetManifests);

        // Each ApplicationSet's files depend on that declaration alone, so editing a cluster regenerates no
        // ApplicationSet and editing one ApplicationSet regenerates no other.
        var applicationSetManifests = applicationSets
            .Where(static model => model is not null)
            .Combine(fleetId)
            .Select(static (pair, _) => new ManifestSet(
                "HubDsl.ApplicationSet." + pair.Left!.ClassName + ".g.cs",
                FleetManifests.ApplicationSet(pair.Left!, pair.Right).ToEquatableArray()))
            .WithTrackingName(TrackingNames.ApplicationSetManifests);

        var hubManifests = hubs
            .Combine(fleets.Collect())
            .Combine(allApplicationSets)
            .Combine(fleetId)
            .Select(static (pair, _) => new ManifestSet("HubDsl.Hub." + pair.Left.Left.Left.ClassName + ".g.cs", FleetManifests.Hub(pair.Left.Left.Left, pair.Left.Left.Right, pair.Left.Right, pair.Right).ToEquatableArray()))
            .WithTrackingName(TrackingNames.HubManifests);

        // Least-privilege RBAC grants what the ApplicationSets targeting each cluster deploy, so a least-privilege
        // cluster's spoke files depend on that cluster and on every ApplicationSet (the others' on the cluster alone).
        var spokeFiles = clusterInputs
            .Combine(fleetId)
            .Select(static (pair, _) => (pair.Left.Cluster.FleetClass, File: FleetManifests.SpokeRbac(pair.Left.Cluster.FleetClass, pair.Left.Cluster.Namespace, pair.Left.Cluster.Cluster, pair.Left.ApplicationSets, pair.Right)))
            .WithTrackingName(TrackingNames.SpokeManifest);

        var spokeManifests = spokeFiles
            .Collect()
            .Select(static (files, _) => ManifestSets("HubDsl.Spokes.", files))
            .WithTrackingName(TrackingNames.SpokeManifests);

        // An AppProject lists the destinations of the clusters its ApplicationSet targets.
        var projectManifests = applicationSets
            .Where(static model => model?.Project is not null)
            .Combine(fleets.Collect())
            .Combine(fleetId)
            .Select(static (pair, _) => new ManifestSet("HubDsl.Project." + pair.Left.Left!.ClassName + ".g.cs", FleetManifests.Project(pair.Left.Left!, pair.Left.Right, pair.Right).ToEquatableArray()))
            .WithTrackingName(TrackingNames.ProjectManifests);

        // Failover files name the Applications of both clusters and their servers: they depend on every ApplicationSet and fleet.
        var failoverManifests = allApplicationSets
            .Combine(fleets.Collect())
            .Combine(fleetId)
            .Select(static (pair, _) => new ManifestSet("HubDsl.Failover.g.cs", FleetManifests.Failovers(pair.Left.Left, pair.Left.Right, pair.Right).ToEquatableArray()))
            .WithTrackingName(TrackingNames.FailoverManifests);

        context.RegisterSourceOutput(chartRecords, static (spc, sources) => ChartRecordPipeline.Emit(spc, sources));
        context.RegisterImplementationSourceOutput(failoverManifests, static (spc, set) => Emit(spc, set));
        context.RegisterImplementationSourceOutput(fleetManifests, static (spc, sets) => Emit(spc, sets));
        context.RegisterImplementationSourceOutput(projectManifests, static (spc, set) => Emit(spc, set));
        context.RegisterImplementationSourceOutput(spokeManifests, static (spc, sets) => Emit(spc, sets));
        context.RegisterImplementationSourceOutput(hubManifests, static (spc, set) => Emit(spc, set));
        context.RegisterImplementationSourceOutput(applicationSetManifests, static (spc, set) => Emit(spc, set));
    }

    // One set (one generated C# file) per fleet class, in declaration order.
    private static EquatableArray<ManifestSet> ManifestSets(string hintPrefix, ImmutableArray<(string FleetClass, ManifestFile File)> files) =>
        files.GroupBy(f => f.FleetClass)
            .Select(g => new ManifestSet(hintPrefix + g.Key + ".g.cs", g.Select(f => f.File).ToEquatableArray()))
            .ToEquatableArray();

    private static void Emit(SourceProductionContext context, EquatableArray<ManifestSet> sets)
    {
        foreach (var set in sets) Emit(context, set);
    }

    private static void Emit(SourceProductionContext context, ManifestSet set)
    {
        if (set.Files.Count == 0) return;
        context.AddSource(set.HintName, ManifestAttributeEmitter.Emit(set));
    }
}
