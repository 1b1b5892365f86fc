using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>Argo CD's name helpers: SanitizeName (normalize, nameNormalized) and SlugifyName (slugify).</summary>
public static class ArgoNames
{
    /// <summary>
    /// Lower-case; every character outside a-z, 0-9, '-', '.' becomes '-'; cut to 253; trim '-' and '.' at both ends.
    /// The result can still be an invalid DNS name (e.g. "a..b" or "").
    /// </summary>
    public static string Normalize(string s)
    {
        if (s == null) return "";
        // Go lower-cases with Unicode rules, then replaces each non-[-a-z0-9.] rune (not byte) with '-'.
        string lower = s.ToLowerInvariant();
        var sb = new StringBuilder(lower.Length);
        for (int i = 0; i < lower.Length; i++)
        {
            char c = lower[i];
            if (char.IsHighSurrogate(c) && i + 1 < lower.Length && char.IsLowSurrogate(lower[i + 1])) i++;
            sb.Append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ? c : '-');
        }
        string name = sb.ToString();
        if (name.Length > 253) name = name.Substring(0, 253);
        return name.Trim('-', '.');
    }

    /// <summary>
    /// Argo CD's slugify: Normalize, then gosimple/slug with MaxLength and EnableSmartTruncate: '.' becomes '-', dash
    /// runs collapse, ends are trimmed, and the result is cut to maxLength (at the last '-' when smart truncation is on).
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException">maxLength is negative while smartTruncate is false (Go panics there).</exception>
    public static string Slugify(string s, int maxLength = 50, bool smartTruncate = true)
    {
        string slug = Normalize(s);
        // The input is already [a-z0-9.-]: gosimple/slug's transliteration and substitutions are no-ops on it.
        if (!smartTruncate && slug.Length >= maxLength)
        {
            if (maxLength < 0) throw new System.ArgumentOutOfRangeException(nameof(maxLength), "slice bounds out of range");
            slug = slug.Substring(0, maxLength);
        }
        var sb = new StringBuilder(slug.Length);
        foreach (char c in slug)
        {
            char d = c == '.' ? '-' : c;
            if (d == '-' && sb.Length > 0 && sb[sb.Length - 1] == '-') continue;
            sb.Append(d);
        }
        slug = sb.ToString().Trim('-', '_');
        if (maxLength > 0 && smartTruncate && slug.Length > maxLength)
        {
            int cut = -1;
            for (int i = maxLength; i >= 0; i--)
            {
                if (slug[i] == '-')
                {
                    cut = i;
                    break;
                }
            }
            slug = cut >= 0 ? slug.Substring(0, cut) : slug.Substring(0, maxLength);
        }
        return slug;
    }
}
