using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using HubDsl.Core.Analysis;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Core.Manifests;
using HubDsl.Generators.Caching;
using HubDsl.Generators.Charts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Generators.Diagnostics;

/// <summary>
/// Everything the analyzers need about one compilation, computed once and shared by all of them: every
/// declaration evaluated exactly as the generator evaluates it, and the fleet's findings.
/// </summary>
/// <remarks>
/// Two tiers. The quick tier binds every declaration position-free through the evaluation caches the generator fills,
/// each through the one the generator binds it with (<see cref="DeclarationCaches"/>), so in the IDE, in the compiler
/// and in <c>hubdsl watch</c> the analyzers reuse the values the generator has just evaluated instead of evaluating
/// every declaration again, and validates, reusing each ApplicationSet's render from the last validation when its
/// manifest and clusters are unchanged. A clean fleet (no error, no finding) ends there: there is nothing to place.
/// Otherwise the positioned tier binds again with source spans the declarations that have an error or a finding
/// (each finding names the declaration whose model gives its place), keeps the others' position-free models, and
/// validates again for the errors and findings to report.
/// Position-free and positioned binding give the same values and the validator judges values, so a declaration has a
/// finding in the quick tier exactly when it has one with spans; the diagnostics are those of binding every
/// declaration with spans.
/// </remarks>
internal sealed class FleetAnalysis
{
    private static readonly ConditionalWeakTable<Compilation, Lazy<FleetAnalysis>> Cache = new();

    private readonly Compilation _compilation;
    private readonly BoundDeclarations _tier;
    private readonly CancellationToken _cancellationToken;

    // ApplicationSets bound again with spans, one at a time (the chart checks place their findings with them).
    private readonly ConcurrentDictionary<INamedTypeSymbol, ApplicationSetModel?> _withOrigins = new(SymbolEqualityComparer.Default);

    private FleetAnalysis(Compilation compilation, BoundDeclarations tier, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _tier = tier;
        _cancellationToken = cancellationToken;
        ApplicationSets = tier.ApplicationSets.Select(a => a.Model).ToList();
    }

    /// <summary>HUB001 errors, each with the declaration's location for errors that have no span of their own.</summary>
    public IReadOnlyList<(DeclarationError Error, Location Fallback)> Errors => _tier.Errors;

    public IReadOnlyList<Finding> Findings => _tier.Findings;

    public IReadOnlyList<FleetModel> Fleets => _tier.Fleets;

    /// <summary>The ApplicationSets that bound: with spans only those that have an error or a finding.</summary>
    public IReadOnlyList<ApplicationSetModel> ApplicationSets { get; }

    /// <summary>Whether the positioned tier ran: the fleet has an error or a finding (tests).</summary>
    public bool IsPositioned => _tier.RecordsOrigins;

    /// <summary>The classes of the declarations the positioned tier bound again with spans (tests).</summary>
    public IReadOnlyList<string> BoundWithOrigins => _tier.BoundWithOrigins;

    /// <summary>
    /// The analysis of a compilation. <paramref name="options"/> give the project's fleet identity (HubDslFleet), so
    /// that the clusters are rendered with the fleet label the build puts on their Secrets; they are the same for
    /// every analyzer of one compilation.
    /// </summary>
    public static FleetAnalysis For(Compilation compilation, AnalyzerOptions? options, CancellationToken cancellationToken) =>
        Cache.GetValue(compilation, c => new Lazy<FleetAnalysis>(() => Compute(c, FleetId(c, options), cancellationToken), LazyThreadSafetyMode.PublicationOnly)).Value;

    /// <summary>
    /// <paramref name="model"/> (one of <see cref="ApplicationSets"/>) with its source spans: itself when the
    /// positioned tier bound it with spans, else its declaration bound again with spans, alone.
    /// </summary>
    public ApplicationSetModel? WithOrigins(ApplicationSetModel model)
    {
        if (_tier.HasOrigins(model)) return model;
        var declaration = _tier.ApplicationSets.First(a => ReferenceEquals(a.Model, model)).Declaration;
        return _withOrigins.GetOrAdd(declaration.Type, _ => BindWithOrigins(declaration));
    }

    private ApplicationSetModel? BindWithOrigins(FleetDeclaration declaration) =>
        BoundDeclarations.BindApplicationSet(declaration, _compilation, recordOrigins: true, _cancellationToken, out _);

    private static string FleetId(Compilation compilation, AnalyzerOptions? options)
    {
        string? declared = null;
        options?.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(FleetIdentity.BuildPropertyKey, out declared);
        return FleetIdentity.Resolve(declared, compilation.AssemblyName);
    }

    private static FleetAnalysis Compute(Compilation compilation, string fleetId, CancellationToken cancellationToken)
    {
        var declarations = FleetDeclarations.Of(compilation, cancellationToken);
        // A project without declarations gets no cache (it would hold the project's trees for nothing).
        var cache = declarations.Count == 0 ? null : EvaluationCaches.For(compilation, cancellationToken);
        var renders = declarations.Count == 0 ? null : EvaluationCaches.Renders(compilation);

        // The chart-typed ApplicationSets go through the cache the generator binds them with (its compilation plus the
        // generated records, which this compilation holds), keyed by the same records.
        var chartCache = declarations.Any(d => d.Kind == DeclarationKind.ApplicationSet && ChartValuesTypes.UsesChartValues(d.Type))
            ? ChartEvaluationCaches.For(compilation, ChartRecordTrees.KeyIn(compilation, cancellationToken), cancellationToken)
            : null;
        var quick = BoundDeclarations.Bind(compilation, declarations, fleetId, recordOrigins: false, new DeclarationCaches(cache, chartCache), renders, cancellationToken);
        var tier = quick.IsClean ? quick : quick.Placed(compilation, cancellationToken);
        return new FleetAnalysis(compilation, tier, cancellationToken);
    }
}
