using HubDsl.Core.Manifests;
using HubDsl.Core.Model;
using HubDsl.Generators.Emit;
using HubDsl.Generators.Models;
using HubDsl.Generators.Parsing;
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
        var fleets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DeclarationReader.FleetAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (ctx, ct) => DeclarationReader.ReadFleet((INamedTypeSymbol)ctx.TargetSymbol, ctx.Attributes[0], ctx.SemanticModel.Compilation, recordOrigins: false, ct, out _))
            .WithTrackingName(TrackingNames.Fleet);

        var fleetManifests = fleets
            .Select(static (fleet, _) => new ManifestSet("HubDsl.Fleet." + fleet.ClassName + ".g.cs", FleetManifests.ClusterSecrets(fleet).ToEquatableArray()))
            .WithTrackingName(TrackingNames.FleetManifests);

        var applicationSets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DeclarationReader.ApplicationSetAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (ctx, ct) => DeclarationReader.ReadApplicationSet((INamedTypeSymbol)ctx.TargetSymbol, ctx.Attributes[0], ctx.SemanticModel.Compilation, recordOrigins: false, ct, out _))
            .WithTrackingName(TrackingNames.ApplicationSet);

        // Each ApplicationSet's files depend on that declaration alone, so editing a cluster regenerates no
        // ApplicationSet and editing one ApplicationSet regenerates no other.
        var applicationSetManifests = applicationSets
            .Where(static model => model is not null)
            .Select(static (model, _) => new ManifestSet(
                "HubDsl.ApplicationSet." + model!.ClassName + ".g.cs",
                FleetManifests.ApplicationSet(model).ToEquatableArray()))
            .WithTrackingName(TrackingNames.ApplicationSetManifests);

        var hubManifests = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DeclarationReader.HubAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (ctx, ct) => DeclarationReader.ReadHub((INamedTypeSymbol)ctx.TargetSymbol, ctx.SemanticModel.Compilation, recordOrigins: false, ct, out _))
            .WithTrackingName(TrackingNames.Hub)
            .Where(static model => model is not null)
            .Select(static (hub, _) => new ManifestSet("HubDsl.Hub." + hub!.ClassName + ".g.cs", FleetManifests.Hub(hub).ToEquatableArray()))
            .WithTrackingName(TrackingNames.HubManifests);

        // Least-privilege RBAC grants what the ApplicationSets targeting each cluster deploy, so this step
        // depends on the fleet and on every ApplicationSet.
        var spokeManifests = fleets
            .Combine(applicationSets.Where(static model => model is not null).Collect())
            .Select(static (pair, _) => new ManifestSet("HubDsl.Spokes." + pair.Left.ClassName + ".g.cs", FleetManifests.SpokeRbac(pair.Left, pair.Right!).ToEquatableArray()))
            .WithTrackingName(TrackingNames.SpokeManifests);

        // An AppProject lists the destinations of the clusters its ApplicationSet targets.
        var projectManifests = applicationSets
            .Where(static model => model?.Project is not null)
            .Combine(fleets.Collect())
            .Select(static (pair, _) => new ManifestSet("HubDsl.Project." + pair.Left!.ClassName + ".g.cs", FleetManifests.Project(pair.Left!, pair.Right).ToEquatableArray()))
            .WithTrackingName(TrackingNames.ProjectManifests);

        context.RegisterImplementationSourceOutput(fleetManifests, static (spc, set) => Emit(spc, set));
        context.RegisterImplementationSourceOutput(projectManifests, static (spc, set) => Emit(spc, set));
        context.RegisterImplementationSourceOutput(spokeManifests, static (spc, set) => Emit(spc, set));
        context.RegisterImplementationSourceOutput(hubManifests, static (spc, set) => Emit(spc, set));
        context.RegisterImplementationSourceOutput(applicationSetManifests, static (spc, set) => Emit(spc, set));
    }

    private static void Emit(SourceProductionContext context, ManifestSet set)
    {
        if (set.Files.Count == 0) return;
        context.AddSource(set.HintName, ManifestAttributeEmitter.Emit(set));
    }
}
