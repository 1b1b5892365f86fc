using System;
using System.Collections.Generic;
using HubDsl.Core.Templating;

namespace HubDsl.Core.Rendering;

/// <summary>The default mode: <see cref="FastTemplate"/>.</summary>
internal sealed class FastTemplateEngine : TemplateEngine
{
    public static FastTemplateEngine Instance { get; } = new();

    public override bool IsGoTemplate => false;

    public override string Render(string text, IReadOnlyDictionary<string, object?> parameters, Action<string>? onUnresolved, WorkBudget budget)
    {
        try
        {
            return FastTemplate.Render(text, parameters, onUnresolved, budget);
        }
        catch (FastTemplateException e)
        {
            throw new TemplateRenderFailure(e.Message);
        }
    }

    public override TemplateEngine WithMissingKeyError() => this;
}
