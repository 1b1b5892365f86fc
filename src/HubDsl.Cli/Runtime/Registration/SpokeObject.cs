using System.Text.Json.Nodes;

namespace HubDsl.Cli.Runtime.Registration;

/// <summary>One object <c>cluster add</c> writes on a spoke.</summary>
public sealed record SpokeObject(ResourceType Type, string? Namespace, string Name, JsonObject Manifest)
{
    /// <summary>"Kind ns/name".</summary>
    public override string ToString() => Type.Describe(Namespace, Name);
}
