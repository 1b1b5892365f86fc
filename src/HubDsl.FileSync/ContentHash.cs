using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace HubDsl.FileSync;

/// <summary>
/// The SHA-256 of a file's text with line endings normalised to '\n', so a checkout with <c>core.autocrlf</c> hashes
/// the same as the file the build wrote.
/// </summary>
public static class ContentHash
{
    /// <summary>Files larger than this are never read whole: they are not something the build wrote.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    internal static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Lowercase hex SHA-256 of the normalised text.</summary>
    public static string Of(string text)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Utf8NoBom.GetBytes(Normalize(text)));
        var hex = new StringBuilder(hash.Length * 2);
        foreach (var b in hash) hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return hex.ToString();
    }

    /// <summary>The text with "\r\n" turned into "\n".</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n");

    /// <summary>A file's normalised text, or null when it is larger than <see cref="MaxFileBytes"/>.</summary>
    public static string? ReadText(string path)
    {
        if (new FileInfo(path).Length > MaxFileBytes) return null;
        return Normalize(File.ReadAllText(path, Utf8NoBom));
    }

    /// <summary>A file's normalised-text hash, or null when it is too large to be a generated file.</summary>
    public static string? OfFile(string path) => ReadText(path) is { } text ? Of(text) : null;
}
