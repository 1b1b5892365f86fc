using System.Globalization;
using System.Text.RegularExpressions;

namespace HubDsl.Core.Templating;

/// <summary>
/// Sprig's <c>semver</c>: Masterminds/semver/v3 v3.4.0 NewVersion (the version Argo CD links; CoerceNewVersion is on,
/// so the loose form <c>v?N(.N)?(.N)?(-pre)?(+meta)?</c> is read, missing parts are 0, leading zeros are allowed) and
/// the methods of *Version a template can call. Major, Minor and Patch are Go uint64: here they are int64 values, the
/// same for printing, arithmetic and eq (only typeOf would tell).
/// </summary>
internal sealed class GoSemver : GoObject
{
    private static readonly Regex Loose = new(@"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$", RegexOptions.CultureInvariant);
    private const string Allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789";

    private readonly bool _pointer;

    /// <summary>Whether this is a *Version (NewVersion's result) rather than a Version value (IncMajor's, SetPrerelease's).</summary>
    public bool IsPointer => _pointer;

    private GoSemver(ulong major, ulong minor, ulong patch, string pre, string metadata, string original, bool pointer)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = pre;
        Metadata = metadata;
        Original = original;
        _pointer = pointer;
    }

    public ulong Major { get; }
    public ulong Minor { get; }
    public ulong Patch { get; }
    public string Prerelease { get; }
    public string Metadata { get; }
    public string Original { get; }

    public override string GoTypeName => _pointer ? "*semver.Version" : "semver.Version";

    public override string GoKind => _pointer ? "ptr" : "struct";

    /// <summary>semver.NewVersion; the error text is the library's.</summary>
    public static GoSemver Parse(string v)
    {
        var m = Loose.Match(v);
        // Go's $ also matches before a final newline only with (?m); .NET's does without it.
        if (!m.Success || v.EndsWith("\n", System.StringComparison.Ordinal)) throw new FunctionException("invalid semantic version");
        var major = Segment(m.Groups[1].Value);
        var minor = m.Groups[2].Success ? Segment(m.Groups[2].Value.Substring(1)) : 0;
        var patch = m.Groups[3].Success ? Segment(m.Groups[3].Value.Substring(1)) : 0;
        var pre = m.Groups[5].Success ? m.Groups[5].Value : string.Empty;
        var meta = m.Groups[8].Success ? m.Groups[8].Value : string.Empty;
        if (pre.Length > 0) ValidatePrerelease(pre);
        if (meta.Length > 0) ValidateMetadata(meta);
        return new GoSemver(major, minor, patch, pre, meta, v, pointer: true);
    }

    private static ulong Segment(string digits)
    {
        if (ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        throw new FunctionException("error parsing version segment: strconv.ParseUint: parsing " + GoQuote.Quote(digits) + ": value out of range");
    }

    private static void ValidatePrerelease(string p)
    {
        foreach (var part in p.Split('.'))
        {
            if (part.Length == 0) throw new FunctionException("invalid prerelease string");
            if (IsDigits(part))
            {
                if (part.Length > 1 && part[0] == '0') throw new FunctionException("version segment starts with 0");
            }
            else if (!ContainsOnly(part, Allowed))
            {
                throw new FunctionException("invalid prerelease string");
            }
        }
    }

    private static void ValidateMetadata(string m)
    {
        foreach (var part in m.Split('.'))
        {
            if (part.Length == 0 || !ContainsOnly(part, Allowed)) throw new FunctionException("invalid metadata string");
        }
    }

    private static bool IsDigits(string s) => ContainsOnly(s, "0123456789");

    private static bool ContainsOnly(string s, string allowed)
    {
        foreach (var c in s)
        {
            if (allowed.IndexOf(c) < 0) return false;
        }

        return true;
    }

    public override string ToString() =>
        Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture) + "." + Patch.ToString(CultureInfo.InvariantCulture)
        + (Prerelease.Length > 0 ? "-" + Prerelease : string.Empty) + (Metadata.Length > 0 ? "+" + Metadata : string.Empty);

    public override GoFunction? Method(string name)
    {
        const ParamType A = ParamType.SemverVersion;
        var none = new ParamType[0];
        switch (name)
        {
            case "Major": return Get(() => GoValue.Of(ToGoInt(Major)));
            case "Minor": return Get(() => GoValue.Of(ToGoInt(Minor)));
            case "Patch": return Get(() => GoValue.Of(ToGoInt(Patch)));
            case "Prerelease": return Get(() => GoValue.Of(Prerelease));
            case "Metadata": return Get(() => GoValue.Of(Metadata));
            case "Original": return _pointer ? Get(() => GoValue.Of(Original)) : null;
            case "String": return Get(() => GoValue.Of(ToString()));
            case "IncMajor": return Get(() => GoValue.Of(Next(Major + 1, 0, 0, string.Empty, string.Empty)));
            case "IncMinor": return Get(() => GoValue.Of(Next(Major, Minor + 1, 0, string.Empty, string.Empty)));
            case "IncPatch": return Get(() => GoValue.Of(Next(Major, Minor, Prerelease.Length > 0 ? Patch : Patch + 1, string.Empty, string.Empty)));
            case "SetPrerelease":
                return new GoFunction(new[] { ParamType.String }, null, c =>
                {
                    if (c.Str(0).Length > 0) ValidatePrerelease(c.Str(0));
                    return GoValue.Of(Next(Major, Minor, Patch, c.Str(0), Metadata));
                });
            case "SetMetadata":
                return new GoFunction(new[] { ParamType.String }, null, c =>
                {
                    if (c.Str(0).Length > 0) ValidateMetadata(c.Str(0));
                    return GoValue.Of(Next(Major, Minor, Patch, Prerelease, c.Str(0)));
                });
            case "Compare": return _pointer ? new GoFunction(new[] { A }, null, c => GoValue.Of(Compare(Other(c, "Compare")))) : null;
            case "LessThan": return _pointer ? new GoFunction(new[] { A }, null, c => GoValue.Of(Compare(Other(c, name)) < 0)) : null;
            case "LessThanEqual": return _pointer ? new GoFunction(new[] { A }, null, c => GoValue.Of(Compare(Other(c, name)) <= 0)) : null;
            case "GreaterThan": return _pointer ? new GoFunction(new[] { A }, null, c => GoValue.Of(Compare(Other(c, name)) > 0)) : null;
            case "GreaterThanEqual": return _pointer ? new GoFunction(new[] { A }, null, c => GoValue.Of(Compare(Other(c, name)) >= 0)) : null;
            case "Equal": return _pointer ? new GoFunction(new[] { A }, null, c => GoValue.Of(c[0] is GoSemver o && Compare(o) == 0)) : null;
            default: return null;
        }

        GoFunction Get(System.Func<GoValue> f) => new(none, null, _ => f());
    }

    // The uint64 segments as the data model's integers (see the class comment).
    private static object ToGoInt(ulong v) => v <= int.MaxValue ? (object)(int)v : (long)v;

    // Inc*/Set* return a Version value whose Original keeps a leading v.
    private GoSemver Next(ulong major, ulong minor, ulong patch, string pre, string meta)
    {
        var next = new GoSemver(major, minor, patch, pre, meta, string.Empty, pointer: false);
        var prefix = Original.StartsWith("v", System.StringComparison.Ordinal) ? "v" : string.Empty;
        return new GoSemver(major, minor, patch, pre, meta, prefix + next.ToString(), pointer: false);
    }

    // The argument is a *Version (the executor checked its type); a nil one is dereferenced, as in Go.
    private static GoSemver Other(FunctionCall c, string method) =>
        c[0] as GoSemver ?? throw new FunctionException("runtime error: invalid memory address or nil pointer dereference");

    private int Compare(GoSemver o)
    {
        if (Major != o.Major) return Major < o.Major ? -1 : 1;
        if (Minor != o.Minor) return Minor < o.Minor ? -1 : 1;
        if (Patch != o.Patch) return Patch < o.Patch ? -1 : 1;
        if (Prerelease.Length == 0 && o.Prerelease.Length == 0) return 0;
        if (Prerelease.Length == 0) return 1;
        if (o.Prerelease.Length == 0) return -1;
        var s = Prerelease.Split('.');
        var t = o.Prerelease.Split('.');
        for (var i = 0; i < System.Math.Max(s.Length, t.Length); i++)
        {
            var d = ComparePart(i < s.Length ? s[i] : string.Empty, i < t.Length ? t[i] : string.Empty);
            if (d != 0) return d;
        }

        return 0;
    }

    private static int ComparePart(string s, string o)
    {
        if (s == o) return 0;
        if (s.Length == 0) return -1;
        if (o.Length == 0) return 1;
        var oNumber = ulong.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out var oi);
        var sNumber = ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var si);
        if (!oNumber && !sNumber) return string.CompareOrdinal(s, o) > 0 ? 1 : -1;
        if (!oNumber) return -1;
        if (!sNumber) return 1;
        return si > oi ? 1 : -1;
    }
}
