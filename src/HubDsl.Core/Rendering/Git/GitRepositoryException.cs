using System;

namespace HubDsl.Core.Rendering.Git;

/// <summary>
/// A repository could not be read, or did not hold what the Git generator asked for. <see cref="Reason"/> says
/// whose failure it is: <see cref="RenderErrorReasons.ApplicationGenerationFromParamsError"/> when Argo CD
/// would fail the same way (the message is then worded like Argo CD's), <see cref="RenderErrorReasons.OfflineUnsupported"/>
/// when HubDsl cannot know offline, <see cref="RenderErrorReasons.RenderLimitExceeded"/> for HubDsl's limits.
/// </summary>
public sealed class GitRepositoryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GitRepositoryException(string reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>One of <see cref="RenderErrorReasons"/>.</summary>
    public string Reason { get; }
}
