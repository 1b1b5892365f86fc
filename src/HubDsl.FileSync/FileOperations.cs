using System.IO;

namespace HubDsl.FileSync;

/// <summary>The file-system calls a sync makes, so tests can make one of them fail.</summary>
internal interface IFileOperations
{
    /// <summary>Creates a file that must not exist yet.</summary>
    void WriteNew(string path, string content);

    /// <summary>Renames a file; the destination must not exist.</summary>
    void Move(string from, string to);

    void Delete(string path);

    void CreateDirectory(string path);

    void DeleteEmptyDirectory(string path);
}

/// <summary>The real file system.</summary>
internal sealed class FileOperations : IFileOperations
{
    public static readonly FileOperations Real = new();

    public void WriteNew(string path, string content)
    {
        var bytes = ContentHash.Utf8NoBom.GetBytes(content);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(bytes, 0, bytes.Length);
        stream.Flush(flushToDisk: true);
    }

    public void Move(string from, string to) => File.Move(from, to);

    public void Delete(string path) => File.Delete(path);

    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    public void DeleteEmptyDirectory(string path) => Directory.Delete(path, recursive: false);
}
