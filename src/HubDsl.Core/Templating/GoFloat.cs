using System.Globalization;
using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>strconv.FormatFloat for the forms templates print: shortest %g/%v, %e, %f and JSON's choice.</summary>
internal static class GoFloat
{
    /// <summary>Shortest round-trip decimal digits and the decimal point position (value = 0.DIGITS × 10^point).</summary>
    private static (string Digits, int Point) Shortest(double v)
    {
        // Prefer the shortest representation that round-trips ("R" is shortest on modern .NET).
        string shortest = System.Math.Abs(v).ToString("R", CultureInfo.InvariantCulture);
        string s = shortest;
        int exp = 0;
        int e = s.IndexOfAny(new[] { 'E', 'e' });
        if (e >= 0)
        {
            exp = int.Parse(s.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            s = s.Substring(0, e);
        }
        int dot = s.IndexOf('.');
        string intPart = dot >= 0 ? s.Substring(0, dot) : s;
        string frac = dot >= 0 ? s.Substring(dot + 1) : "";
        string digits = (intPart + frac).TrimStart('0');
        int lead = (intPart + frac).Length - digits.Length;
        int point = intPart.Length + exp - lead;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
            return ("0", 1);
        return (digits, point);
    }

    private static string Special(double v) =>
        double.IsNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf";

    /// <summary>%v / %g with shortest precision.</summary>
    public static string FormatG(double v)
    {
        if (double.IsNaN(v) || double.IsInfinity(v)) return Special(v);
        var (digits, point) = Shortest(v);
        bool neg = v < 0 || (v == 0 && (System.BitConverter.DoubleToInt64Bits(v) < 0));
        int exp = point - 1;
        // Go: %e when exp < -4 || exp >= 6 for shortest precision
        string body = digits == "0" ? "0" : exp < -4 || exp >= 6 ? FormatE(digits, exp) : Fixed(digits, point);
        return neg ? "-" + body : body;
    }

    private static string FormatE(string digits, int exp)
    {
        var sb = new StringBuilder();
        sb.Append(digits[0]);
        if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
        sb.Append('e').Append(exp < 0 ? '-' : '+');
        int a = System.Math.Abs(exp);
        sb.Append(a < 10 ? "0" + a.ToString(CultureInfo.InvariantCulture) : a.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private static string Fixed(string digits, int point)
    {
        if (point <= 0) return "0." + new string('0', -point) + digits;
        if (point >= digits.Length) return digits + new string('0', point - digits.Length);
        return digits.Substring(0, point) + "." + digits.Substring(point);
    }

    /// <summary>%.Nf</summary>
    public static string FormatF(double v, int prec)
    {
        if (double.IsNaN(v) || double.IsInfinity(v)) return Special(v);
        string s = v.ToString("F" + prec.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (v == 0 && (System.BitConverter.DoubleToInt64Bits(v) < 0) && !s.StartsWith("-", System.StringComparison.Ordinal)) s = "-" + s;
        return s;
    }

    /// <summary>%.Ne</summary>
    public static string FormatEPrec(double v, int prec)
    {
        if (double.IsNaN(v) || double.IsInfinity(v)) return Special(v);
        string s = v.ToString((prec == 0 ? "0" : "0." + new string('0', prec)) + "e+00", CultureInfo.InvariantCulture);
        return s;
    }

    /// <summary>%x / %X with shortest precision: 0x1.8p+00 (strconv's 'x' format).</summary>
    public static string FormatHex(double v, bool upper)
    {
        if (double.IsNaN(v) || double.IsInfinity(v)) return Special(v);
        long bits = System.BitConverter.DoubleToInt64Bits(v);
        bool neg = bits < 0;
        int exp = (int)((bits >> 52) & 0x7FF);
        long mant = bits & 0xFFFFFFFFFFFFFL;
        string body;
        if (exp == 0 && mant == 0)
        {
            body = "0x0p+00";
        }
        else
        {
            if (exp == 0)
            {
                // subnormal: shift until the implicit bit appears
                exp = 1;
                while ((mant & (1L << 52)) == 0)
                {
                    mant <<= 1;
                    exp--;
                }
                mant &= 0xFFFFFFFFFFFFFL;
            }
            int e = exp - 1023;
            string frac = mant.ToString("x13", CultureInfo.InvariantCulture).TrimEnd('0');
            var sb = new StringBuilder("0x1");
            if (frac.Length > 0) sb.Append('.').Append(frac);
            int ae = System.Math.Abs(e);
            sb.Append('p').Append(e < 0 ? '-' : '+').Append(ae < 10 ? "0" : "").Append(ae.ToString(CultureInfo.InvariantCulture));
            body = sb.ToString();
        }
        if (upper) body = body.ToUpperInvariant();
        return neg ? "-" + body : body;
    }

    /// <summary>encoding/json's float64 form: shortest, exponent only outside [1e-6, 1e21).</summary>
    public static string FormatJson(double v)
    {
        var (digits, point) = Shortest(v);
        bool neg = v < 0;
        double abs = System.Math.Abs(v);
        string body;
        if (digits == "0") body = "0";
        else if (abs < 1e-6 || abs >= 1e21)
        {
            body = FormatE(digits, point - 1);
            // json trims e-07 to e-7
            int e = body.IndexOf('e');
            if (e >= 0 && body.Length - e == 4 && body[e + 2] == '0') body = body.Substring(0, e + 2) + body.Substring(e + 3);
        }
        else body = Fixed(digits, point);
        return neg ? "-" + body : body;
    }
}
