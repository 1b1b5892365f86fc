namespace HubDsl;

/// <summary>
/// <c>spec.destination</c>. Use the server URL (<see cref="Param.Server"/>): it is unique, while cluster
/// names may collide.
/// </summary>
/// <param name="Server">The API server, normally <see cref="Param.Server"/>.</param>
/// <param name="Namespace">The namespace the chart is installed into.</param>
public sealed record Destination(string Server, string Namespace);
