namespace HubDsl.Cli.Render;

/// <summary>One object an Application renders, as the YAML written to its file.</summary>
internal sealed record RenderedObject(ObjectKey Key, string Yaml, bool IsSecret);
