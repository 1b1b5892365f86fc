using System.Text;

namespace HubDsl.Core.Validation;

/// <summary>
/// Whether a generated path is a portable relative file path: one that lands where it says on Linux, macOS and
/// Windows, inside its output folder. No empty, '.' or '..' segment, no name ending in '.' or a space (Windows
/// drops those), none of the characters Windows forbids in names, no name over 255 UTF-8 bytes.
/// </summary>
public static class PortablePaths
{
    /// <summary>The longest file or folder name most file systems accept (ext4, APFS, NTFS), in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 255;

    private const string WindowsForbidden = "<>:\"\\|?*";

    /// <summary>What is wrong with a relative path ('/' separators), or null when it is portable.</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0) return "it is empty";
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0) return "it has an empty folder name";
            if (segment == "..") return "'..' leaves its folder";
            if (segment == ".") return "'.' names the folder itself";
            foreach (var c in segment)
            {
                if (c < ' ' || c == '\u007f') return "'" + Shorten(segment) + "' contains a control character";
                if (WindowsForbidden.IndexOf(c) >= 0) return "'" + Shorten(segment) + "' contains '" + c + "', which Windows does not allow in names";
            }

            var last = segment[segment.Length - 1];
            if (last == '.' || last == ' ') return "'" + Shorten(segment) + "' ends with " + (last == '.' ? "'.'" : "a space") + ", which Windows drops (so it is another name there)";
            var bytes = Encoding.UTF8.GetByteCount(segment);
            if (bytes > MaxNameBytes) return "'" + Shorten(segment) + "' is " + bytes + " bytes long; file systems allow at most " + MaxNameBytes;
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 48 ? text : text.Substring(0, 45) + "...";
}
