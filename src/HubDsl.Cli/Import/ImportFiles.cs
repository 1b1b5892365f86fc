namespace HubDsl.Cli.Import;

/// <summary>
/// Writes the imported project: every file is checked before any is written, so a refusal leaves nothing
/// half-written; an existing file is overwritten only with <c>--force</c>; a symbolic link is never written through.
/// </summary>
internal static class ImportFiles
{
    public static void Write(string folder, IReadOnlyDictionary<string, string> files, bool force)
    {
        if (File.Exists(folder)) throw new UserInputException("-o: '" + folder + "' is a file; give a folder for the project");
        var existing = new List<string>();
        foreach (var relative in files.Keys)
        {
            var path = Path.Combine(folder, relative);
            for (var at = Path.GetDirectoryName(path); at is not null && at.Length >= folder.Length; at = Path.GetDirectoryName(at))
            {
                if (Directory.Exists(at) && new DirectoryInfo(at).LinkTarget is not null) throw new UserInputException("-o: '" + at + "' is a symbolic link; the import does not write through links");
            }

            if (new FileInfo(path).LinkTarget is not null) throw new UserInputException("-o: '" + path + "' is a symbolic link; the import does not write through links");
            if (Directory.Exists(path)) throw new UserInputException("-o: '" + path + "' is a folder where the import writes a file");
            if (File.Exists(path)) existing.Add(relative);
        }

        if (existing.Count > 0 && !force)
        {
            throw new UserInputException("-o: " + existing.Count + " file(s) already exist in '" + folder + "' (" + string.Join(", ", existing) + "); nothing was written. Use --force to overwrite them");
        }

        try
        {
            foreach (var (relative, text) in files)
            {
                var path = Path.Combine(folder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                if (File.Exists(path) && File.ReadAllText(path) == text) continue;
                File.WriteAllText(path, text, new System.Text.UTF8Encoding(false));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException("-o: cannot write to '" + folder + "': " + e.Message + " (files written before the failure stay: run again with --force)");
        }
    }
}
