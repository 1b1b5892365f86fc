using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Input;

/// <summary>Reads Kubernetes manifests from YAML files and folders (multi-document files and v1 Lists included).</summary>
internal static class ManifestFiles
{
    /// <summary>Every object in the file, with list items unwrapped.</summary>
    public static IReadOnlyList<YamlMapping> Read(string path)
    {
        string text;
        try
        {
            text = ReadBounded(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException("cannot read '" + path + "': " + (e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message));
        }

        IReadOnlyList<YamlNode> documents;
        try
        {
            documents = YamlReader.ParseAll(text);
        }
        catch (YamlReaderException e)
        {
            throw new UserInputException("'" + path + "' is not valid YAML (line " + e.Line + ", column " + e.Column + "): " + e.Reason);
        }

        var objects = new List<YamlMapping>();
        foreach (var document in documents)
        {
            if (document is not YamlMapping mapping) continue;
            if (mapping["items"] is YamlSequence items && (mapping["kind"]?.AsString() ?? string.Empty).EndsWith("List", StringComparison.Ordinal))
            {
                objects.AddRange(items.OfType<YamlMapping>());
            }
            else
            {
                objects.Add(mapping);
            }
        }

        return objects;
    }

    // Reads at most one character more than the YAML reader accepts, so a huge file or a device such as
    // /dev/zero is refused with the reader's limit instead of filling memory.
    private static string ReadBounded(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[Math.Min(YamlReaderLimits.MaxTextLength + 1L, Math.Max(4096L, new FileInfo(path).Length + 1))];
        var text = new System.Text.StringBuilder();
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > YamlReaderLimits.MaxTextLength)
            {
                throw new UserInputException("'" + path + "' is larger than the " + YamlReaderLimits.MaxTextLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) +
                    " characters HubDsl reads from one YAML file (YamlReaderLimits.MaxTextLength; the Kubernetes API server refuses requests over 3 MiB)");
            }
        }

        return text.ToString();
    }

    /// <summary>Every YAML file under a folder (sorted), or the file itself.</summary>
    public static IEnumerable<string> Expand(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Where(f => !Path.GetRelativePath(path, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git"))
                .OrderBy(f => f, StringComparer.Ordinal);
        }

        if (File.Exists(path)) return new[] { path };
        throw new UserInputException("cannot read '" + path + "': no such file or folder");
    }

    public static bool IsKind(YamlMapping manifest, string apiVersion, string kind) =>
        manifest["apiVersion"]?.AsString() == apiVersion && manifest["kind"]?.AsString() == kind;
}
