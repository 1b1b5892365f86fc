namespace HubDsl.FileSync;

/// <summary>The codes of the build's file messages (docs/outputs.md lists them).</summary>
public static class SyncCodes
{
    /// <summary>A file could not be read, written, moved or deleted.</summary>
    public const string IoFailure = "HUBDSL9001";
    /// <summary>Drift check: a generated file (or the record) is missing or differs.</summary>
    public const string Drift = "HUBDSL9002";
    /// <summary>Drift check: a recorded file is no longer generated.</summary>
    public const string Stale = "HUBDSL9003";
    /// <summary>A generated path is unsafe, or two declarations generate one path with different content.</summary>
    public const string BadPath = "HUBDSL9004";
    /// <summary>A file the build did not write is where it wants to write.</summary>
    public const string NotOwned = "HUBDSL9005";
    /// <summary>Another project's record claims the path, or the record belongs to another project.</summary>
    public const string OtherProject = "HUBDSL9006";
    /// <summary>A symbolic link or junction is on the path, or something else stands where a file or folder is needed.</summary>
    public const string Obstacle = "HUBDSL9007";
    /// <summary>A file to overwrite or delete is read-only.</summary>
    public const string ReadOnly = "HUBDSL9008";
    /// <summary>A record cannot be read.</summary>
    public const string BadRecord = "HUBDSL9009";
    /// <summary>Warning: a recorded file was left in place (changed since written, or a link).</summary>
    public const string Left = "HUBDSL9010";
}
