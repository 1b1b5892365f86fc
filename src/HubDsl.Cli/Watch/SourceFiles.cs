using Microsoft.CodeAnalysis.Text;

namespace HubDsl.Cli.Watch;

/// <summary>Reads source files as the compiler does: encoding from the BOM (UTF-8 otherwise), SHA-256 checksums.</summary>
internal static class SourceFiles
{
    /// <summary>The file's text, or null when it cannot be read now (deleted, or held by the editor mid-save).</summary>
    public static SourceText? TryRead(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return SourceText.From(stream, encoding: null, checksumAlgorithm: SourceHashAlgorithm.Sha256);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }
}
