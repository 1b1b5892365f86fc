using System;

namespace HubDsl.Core.Rendering;

/// <summary>
/// A generator produced more parameter sets than <see cref="RenderOptions.MaxParameterSets"/>; the message
/// names the generator and the limit. The render stops at once, before the sets fill memory.
/// </summary>
internal sealed class RenderLimitFailure : Exception
{
    public RenderLimitFailure(string message)
        : base(message)
    {
    }

    /// <summary>Throws when <paramref name="count"/> parameter sets are more than the options allow.</summary>
    public static void CheckParameterSets(RenderContext context, int count, string generatorPath)
    {
        var limit = context.Options.MaxParameterSets;
        if (count <= limit) return;
        throw new RenderLimitFailure(
            generatorPath + " generates more than " + limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) +
            " parameter sets, HubDsl's limit for one ApplicationSet (RenderOptions.MaxParameterSets); Argo CD would try to create an Application for each. Narrow the generators (a selector, fewer elements) or split the ApplicationSet.");
    }
}
