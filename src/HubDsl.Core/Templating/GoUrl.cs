using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>
/// The parts of Go's net/url (Go 1.19) that Sprig's urlParse and urlJoin use: Parse with its error texts, escaping
/// per URL component, Hostname, Userinfo.String and URL.String. Work is on UTF-8 bytes, as in Go.
/// </summary>
internal sealed class GoUrl
{
    private enum Encoding
    {
        Path = 1,
        Host = 3,
        Zone = 4,
        UserPassword = 5,
        QueryComponent = 6,
        Fragment = 7,
    }

    public string Scheme { get; set; } = string.Empty;
    public string Opaque { get; set; } = string.Empty;
    public string Host { get; set; } = string.Empty;
    public string Path { get; set; } = string.Empty;
    public string RawQuery { get; set; } = string.Empty;
    public string Fragment { get; set; } = string.Empty;
    public bool ForceQuery { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>url.Parse; the exception's message is the *url.Error text (<c>parse "…": …</c>).</summary>
    public static GoUrl Parse(string rawUrl)
    {
        var hash = rawUrl.IndexOf('#');
        var u = hash < 0 ? rawUrl : rawUrl.Substring(0, hash);
        GoUrl url;
        try
        {
            url = ParseWithoutFragment(u);
        }
        catch (FunctionException e)
        {
            throw new FunctionException("parse " + GoQuote.Quote(u) + ": " + e.Message);
        }

        if (hash < 0) return url;
        try
        {
            url.Fragment = Unescape(rawUrl.Substring(hash + 1), Encoding.Fragment);
        }
        catch (FunctionException e)
        {
            throw new FunctionException("parse " + GoQuote.Quote(rawUrl) + ": " + e.Message);
        }

        return url;
    }

    private static GoUrl ParseWithoutFragment(string rawUrl)
    {
        foreach (var c in rawUrl)
        {
            if (c < ' ' || c == 0x7f) throw new FunctionException("net/url: invalid control character in URL");
        }

        var url = new GoUrl();
        if (rawUrl == "*")
        {
            url.Path = "*";
            return url;
        }

        var (scheme, rest) = GetScheme(rawUrl);
        url.Scheme = scheme.ToLowerInvariant();
        if (rest.EndsWith("?", System.StringComparison.Ordinal) && Count(rest, '?') == 1)
        {
            url.ForceQuery = true;
            rest = rest.Substring(0, rest.Length - 1);
        }
        else
        {
            var q = rest.IndexOf('?');
            if (q >= 0)
            {
                url.RawQuery = rest.Substring(q + 1);
                rest = rest.Substring(0, q);
            }
        }

        if (!rest.StartsWith("/", System.StringComparison.Ordinal))
        {
            if (url.Scheme.Length > 0)
            {
                // A rootless path after a scheme is opaque (RFC 3986).
                url.Opaque = rest;
                return url;
            }

            var slash = rest.IndexOf('/');
            if ((slash < 0 ? rest : rest.Substring(0, slash)).IndexOf(':') >= 0) throw new FunctionException("first path segment in URL cannot contain colon");
        }

        if ((url.Scheme.Length > 0 || !rest.StartsWith("///", System.StringComparison.Ordinal)) && rest.StartsWith("//", System.StringComparison.Ordinal))
        {
            var authority = rest.Substring(2);
            rest = string.Empty;
            var slash = authority.IndexOf('/');
            if (slash >= 0)
            {
                rest = authority.Substring(slash);
                authority = authority.Substring(0, slash);
            }

            ParseAuthority(url, authority);
        }

        url.Path = Unescape(rest, Encoding.Path);
        return url;
    }

    private static int Count(string s, char c)
    {
        var n = 0;
        foreach (var x in s)
        {
            if (x == c) n++;
        }

        return n;
    }

    private static (string Scheme, string Remainder) GetScheme(string rawUrl)
    {
        for (var i = 0; i < rawUrl.Length; i++)
        {
            var c = rawUrl[i];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
            if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')
            {
                if (i == 0) return (string.Empty, rawUrl);
                continue;
            }

            if (c == ':')
            {
                if (i == 0) throw new FunctionException("missing protocol scheme");
                return (rawUrl.Substring(0, i), rawUrl.Substring(i + 1));
            }

            return (string.Empty, rawUrl);
        }

        return (string.Empty, rawUrl);
    }

    private static void ParseAuthority(GoUrl url, string authority)
    {
        var at = authority.LastIndexOf('@');
        url.Host = ParseHost(at < 0 ? authority : authority.Substring(at + 1));
        if (at < 0) return;
        var userinfo = authority.Substring(0, at);
        if (!ValidUserinfo(userinfo)) throw new FunctionException("net/url: invalid userinfo");
        var colon = userinfo.IndexOf(':');
        if (colon < 0)
        {
            url.UserName = Unescape(userinfo, Encoding.UserPassword);
        }
        else
        {
            url.UserName = Unescape(userinfo.Substring(0, colon), Encoding.UserPassword);
            url.Password = Unescape(userinfo.Substring(colon + 1), Encoding.UserPassword);
        }
    }

    private static string ParseHost(string host)
    {
        if (host.StartsWith("[", System.StringComparison.Ordinal))
        {
            var close = host.LastIndexOf(']');
            if (close < 0) throw new FunctionException("missing ']' in host");
            var colonPort = host.Substring(close + 1);
            if (!ValidOptionalPort(colonPort)) throw new FunctionException("invalid port " + GoQuote.Quote(colonPort) + " after host");
            var zone = host.Substring(0, close).IndexOf("%25", System.StringComparison.Ordinal);
            if (zone >= 0)
            {
                return Unescape(host.Substring(0, zone), Encoding.Host) + Unescape(host.Substring(zone, close - zone), Encoding.Zone) + Unescape(host.Substring(close), Encoding.Host);
            }
        }
        else
        {
            var colon = host.LastIndexOf(':');
            if (colon >= 0)
            {
                var colonPort = host.Substring(colon);
                if (!ValidOptionalPort(colonPort)) throw new FunctionException("invalid port " + GoQuote.Quote(colonPort) + " after host");
            }
        }

        return Unescape(host, Encoding.Host);
    }

    private static bool ValidOptionalPort(string port)
    {
        if (port.Length == 0) return true;
        if (port[0] != ':') return false;
        for (var i = 1; i < port.Length; i++)
        {
            if (port[i] < '0' || port[i] > '9') return false;
        }

        return true;
    }

    private static bool ValidUserinfo(string s)
    {
        foreach (var r in s)
        {
            if ((r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9')) continue;
            if ("-._:~!$&'()*+,;=%@".IndexOf(r) < 0) return false;
        }

        return true;
    }

    /// <summary>url.Hostname: the host without its port and IPv6 brackets.</summary>
    public string Hostname()
    {
        var host = Host;
        var colon = host.LastIndexOf(':');
        if (colon >= 0 && ValidOptionalPort(host.Substring(colon))) host = host.Substring(0, colon);
        if (host.StartsWith("[", System.StringComparison.Ordinal) && host.EndsWith("]", System.StringComparison.Ordinal)) host = host.Substring(1, host.Length - 2);
        return host;
    }

    /// <summary>Userinfo.String: the escaped user name and password, "" without a user.</summary>
    public string UserInfo()
    {
        if (UserName is null) return string.Empty;
        var s = Escape(UserName, Encoding.UserPassword);
        if (Password is not null) s += ":" + Escape(Password, Encoding.UserPassword);
        return s;
    }

    /// <summary>URL.String for a URL built from parts (no raw path or fragment kept).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Scheme.Length > 0) sb.Append(Scheme).Append(':');
        if (Opaque.Length > 0)
        {
            sb.Append(Opaque);
        }
        else
        {
            if (Scheme.Length > 0 || Host.Length > 0 || UserName is not null)
            {
                if (Host.Length > 0 || Path.Length > 0 || UserName is not null) sb.Append("//");
                if (UserName is not null) sb.Append(UserInfo()).Append('@');
                if (Host.Length > 0) sb.Append(Escape(Host, Encoding.Host));
            }

            var path = Path == "*" ? "*" : Escape(Path, Encoding.Path);
            if (path.Length > 0 && path[0] != '/' && Host.Length > 0) sb.Append('/');
            if (sb.Length == 0)
            {
                var slash = path.IndexOf('/');
                if ((slash < 0 ? path : path.Substring(0, slash)).IndexOf(':') >= 0) sb.Append("./");
            }

            sb.Append(path);
        }

        if (ForceQuery || RawQuery.Length > 0) sb.Append('?').Append(RawQuery);
        if (Fragment.Length > 0) sb.Append('#').Append(Escape(Fragment, Encoding.Fragment));
        return sb.ToString();
    }

    private static bool ShouldEscape(byte c, Encoding mode)
    {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return false;
        if ((mode == Encoding.Host || mode == Encoding.Zone) && "!$&'()*+,;=:[]<>\"".IndexOf((char)c) >= 0) return false;
        switch ((char)c)
        {
            case '-':
            case '_':
            case '.':
            case '~':
                return false;
            case '$':
            case '&':
            case '+':
            case ',':
            case '/':
            case ':':
            case ';':
            case '=':
            case '?':
            case '@':
                switch (mode)
                {
                    case Encoding.Path: return c == '?';
                    case Encoding.UserPassword: return c == '@' || c == '/' || c == '?' || c == ':';
                    case Encoding.QueryComponent: return true;
                    case Encoding.Fragment: return false;
                }

                break;
        }

        if (mode == Encoding.Fragment && (c == '!' || c == '(' || c == ')' || c == '*')) return false;
        return true;
    }

    private static string Escape(string s, Encoding mode)
    {
        const string upperHex = "0123456789ABCDEF";
        var sb = new StringBuilder(s.Length);
        foreach (var c in System.Text.Encoding.UTF8.GetBytes(s))
        {
            if (c == ' ' && mode == Encoding.QueryComponent) sb.Append('+');
            else if (ShouldEscape(c, mode)) sb.Append('%').Append(upperHex[c >> 4]).Append(upperHex[c & 15]);
            else sb.Append((char)c);
        }

        return sb.ToString();
    }

    private static bool IsHex(byte c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static int Unhex(byte c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static string Unescape(string text, Encoding mode)
    {
        var s = System.Text.Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < s.Length;)
        {
            switch (s[i])
            {
                case (byte)'%':
                    if (i + 2 >= s.Length || !IsHex(s[i + 1]) || !IsHex(s[i + 2]))
                    {
                        throw new FunctionException("invalid URL escape " + GoQuote.Quote(GoRunes.FromUtf8(s, i, System.Math.Min(3, s.Length - i))));
                    }

                    var escaped = GoRunes.FromUtf8(s, i, 3);
                    if (mode == Encoding.Host && Unhex(s[i + 1]) < 8 && escaped != "%25") throw new FunctionException("invalid URL escape " + GoQuote.Quote(escaped));
                    if (mode == Encoding.Zone)
                    {
                        var v = (byte)((Unhex(s[i + 1]) << 4) | Unhex(s[i + 2]));
                        if (escaped != "%25" && v != ' ' && ShouldEscape(v, Encoding.Host)) throw new FunctionException("invalid URL escape " + GoQuote.Quote(escaped));
                    }

                    i += 3;
                    break;
                default:
                    if ((mode == Encoding.Host || mode == Encoding.Zone) && s[i] < 0x80 && ShouldEscape(s[i], mode))
                    {
                        throw new FunctionException("invalid character " + GoQuote.Quote(((char)s[i]).ToString()) + " in host name");
                    }

                    i++;
                    break;
            }
        }

        var result = new System.Collections.Generic.List<byte>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%')
            {
                result.Add((byte)((Unhex(s[i + 1]) << 4) | Unhex(s[i + 2])));
                i += 2;
            }
            else if (s[i] == '+' && mode == Encoding.QueryComponent)
            {
                result.Add((byte)' ');
            }
            else
            {
                result.Add(s[i]);
            }
        }

        var bytes = result.ToArray();
        return GoRunes.FromUtf8(bytes, 0, bytes.Length);
    }
}
