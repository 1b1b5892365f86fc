namespace HubDsl.FileSync;

/// <summary>A file a build wants under its output root: relative path ('/' separators), content, and the declaration it comes from (for messages).</summary>
public sealed record WantedFile(string Path, string Content, string Declaration);
