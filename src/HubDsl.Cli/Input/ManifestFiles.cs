using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Input;

/// <summary>Reads Kubernetes manifests from YAML files and folders (multi-document files and v1 Lists included).</summary>
internal static class ManifestFiles
{
    /// <summary>Every object in the file, with list items unwrapped.</summary>
    public static IReadOnlyList<YamlMapping> Read(string path, YamlResolution resolution = YamlResolution.Yaml12Core) =>
        ReadDocuments(path, resolution).Select(d => d.Object).ToList();

    /// <summary>
    /// Every object in the file with the number (from 1) of the YAML document it is in; <paramref name="resolution"/>
    /// <see cref="YamlResolution.Yaml11"/> reads it as kubectl and Argo CD would (hand-written input).
    /// </summary>
    public static IReadOnlyList<ManifestObject> ReadDocuments(string path, YamlResolution resolution)
    {
        if (Directory.Exists(path)) throw new UserInputException("'" + path + "' is a folder, not a YAML file");
        string text;
        try
        {
            text = ReadBounded(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException("cannot read '" + path + "': " + (e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message));
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new UserInputException("'" + path + "' is not a YAML text file (it is not UTF-8 text)");
        }

        if (text.IndexOf('\0') >= 0) throw new UserInputException("'" + path + "' is not a YAML text file (it holds binary data)");

        return ParseDocuments(text, path, resolution);
    }

    /// <summary>Every object in a file's text (already read), with list items unwrapped; <paramref name="path"/> names it in errors.</summary>
    public static IReadOnlyList<YamlMapping> Parse(string text, string path) =>
        ParseDocuments(text, path, YamlResolution.Yaml12Core).Select(d => d.Object).ToList();

    /// <summary>Every object in a file's text with its document number (from 1).</summary>
    public static IReadOnlyList<ManifestObject> ParseDocuments(string text, string path, YamlResolution resolution)
    {
        IReadOnlyList<YamlNode> documents;
        try
        {
            documents = YamlReader.ParseAll(text, string.Empty, resolution);
        }
        catch (YamlReaderException e)
        {
            throw new UserInputException("'" + path + "' is not valid YAML (line " + e.Line + ", column " + e.Column + "): " + e.Reason);
        }

        var objects = new List<ManifestObject>();
        for (var d = 0; d < documents.Count; d++)
        {
            if (documents[d] is not YamlMapping mapping) continue;
            if (mapping["items"] is YamlSequence items && (mapping["kind"]?.AsString() ?? string.Empty).EndsWith("List", StringComparison.Ordinal))
            {
                objects.AddRange(items.OfType<YamlMapping>().Select(o => new ManifestObject(o, d + 1)));
            }
            else
            {
                objects.Add(new ManifestObject(mapping, d + 1));
            }
        }

        return objects;
    }

    // Reads at most one character more than the YAML reader accepts, so a huge file or a device such as
    // /dev/zero is refused with the reader's limit instead of filling memory.
    private static string ReadBounded(string path)
    {
        // Strict UTF-8 (or the encoding its byte-order mark names): a binary file is refused, not read as garbage.
        using var reader = new StreamReader(path, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
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
            var files = new List<string>();
            var pending = new Stack<string>();
            pending.Push(path);
            while (pending.Count > 0)
            {
                var folder = pending.Pop();
                List<(string Entry, FileAttributes Attributes)> entries;
                try
                {
                    entries = Directory.GetFileSystemEntries(folder).Select(e => (e, File.GetAttributes(e))).ToList();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new UserInputException("cannot read folder '" + folder + "': " + e.Message);
                }

                foreach (var (entry, attributes) in entries)
                {
                    if ((attributes & FileAttributes.ReparsePoint) != 0) continue;
                    if ((attributes & FileAttributes.Directory) != 0)
                    {
                        if (Path.GetFileName(entry) is not ("bin" or "obj" or ".git")) pending.Push(entry);
                    }
                    else if (entry.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || entry.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    {
                        files.Add(entry);
                    }
                }
            }

            return files.OrderBy(f => f, StringComparer.Ordinal);
        }

        if (File.Exists(path)) return new[] { path };
        throw new UserInputException("cannot read '" + path + "': no such file or folder");
    }

    public static bool IsKind(YamlMapping manifest, string apiVersion, string kind) =>
        manifest["apiVersion"]?.AsString() == apiVersion && manifest["kind"]?.AsString() == kind;
}

/// <summary>An object read from a manifest file and the number (from 1) of the YAML document that holds it.</summary>
internal sealed record ManifestObject(YamlMapping Object, int Document);
