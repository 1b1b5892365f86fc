using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using HubDsl.Core.Analysis;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Core.Manifests;
using HubDsl.Core.Validation;
using HubDsl.Generators.Binding;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HubDsl.Generators.Diagnostics;

/// <summary>
/// Everything the analyzers need about one compilation, computed once and shared by all of them: every
/// declaration evaluated (with source spans) exactly as the generator evaluates it, and the fleet's findings.
/// </summary>
internal sealed class FleetAnalysis
{
    private static readonly ConditionalWeakTable<Compilation, Lazy<FleetAnalysis>> Cache = new();

    private FleetAnalysis(IReadOnlyList<(DeclarationError Error, Location Fallback)> errors, IReadOnlyList<Finding> findings, IReadOnlyList<FleetModel> fleets, IReadOnlyList<ApplicationSetModel> applicationSets)
    {
        Errors = errors;
        Findings = findings;
        Fleets = fleets;
        ApplicationSets = applicationSets;
    }

    /// <summary>HUB001 errors, each with the declaration's location for errors that have no span of their own.</summary>
    public IReadOnlyList<(DeclarationError Error, Location Fallback)> Errors { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public IReadOnlyList<FleetModel> Fleets { get; }

    public IReadOnlyList<ApplicationSetModel> ApplicationSets { get; }

    /// <summary>
    /// The analysis of a compilation. <paramref name="options"/> give the project's fleet identity (HubDslFleet), so
    /// that the clusters are rendered with the fleet label the build puts on their Secrets; they are the same for
    /// every analyzer of one compilation.
    /// </summary>
    public static FleetAnalysis For(Compilation compilation, AnalyzerOptions? options, CancellationToken cancellationToken) =>
        Cache.GetValue(compilation, c => new Lazy<FleetAnalysis>(() => Compute(c, FleetId(c, options), cancellationToken), LazyThreadSafetyMode.PublicationOnly)).Value;

    private static string FleetId(Compilation compilation, AnalyzerOptions? options)
    {
        string? declared = null;
        options?.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(FleetIdentity.BuildPropertyKey, out declared);
        return FleetIdentity.Resolve(declared, compilation.AssemblyName);
    }

    private static FleetAnalysis Compute(Compilation compilation, string fleetId, CancellationToken cancellationToken)
    {
        var errors = new List<(DeclarationError, Location)>();
        var fleets = new List<FleetModel>();
        var everyClusterEvaluated = true;
        var applicationSets = new List<ApplicationSetModel>();
        var hubNamespaces = new List<string>();
        var hubs = new List<HubModel>();
        var hubsKnown = true;
        foreach (var (type, attribute, kind) in Declarations(compilation, cancellationToken))
        {
            var fallback = type.Locations.FirstOrDefault() ?? Location.None;
            IReadOnlyList<DeclarationError> declarationErrors;
            if (kind == DeclarationKind.Hub)
            {
                var hub = DeclarationBinder.BindHub(type, compilation, recordOrigins: true, cancellationToken, out declarationErrors);
                if (hub is null) hubsKnown = false;
                else
                {
                    hubNamespaces.Add(hub.Namespace);
                    hubs.Add(hub);
                }
            }
            else if (kind == DeclarationKind.Fleet)
            {
                fleets.Add(DeclarationBinder.BindFleet(type, attribute, compilation, recordOrigins: true, cancellationToken, out declarationErrors));
                everyClusterEvaluated &= declarationErrors.Count == 0;
            }
            else
            {
                var model = DeclarationBinder.BindApplicationSet(type, attribute, compilation, recordOrigins: true, cancellationToken, out declarationErrors);
                if (model is not null) applicationSets.Add(model);
            }

            errors.AddRange(declarationErrors.Select(e => (e, fallback)));
        }

        // A declaration of another assembly that fails is reported once, at its first use, not by every declaration using it.
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        errors.RemoveAll(e => e.Item1.Id == DiagnosticIds.ReferencedInitializer && !referenced.Add(e.Item1.Message));

        // A cluster that could not be evaluated is missing: what would rest on its absence is not reported.
        return new FleetAnalysis(errors, FleetValidator.Validate(fleets, applicationSets, hubsKnown ? hubNamespaces : null, everyClusterEvaluated, fleetId, hubs), fleets, applicationSets);
    }

    // A syntactic pre-filter (attribute names) keeps this cheap in large compilations; the symbol check confirms.
    private enum DeclarationKind
    {
        Fleet,
        ApplicationSet,
        Hub,
    }

    private static IEnumerable<(INamedTypeSymbol Type, AttributeData Attribute, DeclarationKind Kind)> Declarations(Compilation compilation, CancellationToken cancellationToken)
    {
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot(cancellationToken);
            foreach (var declaration in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax).OfType<ClassDeclarationSyntax>())
            {
                if (!declaration.AttributeLists.SelectMany(l => l.Attributes).Any(a => IsCandidate(a.Name))) continue;
                var model = compilation.GetSemanticModel(tree);
                if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type || !seen.Add(type)) continue;
                foreach (var attribute in type.GetAttributes())
                {
                    var name = attribute.AttributeClass?.ToDisplayString();
                    if (name == DslNames.FleetAttribute) yield return (type, attribute, DeclarationKind.Fleet);
                    else if (name == DslNames.ApplicationSetAttribute) yield return (type, attribute, DeclarationKind.ApplicationSet);
                    else if (name == DslNames.HubAttribute) yield return (type, attribute, DeclarationKind.Hub);
                }
            }
        }
    }

    private static bool IsCandidate(NameSyntax name)
    {
        var text = name switch
        {
            QualifiedNameSyntax q => q.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
            SimpleNameSyntax s => s.Identifier.ValueText,
            _ => string.Empty,
        };
        return text is "Fleet" or "FleetAttribute" or "ApplicationSet" or "ApplicationSetAttribute" or "Hub" or "HubAttribute";
    }
}
