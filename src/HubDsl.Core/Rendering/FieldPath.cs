using System.Globalization;
using System.Text.RegularExpressions;
using HubDsl.Core.Templating;

namespace HubDsl.Core.Rendering;

/// <summary>Field paths for warnings: <c>spec.source.helm.valueFiles[1]</c>, <c>metadata.labels["app.kubernetes.io/name"]</c>.</summary>
internal static class FieldPath
{
    private static readonly Regex SimpleKey = new Regex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant);

    public static string Child(string path, string key)
    {
        var segment = SimpleKey.IsMatch(key) ? key : "[" + GoQuote.Quote(key) + "]";
        if (segment[0] == '[') return path + segment;
        return path.Length == 0 ? segment : path + "." + segment;
    }

    public static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
