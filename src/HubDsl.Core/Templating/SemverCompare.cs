using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HubDsl.Core.Templating;

/// <summary>
/// Sprig's semverCompare: Masterminds/semver v3 constraint checking (operators = != &gt; &lt; &gt;= &lt;= ~ ~&gt; ^,
/// x/*/X wildcards, "a - b" ranges, "," for and, "||" for or). Ported from the v3.2 rules; only the boolean result
/// and the parse errors matter to templates.
/// </summary>
internal static class SemverCompare
{
    private const string SemVer = @"v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?";
    private const string Cv = @"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?";
    private const string Ops = @"=||!=|>|<|>=|=>|<=|=<|~|~>|\^";

    private static readonly System.TimeSpan Timeout = System.TimeSpan.FromSeconds(1);
    private static readonly Regex VersionRegex = new("^" + SemVer + "$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex ConstraintRegex = new(@"^\s*(" + Ops + @")\s*(" + Cv + @")\s*$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex RangeRegex = new(@"\s*(" + Cv + @")\s+-\s+(" + Cv + @")\s*", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex FindRegex = new("(" + Ops + @")\s*(" + Cv + ")", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex ValidRegex = new(@"^(\s*(" + Ops + @")\s*(" + Cv + @")\s*)((?:\s+|,\s*)(" + Ops + @")\s*(" + Cv + @")\s*)*$", RegexOptions.CultureInvariant, Timeout);

    private sealed class Version
    {
        public ulong Major, Minor, Patch;
        public string Pre = "";
    }

    private sealed class Constraint
    {
        public Version Con = new();
        public string Op = "";
        public bool Dirty, MinorDirty, PatchDirty;
    }

    public static bool Compare(string constraint, string version)
    {
        try
        {
            var ors = ParseConstraints(constraint);
            var v = ParseVersion(version) ?? throw new FunctionException("Invalid Semantic Version");
            foreach (var and in ors)
            {
                bool ok = true;
                foreach (var c in and)
                {
                    if (!Check(v, c))
                    {
                        ok = false;
                        break;
                    }
                }
                if (ok) return true;
            }
            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            throw new FunctionException("semver input too complex (HubDsl limit)");
        }
    }

    /// <summary>
    /// Argo CD's util/versions MaxVersion for a revision (no tag prefix): a valid version stays as written; a
    /// constraint becomes the highest tag satisfying it (tags that are not versions are skipped); anything else,
    /// or a constraint no tag satisfies, gives null and the revision is used as written.
    /// </summary>
    public static string? MaxVersion(string revision, IEnumerable<string> tags)
    {
        try
        {
            if (ParseVersion(revision) is not null) return revision;
        }
        catch (FunctionException)
        {
        }

        List<List<Constraint>> constraint;
        try
        {
            constraint = ParseConstraints(revision);
        }
        catch (System.Exception e) when (e is FunctionException or RegexMatchTimeoutException)
        {
            return null;
        }

        string? best = null;
        Version? bestVersion = null;
        foreach (var tag in tags)
        {
            Version? v;
            try
            {
                v = ParseVersion(tag);
            }
            catch (System.Exception e) when (e is FunctionException or RegexMatchTimeoutException)
            {
                continue;
            }

            if (v is null || !Satisfies(constraint, v)) continue;
            if (bestVersion is null || CompareVersions(v, bestVersion) > 0)
            {
                best = tag;
                bestVersion = v;
            }
        }

        return best;
    }

    private static bool Satisfies(List<List<Constraint>> ors, Version v)
    {
        foreach (var and in ors)
        {
            var ok = true;
            foreach (var c in and)
            {
                if (!Check(v, c))
                {
                    ok = false;
                    break;
                }
            }

            if (ok) return true;
        }

        return false;
    }

    private static Version? ParseVersion(string s)
    {
        var m = VersionRegex.Match(s);
        if (!m.Success) return null;
        var v = new Version { Pre = m.Groups[5].Value };
        if (!ulong.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out v.Major)) throw new FunctionException("Error parsing version segment: value out of range");
        if (m.Groups[2].Success && !ulong.TryParse(m.Groups[2].Value.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out v.Minor)) throw new FunctionException("Error parsing version segment: value out of range");
        if (m.Groups[3].Success && !ulong.TryParse(m.Groups[3].Value.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out v.Patch)) throw new FunctionException("Error parsing version segment: value out of range");
        if (v.Pre.Length > 0)
        {
            foreach (var part in v.Pre.Split('.'))
            {
                bool numeric = part.Length > 0 && IsDigits(part);
                if (numeric && part.Length > 1 && part[0] == '0') throw new FunctionException("Version segment starts with 0");
            }
        }
        return v;
    }

    private static bool IsDigits(string s)
    {
        foreach (char c in s)
            if (c < '0' || c > '9') return false;
        return true;
    }

    private static List<List<Constraint>> ParseConstraints(string c)
    {
        // "1.2 - 1.4" becomes ">= 1.2, <= 1.4"
        foreach (Match r in RangeRegex.Matches(c))
        {
            int idx = c.IndexOf(r.Value, System.StringComparison.Ordinal);
            if (idx >= 0) c = c.Substring(0, idx) + ">= " + r.Groups[1].Value + ", <= " + r.Groups[11].Value + c.Substring(idx + r.Value.Length);
        }
        var result = new List<List<Constraint>>();
        foreach (var or in c.Split(new[] { "||" }, System.StringSplitOptions.None))
        {
            if (!ValidRegex.IsMatch(or)) throw new FunctionException("improper constraint: " + or);
            var parts = new List<string>();
            foreach (Match f in FindRegex.Matches(or)) parts.Add(f.Value);
            if (parts.Count == 0) parts.Add(or);
            var and = new List<Constraint>();
            foreach (var p in parts) and.Add(ParseOne(p));
            result.Add(and);
        }
        return result;
    }

    private static bool IsX(string s) => s == "x" || s == "*" || s == "X";

    private static Constraint ParseOne(string s)
    {
        var m = ConstraintRegex.Match(s);
        if (!m.Success) throw new FunctionException("improper constraint: " + s);
        var c = new Constraint { Op = m.Groups[1].Value };
        string major = m.Groups[3].Value, minor = m.Groups[4].Value, patch = m.Groups[5].Value, pre = m.Groups[6].Value;
        string ver = m.Groups[2].Value;
        if (IsX(major) || major.Length == 0)
        {
            ver = "0.0.0" + pre;
            c.Dirty = true;
        }
        else if (IsX(minor.TrimStart('.')) || minor.Length == 0)
        {
            c.MinorDirty = c.Dirty = true;
            ver = major + ".0.0" + pre;
        }
        else if (IsX(patch.TrimStart('.')) || patch.Length == 0)
        {
            c.PatchDirty = c.Dirty = true;
            ver = major + minor + ".0" + pre;
        }
        Version? v;
        try
        {
            v = ParseVersion(ver);
        }
        catch (FunctionException)
        {
            v = null;
        }
        c.Con = v ?? throw new FunctionException("constraint Parser Error");
        return c;
    }

    private static int CompareSegment(ulong a, ulong b) => a < b ? -1 : a > b ? 1 : 0;

    private static int CompareVersions(Version v, Version o)
    {
        int d = CompareSegment(v.Major, o.Major);
        if (d == 0) d = CompareSegment(v.Minor, o.Minor);
        if (d == 0) d = CompareSegment(v.Patch, o.Patch);
        if (d != 0) return d;
        if (v.Pre.Length == 0 && o.Pre.Length == 0) return 0;
        if (v.Pre.Length == 0) return 1;
        if (o.Pre.Length == 0) return -1;
        return ComparePrerelease(v.Pre, o.Pre);
    }

    private static int ComparePrerelease(string v, string o)
    {
        var sp = v.Split('.');
        var op = o.Split('.');
        int l = System.Math.Max(sp.Length, op.Length);
        for (int i = 0; i < l; i++)
        {
            int d = ComparePrePart(i < sp.Length ? sp[i] : "", i < op.Length ? op[i] : "");
            if (d != 0) return d;
        }
        return 0;
    }

    private static int ComparePrePart(string s, string o)
    {
        if (s == o) return 0;
        if (s.Length == 0) return o.Length != 0 ? -1 : 1;
        if (o.Length == 0) return 1;
        bool oNum = IsDigits(o) && ulong.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out ulong oi);
        bool sNum = IsDigits(s) && ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out ulong si);
        if (!oNum && !sNum) return string.CompareOrdinal(s, o) > 0 ? 1 : -1;
        if (!oNum) return -1;
        if (!sNum) return 1;
        ulong.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out oi);
        ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out si);
        return si > oi ? 1 : -1;
    }

    private static bool Check(Version v, Constraint c)
    {
        bool preBlocked = v.Pre.Length > 0 && c.Con.Pre.Length == 0;
        switch (c.Op)
        {
            case "":
            case "=":
                if (preBlocked) return false;
                if (c.Dirty) return Tilde(v, c);
                return CompareVersions(v, c.Con) == 0;
            case "!=":
                return NotEqual(v, c);
            case ">":
                if (preBlocked) return false;
                if (!c.Dirty) return CompareVersions(v, c.Con) == 1;
                if (v.Major > c.Con.Major) return true;
                if (v.Major < c.Con.Major || c.MinorDirty) return false;
                if (c.PatchDirty) return v.Minor > c.Con.Minor;
                return CompareVersions(v, c.Con) == 1;
            case "<":
                return !preBlocked && CompareVersions(v, c.Con) < 0;
            case ">=":
            case "=>":
                return !preBlocked && CompareVersions(v, c.Con) >= 0;
            case "<=":
            case "=<":
                if (preBlocked) return false;
                if (!c.Dirty) return CompareVersions(v, c.Con) <= 0;
                if (v.Major > c.Con.Major) return false;
                if (v.Major == c.Con.Major && v.Minor > c.Con.Minor && !c.MinorDirty) return false;
                return true;
            case "~":
            case "~>":
                return !preBlocked && Tilde(v, c);
            case "^":
                return !preBlocked && Caret(v, c);
        }
        return false;
    }

    private static bool NotEqual(Version v, Constraint c)
    {
        if (c.Dirty)
        {
            if (v.Pre.Length > 0 && c.Con.Pre.Length == 0) return false;
            if (c.Con.Major != v.Major) return true;
            if (c.Con.Minor != v.Minor && !c.MinorDirty) return true;
            if (c.MinorDirty) return false;
            if (c.Con.Patch != v.Patch && !c.PatchDirty) return true;
            if (c.PatchDirty)
            {
                if (v.Pre.Length > 0 || c.Con.Pre.Length > 0) return ComparePrerelease(v.Pre, c.Con.Pre) != 0;
                return false;
            }
        }
        return CompareVersions(v, c.Con) != 0;
    }

    private static bool Tilde(Version v, Constraint c)
    {
        if (CompareVersions(v, c.Con) < 0) return false;
        if (c.Con.Major == 0 && c.Con.Minor == 0 && c.Con.Patch == 0 && !c.MinorDirty && !c.PatchDirty) return true;
        if (v.Major != c.Con.Major) return false;
        if (v.Minor != c.Con.Minor && !c.MinorDirty) return false;
        return true;
    }

    private static bool Caret(Version v, Constraint c)
    {
        if (CompareVersions(v, c.Con) < 0) return false;
        if (c.Con.Major > 0 || c.MinorDirty) return v.Major == c.Con.Major;
        if (c.Con.Major == 0 && v.Major > 0) return false;
        if (c.Con.Minor > 0 || c.PatchDirty) return v.Minor == c.Con.Minor;
        if (c.Con.Minor == 0 && v.Minor > 0) return false;
        return c.Con.Patch == v.Patch;
    }
}
