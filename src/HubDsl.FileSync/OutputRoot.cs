using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace HubDsl.FileSync;

/// <summary>
/// The folder a build writes under, and the rules for paths inside it: a generated path is relative, uses '/',
/// has no empty, '.' or '..' segment, and is never reached through a symbolic link or junction. The root itself
/// is taken as the user named it (links above it are theirs); nothing below it is followed.
/// </summary>
public sealed class OutputRoot
{
    /// <summary>The longest file or folder name most file systems accept, in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 255;

    private readonly string _prefix;

    /// <summary>Resolves <paramref name="path"/> to an absolute folder.</summary>
    public OutputRoot(string path)
    {
        var full = Path.GetFullPath(path);
        var trimmed = full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        // Keep "/" and "C:\" whole.
        FullPath = trimmed.Length == 0 || trimmed.EndsWith(":", StringComparison.Ordinal) ? full : trimmed;
        _prefix = FullPath.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? FullPath : FullPath + Path.DirectorySeparatorChar;
    }

    /// <summary>The absolute folder, without a trailing separator.</summary>
    public string FullPath { get; }

    /// <summary>File names compare without case where the file system does (Windows, macOS): two paths that differ only in case are one file there.</summary>
    public static readonly StringComparer PortableComparer = StringComparer.OrdinalIgnoreCase;

    /// <summary>Why <paramref name="relative"/> is not a safe path inside a root, or null when it is.</summary>
    public static string? PathProblem(string relative)
    {
        if (string.IsNullOrEmpty(relative)) return "it is empty";
        if (relative.IndexOf('\\') >= 0) return "it contains '\\' (generated paths use '/')";
        if (relative.StartsWith("/", StringComparison.Ordinal)) return "it is not a relative path";
        if (relative.IndexOf(':') >= 0) return "it contains ':' (a drive or stream name on Windows)";
        foreach (var c in relative)
        {
            if (c < ' ' || c == '\u007f') return "it contains a control character";
        }

        foreach (var segment in relative.Split('/'))
        {
            if (segment.Length == 0) return "it has an empty segment";
            if (segment == "." || segment == "..") return "it has a '" + segment + "' segment, which would leave its folder";
            if (Encoding.UTF8.GetByteCount(segment) > MaxNameBytes) return "the name '" + Shorten(segment) + "' is longer than " + MaxNameBytes + " bytes";
        }

        return null;
    }

    /// <summary>The absolute path of a relative path that passed <see cref="PathProblem"/>.</summary>
    public string Resolve(string relative) => _prefix + relative.Replace('/', Path.DirectorySeparatorChar);

    /// <summary>The path relative to the root with '/' separators, or null when it is not under the root.</summary>
    public string? Relative(string fullPath)
    {
        var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return fullPath.StartsWith(_prefix, comparison) ? fullPath.Substring(_prefix.Length).Replace(Path.DirectorySeparatorChar, '/') : null;
    }

    /// <summary>
    /// What stands in the way of reaching <paramref name="relative"/> without following links: the first existing
    /// segment that is a symbolic link or junction, or a file where a folder is needed. Null when nothing does.
    /// </summary>
    public PathObstacle? ObstacleOnPath(string relative) => ObstacleOnPath(relative, realFolders: null);

    /// <summary>
    /// <see cref="ObstacleOnPath(string)"/>, taking the folders in <paramref name="realFolders"/> as already found real
    /// (not links) and adding those it finds: one plan checks each folder once, not once per file in it.
    /// </summary>
    public PathObstacle? ObstacleOnPath(string relative, HashSet<string>? realFolders) => ObstacleOnPath(relative, realFolders, out _);

    /// <summary>
    /// <see cref="ObstacleOnPath(string, HashSet{string})"/>, also giving the status of the path itself as it was read
    /// (<paramref name="target"/>; null when the walk stopped before it), so the caller needs no second status call.
    /// </summary>
    public PathObstacle? ObstacleOnPath(string relative, HashSet<string>? realFolders, out FileInfo? target)
    {
        target = null;
        var segments = relative.Split('/');
        var current = new StringBuilder();
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0) current.Append('/');
            current.Append(segments[i]);
            var isFolder = i < segments.Length - 1;
            if (isFolder && realFolders is not null && realFolders.Contains(current.ToString())) continue;
            FileAttributes? attributes;
            if (isFolder)
            {
                attributes = AttributesOf(Resolve(current.ToString()));
            }
            else
            {
                // FileInfo reads the status without following a link at the path (as File.GetAttributes does), and
                // reports -1 when nothing is there.
                target = new FileInfo(Resolve(current.ToString()));
                var found = target.Attributes;
                attributes = (int)found == -1 ? null : found;
            }

            if (attributes is null) return null; // the rest does not exist yet
            if ((attributes.Value & FileAttributes.ReparsePoint) != 0) return new PathObstacle(current.ToString(), PathObstacleKind.Link);
            if (isFolder && (attributes.Value & FileAttributes.Directory) == 0) return new PathObstacle(current.ToString(), PathObstacleKind.FileInsteadOfFolder);
            if (isFolder) realFolders?.Add(current.ToString());
            if (!isFolder && (attributes.Value & FileAttributes.Directory) != 0) return new PathObstacle(current.ToString(), PathObstacleKind.FolderInsteadOfFile);
        }

        return null;
    }

    /// <summary>A file's or folder's attributes without following a link at that path, or null when nothing is there.</summary>
    public static FileAttributes? AttributesOf(string fullPath)
    {
        try
        {
            return File.GetAttributes(fullPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Whether a link (symbolic link, junction or other reparse point) is at <paramref name="fullPath"/>.</summary>
    public static bool IsLink(string fullPath) => AttributesOf(fullPath) is { } a && (a & FileAttributes.ReparsePoint) != 0;

    /// <summary>The path of <paramref name="file"/> relative to <paramref name="folder"/>, with '/' separators and '..' where needed.</summary>
    public static string RelativePath(string folder, string file)
    {
        var comparer = Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var from = Split(Path.GetFullPath(folder));
        var to = Split(Path.GetFullPath(file));
        var common = 0;
        while (common < from.Count && common < to.Count && comparer.Equals(from[common], to[common])) common++;
        if (common == 0) return Path.GetFullPath(file).Replace('\\', '/'); // another drive
        var parts = new List<string>();
        for (var i = common; i < from.Count; i++) parts.Add("..");
        for (var i = common; i < to.Count; i++) parts.Add(to[i]);
        return string.Join("/", parts);
    }

    private static List<string> Split(string path)
    {
        var parts = new List<string>(path.Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries));
        if (path.StartsWith("/", StringComparison.Ordinal)) parts.Insert(0, "/");
        return parts;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";
}

/// <summary>What is in the way of a path: where, and what.</summary>
public sealed record PathObstacle(string Path, PathObstacleKind Kind);

/// <summary>Kinds of <see cref="PathObstacle"/>.</summary>
public enum PathObstacleKind
{
    /// <summary>A symbolic link or junction, which HubDsl never follows.</summary>
    Link,
    /// <summary>A file where the path needs a folder.</summary>
    FileInsteadOfFolder,
    /// <summary>A folder where the path needs a file.</summary>
    FolderInsteadOfFile,
}
