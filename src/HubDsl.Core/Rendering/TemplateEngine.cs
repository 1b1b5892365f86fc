using System;
using System.Collections.Generic;
using HubDsl.Core.Templating;

namespace HubDsl.Core.Rendering;

/// <summary>One of Argo CD's two template modes, as its <c>Render.Replace</c> applies them to a single string.</summary>
internal abstract class TemplateEngine
{
    /// <summary>Whether this is goTemplate mode (nested params) rather than fasttemplate (flat string params).</summary>
    public abstract bool IsGoTemplate { get; }

    /// <summary>
    /// Renders one string within <paramref name="budget"/>. <paramref name="onUnresolved"/> receives each key that
    /// rendered silently wrong. Throws <see cref="TemplateRenderFailure"/> with Argo CD's message on error, and
    /// <see cref="WorkLimitExceededException"/> when the budget runs out.
    /// </summary>
    public abstract string Render(string text, IReadOnlyDictionary<string, object?> parameters, Action<string>? onUnresolved, WorkBudget budget);

    /// <summary>
    /// The same engine with <c>missingkey=error</c> replacing any missingkey option, as the matrix values
    /// pre-resolution uses (utils.go RenderGeneratorParams). fasttemplate has no options: itself.
    /// </summary>
    public abstract TemplateEngine WithMissingKeyError();
}
