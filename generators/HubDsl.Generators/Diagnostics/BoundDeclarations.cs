using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using HubDsl.Core.Analysis;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Core.Validation;
using HubDsl.Generators.Binding;
using HubDsl.Generators.Evaluation;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators.Diagnostics;

/// <summary>
/// Every declaration of a compilation bound one way, with the HUB001/HUB024 errors of binding and the fleet's
/// findings: either position-free through the generator's evaluation cache (what the generator binds, so its values
/// are reused), or with source spans (what a reported diagnostic needs).
/// </summary>
internal sealed class BoundDeclarations
{
    private BoundDeclarations(bool recordsOrigins, IReadOnlyList<(DeclarationError Error, Location Fallback)> errors, IReadOnlyList<Finding> findings, IReadOnlyList<FleetModel> fleets, IReadOnlyList<(ApplicationSetModel Model, FleetDeclaration Declaration)> applicationSets)
    {
        RecordsOrigins = recordsOrigins;
        Errors = errors;
        Findings = findings;
        Fleets = fleets;
        ApplicationSets = applicationSets;
    }

    /// <summary>Whether the models, errors and findings carry source spans.</summary>
    public bool RecordsOrigins { get; }

    /// <summary>HUB001/HUB024 errors, each with the declaration's location for errors that have no span of their own.</summary>
    public IReadOnlyList<(DeclarationError Error, Location Fallback)> Errors { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public IReadOnlyList<FleetModel> Fleets { get; }

    /// <summary>The ApplicationSets that bound, each with the declaration it came from.</summary>
    public IReadOnlyList<(ApplicationSetModel Model, FleetDeclaration Declaration)> ApplicationSets { get; }

    /// <summary>No error and no finding: nothing to report, so no spans are needed.</summary>
    public bool IsClean => Errors.Count == 0 && Findings.Count == 0;

    /// <summary>
    /// Binds and validates every declaration. <paramref name="caches"/> (position-free binding only) are the project's
    /// evaluation caches, and <paramref name="renders"/> its renders kept from earlier validations; with
    /// <paramref name="recordOrigins"/> neither is used, since cached values and renders have no spans.
    /// </summary>
    public static BoundDeclarations Bind(Compilation compilation, IReadOnlyList<FleetDeclaration> declarations, string fleetId, bool recordOrigins, DeclarationCaches? caches, RenderMemo? renders, CancellationToken cancellationToken)
    {
        var errors = new List<(DeclarationError, Location)>();
        var fleets = new List<FleetModel>();
        var everyClusterEvaluated = true;
        var applicationSets = new List<(ApplicationSetModel, FleetDeclaration)>();
        var hubNamespaces = new List<string>();
        var hubs = new List<HubModel>();
        var hubsKnown = true;
        foreach (var declaration in declarations)
        {
            var (type, attribute, kind) = declaration;
            var cache = caches?.For(declaration);
            var fallback = type.Locations.FirstOrDefault() ?? Location.None;
            IReadOnlyList<DeclarationError> declarationErrors;
            if (kind == DeclarationKind.Hub)
            {
                var hub = DeclarationBinder.BindHub(type, compilation, recordOrigins, cancellationToken, out declarationErrors, cache);
                if (hub is null) hubsKnown = false;
                else
                {
                    hubNamespaces.Add(hub.Namespace);
                    hubs.Add(hub);
                }
            }
            else if (kind == DeclarationKind.Fleet)
            {
                fleets.Add(DeclarationBinder.BindFleet(type, attribute, compilation, recordOrigins, cancellationToken, out declarationErrors, cache));
                everyClusterEvaluated &= declarationErrors.Count == 0;
            }
            else
            {
                var model = BindApplicationSet(declaration, compilation, recordOrigins, cancellationToken, out declarationErrors, cache);
                if (model is not null) applicationSets.Add((model, declaration));
            }

            errors.AddRange(declarationErrors.Select(e => (e, fallback)));
        }

        // A declaration of another assembly that fails is reported once, at its first use, not by every declaration using it.
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        errors.RemoveAll(e => e.Item1.Id == DiagnosticIds.ReferencedInitializer && !referenced.Add(e.Item1.Message));

        // A cluster that could not be evaluated is missing: what would rest on its absence is not reported.
        var findings = FleetValidator.Validate(fleets, applicationSets.Select(a => a.Item1).ToList(), hubsKnown ? hubNamespaces : null, everyClusterEvaluated, fleetId, hubs, recordOrigins ? null : renders);
        return new BoundDeclarations(recordOrigins, errors, findings, fleets, applicationSets);
    }

    /// <summary>One ApplicationSet declaration bound on its own (the same model <see cref="Bind"/> gives it).</summary>
    public static ApplicationSetModel? BindApplicationSet(FleetDeclaration declaration, Compilation compilation, bool recordOrigins, CancellationToken cancellationToken, out IReadOnlyList<DeclarationError> errors, IMemberValueCache? cache = null) =>
        DeclarationBinder.BindApplicationSet(declaration.Type, declaration.Attribute, compilation, recordOrigins, cancellationToken, out errors, cache);
}
