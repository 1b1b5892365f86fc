using System.Text;

namespace HubDsl.Core.Manifests;

/// <summary>
/// File and folder names HubDsl derives from names (clusters, ApplicationSets, AppProjects, Secrets): lowercase,
/// only letters, digits, '-', '.' and '_', and at most 255 UTF-8 bytes. A longer name (Kubernetes allows 253
/// characters, plus the extension) keeps its start and gets a stable hash of the whole name, so it still builds
/// and two long names stay apart.
/// </summary>
internal static class GeneratedFileNames
{
    /// <summary>The limit of most file systems for one file or folder name, in bytes.</summary>
    public const int MaxBytes = 255;

    /// <summary>The file (or folder, with an empty extension) name for <paramref name="name"/>.</summary>
    public static string For(string name, string extension)
    {
        var chars = name.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!(char.IsLetterOrDigit(chars[i]) || chars[i] == '-' || chars[i] == '.' || chars[i] == '_')) chars[i] = '-';
        }

        var safe = new string(chars);
        if (Encoding.UTF8.GetByteCount(safe + extension) <= MaxBytes) return safe + extension;

        // "-" and 8 hex digits of FNV-1a over the original name.
        var suffix = "-" + ClusterSecretNames.Fnv32a(name).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var budget = MaxBytes - Encoding.UTF8.GetByteCount(suffix + extension);
        var kept = new StringBuilder();
        var bytes = 0;
        foreach (var c in safe)
        {
            var size = Encoding.UTF8.GetByteCount(c.ToString());
            if (char.IsSurrogate(c) || bytes + size > budget) break;
            kept.Append(c);
            bytes += size;
        }

        return kept + suffix + extension;
    }
}
