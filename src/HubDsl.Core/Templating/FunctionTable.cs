using System.Collections.Generic;

namespace HubDsl.Core.Templating;

/// <summary>
/// The function map Argo CD gives templates: Go's builtins, Sprig's GenericFuncMap minus env/expandenv/getHostByName,
/// plus normalize, slugify, toYaml, fromYaml, fromYamlArray. Sprig's "slice" replaces Go's builtin of that name.
/// Functions Argo CD has whose result offline rendering cannot know (the clock, randomness) parse like any other and
/// fail when they are called, with the reason: text/template only calls what it executes, so one inside
/// <c>{{ if false }}</c> never fails.
/// </summary>
internal static class FunctionTable
{
    private static readonly Dictionary<string, GoFunction> Functions = Build();

    private static readonly Dictionary<string, string> Unsupported = BuildUnsupported();

    public static bool TryGet(string name, out GoFunction fn) => Functions.TryGetValue(name, out fn!);

    public static bool IsDefined(string name) => Functions.ContainsKey(name) || Unsupported.ContainsKey(name);

    public static bool TryGetUnsupportedReason(string name, out string reason)
    {
        reason = "";
        return !Functions.ContainsKey(name) && Unsupported.TryGetValue(name, out reason!);
    }

    private static Dictionary<string, GoFunction> Build()
    {
        var map = new Dictionary<string, GoFunction>(System.StringComparer.Ordinal);
        BuiltinFunctions.Register(map);
        SprigFunctions.Register(map);
        SprigExtraFunctions.Register(map);
        ArgoFunctions.Register(map);
        return map;
    }

    private static Dictionary<string, string> BuildUnsupported()
    {
        var d = new Dictionary<string, string>(System.StringComparer.Ordinal);
        const string clock = "it reads the clock, so offline rendering could not match Argo CD";
        foreach (var n in new[] { "now", "ago", "date", "date_in_zone", "dateInZone", "date_modify", "dateModify", "must_date_modify", "mustDateModify", "htmlDate", "htmlDateInZone", "toDate", "mustToDate", "unixEpoch" })
            d[n] = clock;
        const string random = "its result is random, so offline rendering could not match Argo CD";
        foreach (var n in new[] { "uuidv4", "randAlphaNum", "randAlpha", "randAscii", "randNumeric", "randInt", "randBytes", "shuffle", "genPrivateKey", "genCA", "genCAWithKey", "genSelfSignedCert", "genSelfSignedCertWithKey", "genSignedCert", "genSignedCertWithKey", "buildCustomCert", "bcrypt", "htpasswd", "encryptAES" })
            d[n] = random;
        return d;
    }
}
