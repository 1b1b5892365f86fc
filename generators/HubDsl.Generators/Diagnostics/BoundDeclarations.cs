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
/// Every declaration of a compilation bound, with the HUB001/HUB024 errors of binding and the fleet's findings: either
/// all position-free through the generator's evaluation caches (what the generator binds, so its values are reused),
/// or all with source spans, or (<see cref="Placed"/>) position-free except the declarations the errors and findings
/// belong to, which are bound again with spans, so that every error and finding is where binding with spans puts it.
/// </summary>
internal sealed class BoundDeclarations
{
    private readonly IReadOnlyList<Bound> _bound;
    private readonly string _fleetId;
    private readonly RenderMemo? _renders;

    // The classes of the declarations whose models the findings take their places from, duplicates included.
    private readonly HashSet<string> _findingDeclarations = new(StringComparer.Ordinal);

    private BoundDeclarations(IReadOnlyList<Bound> bound, string fleetId, RenderMemo? renders, bool recordOrigins, CancellationToken cancellationToken)
    {
        _bound = bound;
        _fleetId = fleetId;
        _renders = renders;
        var errors = new List<(DeclarationError, Location)>();
        var fleets = new List<FleetModel>();
        var everyClusterEvaluated = true;
        var applicationSets = new List<(ApplicationSetModel, FleetDeclaration)>();
        var hubNamespaces = new List<string>();
        var hubs = new List<HubModel>();
        var hubsKnown = true;
        foreach (var declaration in bound)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fallback = declaration.Declaration.Type.Locations.FirstOrDefault() ?? Location.None;
            switch (declaration.Model)
            {
                case HubModel hub:
                    hubNamespaces.Add(hub.Namespace);
                    hubs.Add(hub);
                    break;
                case FleetModel fleet:
                    fleets.Add(fleet);
                    everyClusterEvaluated &= declaration.Errors.Count == 0;
                    break;
                case ApplicationSetModel model:
                    applicationSets.Add((model, declaration.Declaration));
                    break;
                case null when declaration.Declaration.Kind == DeclarationKind.Hub:
                    hubsKnown = false;
                    break;
            }

            errors.AddRange(declaration.Errors.Select(e => (e, fallback)));
        }

        // A declaration of another assembly that fails is reported once, at its first use, not by every declaration using it.
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        errors.RemoveAll(e => e.Item1.Id == DiagnosticIds.ReferencedInitializer && !referenced.Add(e.Item1.Message));

        // A cluster that could not be evaluated is missing: what would rest on its absence is not reported.
        RecordsOrigins = bound.Any(b => b.WithOrigins);
        Errors = errors;
        Findings = FleetValidator.Validate(fleets, applicationSets.Select(a => a.Item1).ToList(), hubsKnown ? hubNamespaces : null, everyClusterEvaluated, fleetId, hubs, recordOrigins ? null : renders, _findingDeclarations);
        Fleets = fleets;
        ApplicationSets = applicationSets;
    }

    /// <summary>Whether some declarations were bound with source spans (all, or those that have an error or a finding).</summary>
    public bool RecordsOrigins { get; }

    /// <summary>HUB001/HUB024 errors, each with the declaration's location for errors that have no span of their own.</summary>
    public IReadOnlyList<(DeclarationError Error, Location Fallback)> Errors { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public IReadOnlyList<FleetModel> Fleets { get; }

    /// <summary>The ApplicationSets that bound, each with the declaration it came from.</summary>
    public IReadOnlyList<(ApplicationSetModel Model, FleetDeclaration Declaration)> ApplicationSets { get; }

    /// <summary>No error and no finding: nothing to report, so no spans are needed.</summary>
    public bool IsClean => Errors.Count == 0 && Findings.Count == 0;

    /// <summary>The classes of the declarations bound with spans, in source order (tests).</summary>
    public IReadOnlyList<string> BoundWithOrigins => _bound.Where(b => b.WithOrigins).Select(b => b.Declaration.Type.ToDisplayString()).ToList();

    /// <summary>
    /// Binds and validates every declaration. <paramref name="caches"/> (position-free binding only) are the project's
    /// evaluation caches, and <paramref name="renders"/> its renders kept from earlier validations; with
    /// <paramref name="recordOrigins"/> neither is used, since cached values and renders have no spans.
    /// </summary>
    public static BoundDeclarations Bind(Compilation compilation, IReadOnlyList<FleetDeclaration> declarations, string fleetId, bool recordOrigins, DeclarationCaches? caches, RenderMemo? renders, CancellationToken cancellationToken)
    {
        var bound = declarations.Select(d => BindOne(d, compilation, recordOrigins, recordOrigins ? null : caches?.For(d), cancellationToken)).ToList();
        return new BoundDeclarations(bound, fleetId, renders, recordOrigins, cancellationToken);
    }

    /// <summary>
    /// This position-free binding with the declarations that have an error or a finding bound again with spans, and
    /// validated again: the errors and findings are those of binding every declaration with spans. Binding gives the
    /// same values with or without spans and the validator judges values, so the others have nothing to place; each
    /// finding names the declaration whose model gives its place (<see cref="Finding.Declaration"/>).
    /// </summary>
    public BoundDeclarations Placed(Compilation compilation, CancellationToken cancellationToken)
    {
        var bound = _bound.Select(b => b.Errors.Count > 0 || b.Model is null || _findingDeclarations.Contains(ClassName(b.Model))
            ? BindOne(b.Declaration, compilation, recordOrigins: true, cache: null, cancellationToken)
            : b).ToList();
        return new BoundDeclarations(bound, _fleetId, _renders, recordOrigins: false, cancellationToken);
    }

    /// <summary>One ApplicationSet declaration bound on its own (the same model <see cref="Bind"/> gives it).</summary>
    public static ApplicationSetModel? BindApplicationSet(FleetDeclaration declaration, Compilation compilation, bool recordOrigins, CancellationToken cancellationToken, out IReadOnlyList<DeclarationError> errors, IMemberValueCache? cache = null) =>
        DeclarationBinder.BindApplicationSet(declaration.Type, declaration.Attribute, compilation, recordOrigins, cancellationToken, out errors, cache);

    /// <summary>Whether <paramref name="model"/> (one of <see cref="ApplicationSets"/>) was bound with spans.</summary>
    public bool HasOrigins(ApplicationSetModel model) => _bound.Any(b => ReferenceEquals(b.Model, model) && b.WithOrigins);

    private static Bound BindOne(FleetDeclaration declaration, Compilation compilation, bool recordOrigins, IMemberValueCache? cache, CancellationToken cancellationToken)
    {
        var (type, attribute, kind) = declaration;
        IReadOnlyList<DeclarationError> errors;
        object? model = kind switch
        {
            DeclarationKind.Hub => DeclarationBinder.BindHub(type, compilation, recordOrigins, cancellationToken, out errors, cache),
            DeclarationKind.Fleet => DeclarationBinder.BindFleet(type, attribute, compilation, recordOrigins, cancellationToken, out errors, cache),
            _ => BindApplicationSet(declaration, compilation, recordOrigins, cancellationToken, out errors, cache),
        };
        return new Bound(declaration, model, errors, recordOrigins);
    }

    private static string ClassName(object model) => model switch
    {
        FleetModel fleet => fleet.ClassName,
        ApplicationSetModel appSet => appSet.ClassName,
        HubModel hub => hub.ClassName,
        _ => string.Empty,
    };

    // One declaration as bound: its model (null when it failed), its errors, and whether it carries spans.
    private sealed class Bound
    {
        public Bound(FleetDeclaration declaration, object? model, IReadOnlyList<DeclarationError> errors, bool withOrigins)
        {
            Declaration = declaration;
            Model = model;
            Errors = errors;
            WithOrigins = withOrigins;
        }

        public FleetDeclaration Declaration { get; }

        public object? Model { get; }

        public IReadOnlyList<DeclarationError> Errors { get; }

        public bool WithOrigins { get; }
    }
}
