namespace HubDsl.Build.Tasks;

/// <summary>A manifest read from the assembly: relative path and content.</summary>
internal sealed record EmbeddedManifest(string Path, string Content);
