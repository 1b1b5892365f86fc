using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Import;

/// <summary>
/// Values shapes the DSL already has a record for: a container's <c>resources</c> (requests and limits of memory and
/// cpu, as quantity strings) is <c>HubDsl.Resources</c>, a <c>securityContext</c> of the fields
/// <c>HubDsl.SecurityContext</c> declares is that record, so the import writes what a person would.
/// </summary>
internal static class WellKnownValues
{
    private static readonly Dictionary<string, ScalarKind> SecurityContextFields = new(StringComparer.Ordinal)
    {
        ["runAsNonRoot"] = ScalarKind.Bool,
        ["runAsUser"] = ScalarKind.Int,
        ["runAsGroup"] = ScalarKind.Int,
        ["readOnlyRootFilesystem"] = ScalarKind.Bool,
        ["allowPrivilegeEscalation"] = ScalarKind.Bool,
    };

    /// <summary>The DSL record every sample of <paramref name="key"/> fits, or null.</summary>
    public static string? TypeFor(string key, IReadOnlyList<YamlNode> samples)
    {
        if (samples.Count == 0 || !samples.All(s => s is YamlMapping)) return null;
        var maps = samples.Cast<YamlMapping>().ToList();
        if (key == "resources" && maps.All(IsResources)) return "Resources";
        if (key == "securityContext" && maps.All(m => m.All(e => SecurityContextFields.TryGetValue(e.Key, out var kind) && e.Value is YamlScalar s && s.Kind == kind && (kind != ScalarKind.Int || long.TryParse(s.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _)))))
        {
            return "SecurityContext";
        }

        return null;
    }

    /// <summary>The value as a constructor call of the DSL record (the whole value: the records have no defaults of their own).</summary>
    public static string Expression(string type, YamlMapping value) => type == "Resources"
        ? "new(" + string.Join(", ", new[] { "requests", "limits" }.Where(value.ContainsKey).Select(k => (k == "requests" ? "Requests" : "Limits") + ": " + List((YamlMapping)value[k]!))) + ")"
        : "new(" + string.Join(", ", value.Select(e => char.ToUpperInvariant(e.Key[0]) + e.Key.Substring(1) + ": " + Scalar((YamlScalar)e.Value))) + ")";

    private static string Scalar(YamlScalar scalar) =>
        scalar.Kind == ScalarKind.Bool ? scalar.Value.ToLowerInvariant() : CSharpText.Integer(long.Parse(scalar.Value, System.Globalization.CultureInfo.InvariantCulture));

    private static string List(YamlMapping list) =>
        "new(" + string.Join(", ", new[] { "memory", "cpu" }.Where(list.ContainsKey).Select(k => (k == "memory" ? "Memory" : "Cpu") + ": " + CSharpText.String(((YamlScalar)list[k]!).Value))) + ")";

    private static bool IsResources(YamlMapping resources) =>
        resources.Count > 0 && resources.All(e => e.Key is "requests" or "limits" && e.Value is YamlMapping list && list.Count > 0
            && list.All(q => q.Key is "memory" or "cpu" && q.Value is YamlScalar { Kind: ScalarKind.String }));
}
