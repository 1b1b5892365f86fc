using System.Collections.Generic;
using System.Globalization;

namespace HubDsl.Core.Templating;

/// <summary>
/// go-yaml v2's map key order (sorter.go): letters compare by code point and sort after non-letters, runs of digits
/// compare by numeric value ("a2" before "a10"). toYaml lists keys this way, not in byte order.
/// </summary>
internal sealed class YamlKeyOrder : IComparer<string>
{
    public static readonly YamlKeyOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (Less(x ?? "", y ?? "")) return -1;
        if (Less(y ?? "", x ?? "")) return 1;
        return 0;
    }

    private static int[] Runes(string s)
    {
        var r = new List<int>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                r.Add(char.ConvertToUtf32(s[i], s[i + 1]));
                i++;
            }
            else r.Add(char.IsSurrogate(s[i]) ? 0xFFFD : s[i]);
        }
        return r.ToArray();
    }

    private static bool IsLetter(int r) => r <= 0xFFFF ? char.IsLetter((char)r) : char.IsLetter(char.ConvertFromUtf32(r), 0);

    private static bool IsDigit(int r) => r <= 0xFFFF ? char.GetUnicodeCategory((char)r) == UnicodeCategory.DecimalDigitNumber : CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(r), 0) == UnicodeCategory.DecimalDigitNumber;

    private static bool Less(string a, string b)
    {
        var ar = Runes(a);
        var br = Runes(b);
        for (int i = 0; i < ar.Length && i < br.Length; i++)
        {
            if (ar[i] == br[i]) continue;
            bool al = IsLetter(ar[i]), bl = IsLetter(br[i]);
            if (al && bl) return ar[i] < br[i];
            if (al || bl) return bl;
            long an = 0, bn = 0;
            if (ar[i] == '0' || br[i] == '0')
            {
                for (int j = i - 1; j >= 0 && IsDigit(ar[j]); j--)
                {
                    if (ar[j] != '0')
                    {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai, bi;
            for (ai = i; ai < ar.Length && IsDigit(ar[ai]); ai++) an = unchecked(an * 10 + (ar[ai] - '0'));
            for (bi = i; bi < br.Length && IsDigit(br[bi]); bi++) bn = unchecked(bn * 10 + (br[bi] - '0'));
            if (an != bn) return an < bn;
            if (ai != bi) return ai < bi;
            return ar[i] < br[i];
        }
        return ar.Length < br.Length;
    }
}
