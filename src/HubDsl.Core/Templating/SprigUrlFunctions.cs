using System.Collections.Generic;

namespace HubDsl.Core.Templating;

/// <summary>Sprig v3.3.0's urlParse and urlJoin (url.go) over Go's net/url.</summary>
internal static class SprigUrlFunctions
{
    private static readonly string[] JoinKeys = { "scheme", "host", "path", "query", "opaque", "fragment" };

    public static void Register(Dictionary<string, GoFunction> m)
    {
        m["urlParse"] = new GoFunction(new[] { ParamType.String }, null, c => GoValue.Of(UrlParse(c.Str(0))));
        m["urlJoin"] = new GoFunction(new[] { ParamType.MapStringAny }, null, c => GoValue.Of(UrlJoin(c.Map(0))));
    }

    public static Dictionary<string, object?> UrlParse(string v)
    {
        GoUrl url;
        try
        {
            url = GoUrl.Parse(v);
        }
        catch (FunctionException e)
        {
            throw new FunctionException("unable to parse url: " + e.Message);
        }

        return new Dictionary<string, object?>(System.StringComparer.Ordinal)
        {
            ["scheme"] = url.Scheme,
            ["host"] = url.Host,
            ["hostname"] = url.Hostname(),
            ["path"] = url.Path,
            ["query"] = url.RawQuery,
            ["opaque"] = url.Opaque,
            ["fragment"] = url.Fragment,
            ["userinfo"] = url.UserInfo(),
        };
    }

    public static string UrlJoin(IReadOnlyDictionary<string, object?>? d)
    {
        var parts = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var key in JoinKeys) parts[key] = GetOrEmpty(d, key);
        var url = new GoUrl { Scheme = parts["scheme"], Host = parts["host"], Path = parts["path"], RawQuery = parts["query"], Opaque = parts["opaque"], Fragment = parts["fragment"] };
        var userinfo = GetOrEmpty(d, "userinfo");
        if (userinfo.Length > 0)
        {
            GoUrl temp;
            try
            {
                temp = GoUrl.Parse("proto://" + userinfo + "@host");
            }
            catch (FunctionException e)
            {
                throw new FunctionException("unable to parse userinfo in dict: " + e.Message);
            }

            url.UserName = temp.UserName;
            url.Password = temp.Password;
        }

        return url.ToString();
    }

    // sprig dictGetOrEmpty: absent is "", a string is itself, anything else panics naming its kind (nil has no kind).
    private static string GetOrEmpty(IReadOnlyDictionary<string, object?>? d, string key)
    {
        if (d is null || !d.TryGetValue(key, out var value)) return string.Empty;
        if (value is string s) return s;
        if (value is null) throw new FunctionException("runtime error: invalid memory address or nil pointer dereference");
        throw new FunctionException("unable to parse " + key + " key, must be of type string, but " + SprigFunctions.KindName(value) + " found");
    }
}
