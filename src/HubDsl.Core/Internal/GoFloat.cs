using System.Globalization;
using System.Text;

namespace HubDsl.Core;

/// <summary>strconv.FormatFloat for the forms templates and YAML print: shortest %g/%v, %e, %f and JSON's choice (used by both, so it sits below them).</summary>
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

    /// <summary>The exact decimal digits of |v| (no trailing zeros) and the point position: |v| = 0.DIGITS × 10^point.</summary>
    private static (string Digits, int Point) Exact(double v)
    {
        long bits = System.BitConverter.DoubleToInt64Bits(v) & long.MaxValue;
        int exp = (int)(bits >> 52);
        long mant = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0) exp = 1; else mant |= 1L << 52;
        exp -= 1075; // value = mant × 2^exp
        if (mant == 0) return ("0", 1);
        System.Numerics.BigInteger n = mant;
        int point;
        string digits;
        if (exp >= 0)
        {
            digits = (n << exp).ToString(CultureInfo.InvariantCulture);
            point = digits.Length;
        }
        else
        {
            digits = (n * System.Numerics.BigInteger.Pow(5, -exp)).ToString(CultureInfo.InvariantCulture);
            point = digits.Length + exp;
        }
        digits = digits.TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, point);
    }

    /// <summary>Rounds exact digits to <paramref name="keep"/> digits, halves to even (strconv's rule on the exact value).</summary>
    private static (string Digits, int Point) Round(string digits, int point, int keep)
    {
        if (keep < 0) return ("0", point);
        if (keep >= digits.Length) return (digits, point);
        bool up;
        int next = digits[keep] - '0';
        if (next > 5) up = true;
        else if (next < 5) up = false;
        else if (keep + 1 < digits.Length) up = true; // more nonzero digits follow (trailing zeros were trimmed)
        else up = keep > 0 && (digits[keep - 1] - '0') % 2 == 1;
        var d = digits.Substring(0, keep).ToCharArray();
        if (up)
        {
            int i = d.Length - 1;
            while (i >= 0 && d[i] == '9') d[i--] = '0';
            if (i < 0)
            {
                return ("1" + new string(d), point + 1);
            }
            d[i]++;
        }
        string r = new string(d);
        return (r.Length == 0 ? "0" : r, point);
    }

    /// <summary>%.Nf</summary>
    public static string FormatF(double v, int prec)
    {
        if (double.IsNaN(v) || double.IsInfinity(v)) return Special(v);
        bool neg = System.BitConverter.DoubleToInt64Bits(v) < 0;
        var (digits, point) = Exact(v);
        if (digits != "0") (digits, point) = Round(digits, point, point + prec);
        if (digits == "0") point = 1;
        var sb = new StringBuilder(neg ? "-" : "");
        // integer part
        if (point <= 0 || digits == "0") sb.Append('0');
        else for (int i = 0; i < point; i++) sb.Append(i < digits.Length ? digits[i] : '0');
        if (prec > 0)
        {
            sb.Append('.');
            for (int i = 0; i < prec; i++)
            {
                int idx = point + i;
                sb.Append(digits != "0" && idx >= 0 && idx < digits.Length ? digits[idx] : '0');
            }
        }
        return sb.ToString();
    }

    /// <summary>%.Ne</summary>
    public static string FormatEPrec(double v, int prec)
    {
        if (double.IsNaN(v) || double.IsInfinity(v)) return Special(v);
        bool neg = System.BitConverter.DoubleToInt64Bits(v) < 0;
        var (digits, point) = Exact(v);
        int exp = 0;
        if (digits != "0")
        {
            (digits, point) = Round(digits, point, prec + 1);
            exp = point - 1;
        }
        var sb = new StringBuilder(neg ? "-" : "");
        sb.Append(digits[0]);
        if (prec > 0)
        {
            sb.Append('.');
            for (int i = 1; i <= prec; i++) sb.Append(i < digits.Length ? digits[i] : '0');
        }
        int a = System.Math.Abs(exp);
        sb.Append('e').Append(exp < 0 ? '-' : '+').Append(a < 10 ? "0" : "").Append(a.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
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
