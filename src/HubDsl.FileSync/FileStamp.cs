using System;
using System.IO;

namespace HubDsl.FileSync;

/// <summary>A file's size and last-write time, from one status call.</summary>
internal readonly struct FileStamp : IEquatable<FileStamp>
{
    private FileStamp(long length, DateTime lastWriteUtc)
    {
        Length = length;
        LastWriteUtc = lastWriteUtc;
    }

    public long Length { get; }

    public DateTime LastWriteUtc { get; }

    /// <summary>The stamp of the file at <paramref name="fullPath"/>, or null when no file is there.</summary>
    public static FileStamp? Of(string fullPath) => Of(new FileInfo(fullPath));

    /// <summary>The stamp of <paramref name="file"/> as last refreshed, or null when it does not exist.</summary>
    public static FileStamp? Of(FileInfo file) => file.Exists ? new FileStamp(file.Length, file.LastWriteTimeUtc) : null;

    public bool Equals(FileStamp other) => Length == other.Length && LastWriteUtc == other.LastWriteUtc;

    public override bool Equals(object? obj) => obj is FileStamp other && Equals(other);

    public override int GetHashCode() => Length.GetHashCode() ^ LastWriteUtc.GetHashCode();
}
