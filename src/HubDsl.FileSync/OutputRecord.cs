using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace HubDsl.FileSync;

/// <summary>
/// The record of what one project's build wrote under an output root: <c>&lt;root&gt;/.hubdsl/&lt;ProjectName&gt;.files</c>,
/// committed beside the files. It names the project (its project file, relative to the root) and lists each file
/// with the SHA-256 of the content written, in <c>sha256sum</c> format. The build deletes or overwrites only files
/// listed here, and only while they still have the recorded content; the CLI reads exactly these files.
/// </summary>
public sealed class OutputRecord
{
    /// <summary>The folder under the output root that holds the records.</summary>
    public const string Folder = ".hubdsl";

    /// <summary>The record file's extension.</summary>
    public const string Extension = ".files";

    private const string ProjectKey = "project: ";

    /// <summary>A record for a project (relative path of its project file from the root, '/' separated).</summary>
    public OutputRecord(string project, IEnumerable<KeyValuePair<string, string>> files)
    {
        Project = project;
        Files = new SortedDictionary<string, string>(files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The owning project's file, relative to the output root with '/' separators.</summary>
    public string Project { get; }

    /// <summary>Relative path ('/' separators) to lowercase hex SHA-256, sorted by path.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>The owning project's file as an absolute path, for a record in <paramref name="root"/>.</summary>
    public string ProjectFileIn(OutputRoot root) =>
        System.IO.Path.IsPathRooted(Project) ? Project : System.IO.Path.GetFullPath(System.IO.Path.Combine(root.FullPath, Project.Replace('/', System.IO.Path.DirectorySeparatorChar)));

    /// <summary>The record's path relative to the output root for a project name.</summary>
    public static string PathFor(string projectName) => Folder + "/" + projectName + Extension;

    /// <summary>The record as text (stable: the same files give the same bytes).</summary>
    public string Format()
    {
        var text = new StringBuilder();
        text.Append("# HubDsl output record: the files the build of the project below wrote in this folder, with the SHA-256 of each.\n");
        text.Append("# Commit it with them. The build overwrites or deletes only files listed here; 'hubdsl preview' and 'hubdsl apply' read exactly these.\n");
        text.Append(ProjectKey).Append(Project).Append('\n');
        foreach (var file in Files) text.Append(file.Value).Append("  ").Append(file.Key).Append('\n');
        return text.ToString();
    }

    /// <summary>Parses a record; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="OutputRecordException">The text is not a record.</exception>
    public static OutputRecord Parse(string text, string name)
    {
        string? project = null;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = ContentHash.Normalize(text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
            if (line.StartsWith(ProjectKey, StringComparison.Ordinal))
            {
                if (project is not null) throw Bad(name, i, "a second 'project:' line");
                project = line.Substring(ProjectKey.Length).Trim();
                if (project.Length == 0) throw Bad(name, i, "an empty 'project:' line");
                continue;
            }

            if (line.Length < 67 || line[64] != ' ' || line[65] != ' ' || !IsHex(line, 64))
            {
                throw Bad(name, i, "'" + (line.Length > 60 ? line.Substring(0, 57) + "..." : line) + "' (expected '<sha256>  <path>')");
            }

            var path = line.Substring(66);
            if (OutputRoot.PathProblem(path) is { } problem) throw Bad(name, i, "the path '" + path + "': " + problem);
            if (files.ContainsKey(path)) throw Bad(name, i, "'" + path + "' listed twice");
            files[path] = line.Substring(0, 64);
        }

        if (project is null) throw new OutputRecordException(name + " has no 'project:' line.");
        return new OutputRecord(project, files);
    }

    private static bool IsHex(string text, int length)
    {
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
        }

        return true;
    }

    private static OutputRecordException Bad(string name, int line, string what) =>
        new(name + " is not a valid HubDsl output record: line " + (line + 1) + " has " + what + ".");
}

/// <summary>A record that cannot be read (a merge conflict, a hand edit).</summary>
public sealed class OutputRecordException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OutputRecordException(string message)
        : base(message)
    {
    }
}
