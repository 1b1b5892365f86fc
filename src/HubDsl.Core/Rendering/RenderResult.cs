using System;
using System.Collections.Generic;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>What the ApplicationSet controller would do with one ApplicationSet.</summary>
public sealed class RenderResult
{
    /// <summary>Creates a result.</summary>
    public RenderResult(
        IReadOnlyList<YamlMapping> applications,
        IReadOnlyList<RenderError> errors,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> paramSets,
        IReadOnlyList<UnresolvedParameter> warnings)
    {
        Applications = applications;
        Errors = errors;
        ParamSets = paramSets;
        Warnings = warnings;
    }

    /// <summary>
    /// The valid Applications (apiVersion argoproj.io/v1alpha1, kind Application), sorted by name like the
    /// controller. Empty when a generator or render error blocks the whole ApplicationSet.
    /// </summary>
    public IReadOnlyList<YamlMapping> Applications { get; }

    /// <summary>Errors: generator and render errors block everything; validation errors skip one Application.</summary>
    public IReadOnlyList<RenderError> Errors { get; }

    /// <summary>
    /// The parameter sets the generators produced, in generation order, in the mode's own shape: flat string
    /// keys (fasttemplate) or nested maps (goTemplate).
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> ParamSets { get; }

    /// <summary>Silent misses: references that rendered literally, as <c>&lt;no value&gt;</c> or empty.</summary>
    public IReadOnlyList<UnresolvedParameter> Warnings { get; }

    /// <summary>
    /// Every Application the template rendered, before validation dropped any, with the parameter set that
    /// produced it: what the analyzers check names against (HUB008, HUB009).
    /// </summary>
    public IReadOnlyList<GeneratedApplication> Generated { get; init; } = Array.Empty<GeneratedApplication>();

    /// <summary>
    /// Parameter sets each entry of <c>spec.generators</c> produced (after its post selector), in spec order; -1 for a
    /// generator that failed. A 0 is a generator that yields no Application.
    /// </summary>
    public IReadOnlyList<int> GeneratorParamCounts { get; init; } = Array.Empty<int>();

    /// <summary>Template steps the render used (<see cref="RenderOptions.MaxTemplateSteps"/>).</summary>
    public long TemplateSteps { get; init; }

    /// <summary>Output characters the render produced (<see cref="RenderOptions.MaxOutputCharacters"/>).</summary>
    public long OutputCharacters { get; init; }

    /// <summary>Whether a generator or render error blocked the ApplicationSet.</summary>
    public bool IsBlocked
    {
        get
        {
            foreach (var error in Errors)
            {
                if (error.Reason is RenderErrorReasons.ApplicationGenerationFromParamsError or RenderErrorReasons.RenderTemplateParamsError or RenderErrorReasons.RenderLimitExceeded or RenderErrorReasons.OfflineUnsupported) return true;
            }

            return false;
        }
    }
}
