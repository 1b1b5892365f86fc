namespace HubDsl.FileSync;

/// <summary>A problem or warning about one file (<see cref="Path"/> relative to the root, or null), with its code.</summary>
public sealed record SyncMessage(string Code, string? Path, string Text);
