using System;

namespace HubDsl.Core.Rendering;

/// <summary>A string failed to render (Argo CD's <c>Replace</c> returned an error); the message is Argo's wording.</summary>
internal sealed class TemplateRenderFailure : Exception
{
    public TemplateRenderFailure(string message)
        : base(message)
    {
    }

    /// <summary>
    /// Whether the error is a missing key (utils.go isMissingKeyError: "map has no entry for key" or
    /// "can't evaluate field"); the matrix values pre-resolution keeps such entries as templates.
    /// </summary>
    public bool IsMissingKey =>
        Message.IndexOf("map has no entry for key", StringComparison.Ordinal) >= 0
        || Message.IndexOf("can't evaluate field", StringComparison.Ordinal) >= 0;
}
