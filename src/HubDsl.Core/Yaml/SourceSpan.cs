namespace HubDsl.Core.Yaml;

/// <summary>A span of user source: file path and character offsets. Plain data, no Roslyn objects.</summary>
public sealed record SourceSpan(string Path, int Start, int Length);
