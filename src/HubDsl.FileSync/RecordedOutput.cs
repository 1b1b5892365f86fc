using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace HubDsl.FileSync;

/// <summary>
/// A project's generated files as its build recorded them, for commands that read them (<c>hubdsl preview</c>,
/// <c>apply</c>, <c>diff</c>): exactly the recorded files, each checked to have the recorded content, none reached
/// through a link.
/// </summary>
public sealed class RecordedOutput
{
    private const int MaxParentLevels = 64;

    private RecordedOutput(OutputRoot root, string recordPath, OutputRecord record)
    {
        Root = root;
        RecordPath = recordPath;
        Record = record;
    }

    /// <summary>The output root the record is in.</summary>
    public OutputRoot Root { get; }

    /// <summary>The record's path relative to the root.</summary>
    public string RecordPath { get; }

    /// <summary>The record.</summary>
    public OutputRecord Record { get; }

    /// <summary>
    /// The record of the project in <paramref name="folder"/>: the nearest <c>.hubdsl/*.files</c> in the folder or a
    /// parent (up to the repository root) that names a project file in that folder. When none does and the folder's
    /// own <c>.hubdsl/</c> holds exactly one record (the folder is an output root), that one.
    /// </summary>
    /// <exception cref="OutputRecordException">No record, several, or one that cannot be read.</exception>
    public static RecordedOutput Find(string folder)
    {
        var start = new OutputRoot(folder).FullPath;
        if (!Directory.Exists(start)) throw new OutputRecordException("folder '" + folder + "' does not exist.");
        var level = 0;
        for (var dir = new DirectoryInfo(start); dir is not null && level < MaxParentLevels; dir = dir.Parent, level++)
        {
            var matches = Records(dir.FullName).Where(r => SameFolder(Path.GetDirectoryName(r.Record.ProjectFileIn(r.Root))!, start)).ToList();
            if (matches.Count == 1) return matches[0];
            if (matches.Count > 1) throw new OutputRecordException("several records name a project in '" + start + "': " + string.Join(", ", matches.Select(m => m.RecordPath)) + ". Pass --project with the output folder of the one you mean.");
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git"))) break; // the repository root
        }

        var own = Records(start).ToList();
        if (own.Count == 1) return own[0];
        if (own.Count > 1)
        {
            throw new OutputRecordException("'" + Path.Combine(start, OutputRecord.Folder) + "' holds the records of several projects (" + string.Join(", ", own.Select(r => r.Record.Project)) + "); pass --project with the folder of one of them.");
        }

        throw new OutputRecordException("no HubDsl output record (" + OutputRecord.Folder + "/<project>" + OutputRecord.Extension + ") for '" + start
            + "' in it or its parent folders. Build the project first (dotnet build): the build records the files it generates, and the record is committed with them.");
    }

    /// <summary>
    /// The recorded files whose paths <paramref name="include"/> accepts, in path order, each read once and checked
    /// against its recorded hash.
    /// </summary>
    /// <exception cref="OutputRecordException">A file is missing, changed since the build, or reached through a link.</exception>
    public IReadOnlyList<RecordedFile> Files(Func<string, bool> include)
    {
        var files = new List<RecordedFile>();
        foreach (var entry in Record.Files.Where(f => include(f.Key)))
        {
            var path = entry.Key;
            if (Root.ObstacleOnPath(path) is { } obstacle)
            {
                throw new OutputRecordException(obstacle.Kind == PathObstacleKind.Link
                    ? "'" + Describe(obstacle.Path) + "' is a symbolic link or junction; HubDsl never reads generated files through links. Replace it with the real folder and build again."
                    : "'" + Describe(obstacle.Path) + "' is not what the build wrote (" + path + " is listed in " + RecordPath + "); build again.");
            }

            var full = Root.Resolve(path);
            string? text;
            try
            {
                text = File.Exists(full) ? ContentHash.ReadText(full) : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OutputRecordException("cannot read '" + full + "': " + e.Message);
            }

            if (text is null) throw new OutputRecordException("'" + full + "' is missing (" + RecordPath + " lists it). Build the project again (dotnet build).");
            if (ContentHash.Of(text) != entry.Value)
            {
                throw new OutputRecordException("'" + full + "' differs from what the build wrote (its hash is not the one in " + RecordPath + "). Build the project again (dotnet build), or restore the file.");
            }

            files.Add(new RecordedFile(path, full, text));
        }

        return files;
    }

    private string Describe(string relative) => Root.Resolve(relative);

    private static IEnumerable<RecordedOutput> Records(string folder)
    {
        var root = new OutputRoot(folder);
        var records = Path.Combine(root.FullPath, OutputRecord.Folder);
        if (OutputRoot.IsLink(records) || !Directory.Exists(records)) yield break;
        foreach (var file in Directory.GetFiles(records, "*" + OutputRecord.Extension, SearchOption.TopDirectoryOnly).OrderBy(f => f, StringComparer.Ordinal))
        {
            if (OutputRoot.IsLink(file)) continue;
            var relative = OutputRecord.Folder + "/" + Path.GetFileName(file);
            string? text;
            try
            {
                text = ContentHash.ReadText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OutputRecordException("cannot read '" + file + "': " + e.Message);
            }

            if (text is null) throw new OutputRecordException("'" + file + "' is too large to be a HubDsl output record.");
            yield return new RecordedOutput(root, relative, OutputRecord.Parse(text, file));
        }
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), b.TrimEnd(Path.DirectorySeparatorChar),
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}

/// <summary>One recorded file: its path relative to the output root, its absolute path, and its text ('\n' line endings).</summary>
public sealed record RecordedFile(string Path, string FullPath, string Text);
