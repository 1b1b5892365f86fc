namespace HubDsl.Core.Manifests;

/// <summary>One generated file: its path relative to the output root ('/' separators) and its text.</summary>
public sealed record ManifestFile(string Path, string Content);
