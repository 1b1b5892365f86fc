using System;

namespace HubDsl.Core.Rendering;

/// <summary>
/// A generator failed: blocks the ApplicationSet. Reported as <see cref="Reason"/>:
/// ApplicationGenerationFromParamsError (Argo CD fails too) unless HubDsl could not compute it offline.
/// </summary>
internal sealed class GeneratorFailure : Exception
{
    public GeneratorFailure(string message)
        : this(message, RenderErrorReasons.ApplicationGenerationFromParamsError)
    {
    }

    public GeneratorFailure(string message, string reason)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>One of <see cref="RenderErrorReasons"/>.</summary>
    public string Reason { get; }

    /// <summary>The same failure inside an outer generator: its message prefixed, its reason kept.</summary>
    public GeneratorFailure Wrap(string prefix) => new(prefix + Message, Reason);
}
