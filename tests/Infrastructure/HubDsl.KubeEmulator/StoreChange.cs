using System.Text.Json.Nodes;

namespace HubDsl.KubeEmulator;

/// <summary>A committed change (ADDED, MODIFIED, DELETED), as the token controller sees it; the object is a private copy.</summary>
public sealed record StoreChange(string Type, ResourceKind Kind, JsonObject Object)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
}
