using System.Text;

namespace HubDsl.Core.Rendering;

/// <summary>
/// Argo CD's <c>normalize</c> / <c>nameNormalized</c> (argocd-behaviour.md 4.1; utils.SanitizeName).
/// Private to Rendering until the templating branch's ArgoNames.Normalize is merged; then dedupe.
/// </summary>
internal static class ArgoNameNormalizer
{
    public static string Normalize(string name)
    {
        // Lower-case, replace each character outside [a-z0-9-.] with '-', cut to 253, trim '-' and '.'.
        var sb = new StringBuilder(name.Length);
        var lower = name.ToLowerInvariant();
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            // Go works on runes: a surrogate pair is one character, replaced by one '-'.
            if (char.IsHighSurrogate(c) && i + 1 < lower.Length && char.IsLowSurrogate(lower[i + 1])) i++;
            sb.Append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ? c : '-');
        }

        var result = sb.ToString();
        if (result.Length > 253) result = result.Substring(0, 253);
        return result.Trim('-', '.');
    }
}
