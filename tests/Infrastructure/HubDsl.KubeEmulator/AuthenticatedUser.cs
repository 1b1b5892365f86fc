using System.Collections.Generic;

namespace HubDsl.KubeEmulator;

/// <summary>Who made a request, as the API server's authenticators name users.</summary>
public sealed record AuthenticatedUser(string Name, IReadOnlyList<string> Groups)
{
    public static AuthenticatedUser Anonymous { get; } = new("system:anonymous", ["system:unauthenticated"]);
}
