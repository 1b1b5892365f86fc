namespace HubDsl.FileSync;

/// <summary>A file a build wants under its output root: relative path ('/' separators), content, and the declaration it comes from (for messages).</summary>
public sealed record WantedFile(string Path, string Content, string Declaration)
{
    /// <summary>A generated manifest, named in messages by the declaration its header names (the build task and hubdsl watch both use this).</summary>
    public static WantedFile Generated(string path, string content) => new(path, content, LegacyHeader.DeclarationOf(content) ?? "a declaration");
}
