using System.Globalization;
using System.Text;
using HubDsl.Core.Charts.Records;
using HubDsl.Core.Yaml;
using GeneratedRecord = HubDsl.Core.Charts.Records.ValuesRecordEmitter;

namespace HubDsl.Cli.Import;

/// <summary>
/// A chart's values as a <c>[ChartValues]</c> record: the generator writes the properties from the chart, so the
/// record here declares none, except an <c>ExternalSecretRef</c> placeholder for a top-level key that holds a credential
/// (taking that key over, as a hand-written property does). The fleet's defaults and each environment are written against
/// the property names and types Core's <see cref="ValuesRecordBuilder"/> gives the generator, so they name what the
/// build generates. A value the generated types cannot hold (a string where the chart has a number, a key the chart does
/// not have inside a nested record) makes <see cref="Create"/> return null with the reason: the import then types the
/// record from the values files instead.
/// </summary>
internal sealed class ChartValuesRecordEmitter
{
    private readonly ValuesRecordModel _model;
    private readonly ImportedChart _chart;
    private readonly string _chartPath;
    private readonly string _secretPrefix;
    private readonly Dictionary<string, string> _secretKeys;

    private ChartValuesRecordEmitter(string rootName, string chartPath, ImportedChart chart, ValuesRecordModel model, Dictionary<string, string> secretKeys, string secretPrefix)
    {
        RootName = rootName;
        _chartPath = chartPath;
        _chart = chart;
        _model = model;
        _secretKeys = secretKeys;
        _secretPrefix = secretPrefix;
    }

    /// <summary>The record's name.</summary>
    public string RootName { get; }

    /// <summary>Each credential replaced by a placeholder: the file and the path.</summary>
    public List<(string File, string Path)> Placeholders { get; } = new();

    /// <summary>
    /// The emitter for the chart-typed record, or null (with <paramref name="reason"/>) when the values files hold
    /// something the chart's generated types cannot express.
    /// </summary>
    public static ChartValuesRecordEmitter? Create(ImportedValues values, ImportedChart chart, string appSetName, string rootName, out string? reason)
    {
        // Top-level keys holding a credential in any file are taken over by a hand-written ExternalSecretRef property;
        // a credential deeper in the fleet's files cannot be (the generated nested record's property is text). The chart's
        // own values.yaml is never written, so what lies deeper in it is not imported at all.
        var secretKeys = new List<string>();
        foreach (var (file, mapping) in chart.Overlays.Prepend(("values.yaml", chart.Values)))
        {
            foreach (var entry in mapping)
            {
                if (ValuesShape.IsCredential(entry.Value, entry.Key))
                {
                    if (!secretKeys.Contains(entry.Key)) secretKeys.Add(entry.Key);
                }
                else if (!ReferenceEquals(mapping, chart.Values) && DeepCredential(entry.Value, entry.Key) is { } path)
                {
                    reason = file + " has a credential at " + path + ", inside a value the chart's record types as text; it cannot become an ExternalSecretRef there";
                    return null;
                }
            }
        }

        var members = new Identifiers(rootName);
        var secretNames = secretKeys.ToDictionary(k => k, k => members.Member(k), StringComparer.Ordinal);
        var model = ValuesRecordBuilder.Build(chart.Chart, rootName, secretKeys, secretNames.Values);
        var emitter = new ChartValuesRecordEmitter(rootName, chart.ChartPath, chart, model, secretNames, ValuesRecordEmitter.KubernetesSafe(appSetName));

        // Every value must fit the generated types: try each member now, so a misfit falls back before anything is written.
        if (emitter.Defaults(values.Defaults, out reason) is null) return null;
        foreach (var (_, file, merged) in values.Environments)
        {
            if (emitter.Environment(values.Defaults, merged, Path.GetFileName(file), string.Empty, out _, out reason) is null) return null;
        }

        emitter.Placeholders.Clear();
        return emitter;
    }

    /// <summary>Whether the fleet has defaults of its own (a fleet defaults file), so <c>Defaults</c> is a <c>[Values]</c> member.</summary>
    public bool HasFleetDefaults => _chart.FleetFile is not null;

    /// <summary>The record's source: the attribute and the hand-written placeholders.</summary>
    public string Records()
    {
        var sb = new StringBuilder();
        sb.Append("/// <summary>The ").Append(CSharpText.XmlDoc(_chart.Chart.Name)).Append(" chart's values: HubDsl writes the properties from ").Append(CSharpText.XmlDoc(_chartPath)).Append("/values.yaml (and values.schema.json).</summary>\n");
        sb.Append("[ChartValues(").Append(CSharpText.String(_chartPath)).Append(")]\n");
        sb.Append("public sealed partial record ").Append(RootName).Append(" : HelmValues");
        if (_secretKeys.Count == 0) return sb.Append(";\n").ToString();
        sb.Append("\n{\n");
        var first = true;
        foreach (var (key, name) in _secretKeys)
        {
            if (!first) sb.Append('\n');
            first = false;
            var chartValue = _chart.Values[key];
            var placed = Placeholders.Count;
            // Only the chart's own credential gets a placeholder; otherwise no value, so Helm keeps the chart's.
            var initializer = ValuesShape.IsCredential(chartValue, key) ? Secret(chartValue!, key, "values.yaml", key, out _) : null;
            if (Placeholders.Count > placed) sb.Append("    // TODO: values.yaml had a credential at ").Append(CSharpText.Comment(key)).Append(": not imported. Keep it in your secret store, set Store and RemoteKey, and make the chart read the Secret.\n");
            sb.Append("    [ValuesKey(").Append(CSharpText.String(key)).Append(")] // the chart's key, taken over: the fleet declares the Secret behind it\n");
            if (initializer is not null) sb.Append("#pragma warning disable HUB013 // the value is the name of the Secret ExternalSecretRef creates, not a credential\n");
            sb.Append("    public ExternalSecretRef").Append(initializer is null ? "?" : string.Empty).Append(' ').Append(name).Append(" { get; init; }");
            if (initializer is not null) sb.Append(" = ").Append(initializer).Append(';');
            sb.Append('\n');
            if (initializer is not null) sb.Append("#pragma warning restore HUB013\n");
        }

        return sb.Append("}\n").ToString();
    }

    /// <summary>The <c>Defaults</c> initializer: <c>new()</c> (the chart's values.yaml), with what the fleet defaults file changes.</summary>
    public string? Defaults(YamlMapping defaults, out string? reason)
    {
        var changes = Changes(_model, _chart.Values, defaults, _chart.FleetFile?.Name ?? "values.yaml", string.Empty, "        ", out reason);
        if (changes is null) return null;
        return changes.Count == 0 ? "new()" : "new()\n    {\n" + string.Join("\n", changes) + "\n    }";
    }

    /// <summary><c>Defaults</c> when the environment changes nothing, else <c>Defaults with { … }</c>; null when a value does not fit.</summary>
    public string? Environment(YamlMapping defaults, YamlMapping merged, string file, string indent, out bool usesPlaceholder, out string? reason)
    {
        var placed = Placeholders.Count;
        var changes = Changes(_model, defaults, merged, file, string.Empty, indent + "    ", out reason);
        usesPlaceholder = Placeholders.Count > placed;
        if (changes is null) return null;
        if (changes.Count == 0) return "Defaults";
        return "Defaults with\n" + indent + "{\n" + string.Join("\n", changes) + "\n" + indent + "}";
    }

    // The assignments that turn `before` into `after` at the root: the hand-written secrets, then the generated properties.
    private List<string>? Changes(ValuesRecordModel model, YamlMapping before, YamlMapping after, string file, string path, string indent, out string? reason)
    {
        reason = null;
        var changes = new List<string>();
        foreach (var (key, name) in _secretKeys)
        {
            if (Same(before[key], after[key])) continue;
            var placed = Placeholders.Count;
            var value = after[key] is { } v and not YamlScalar { Kind: ScalarKind.Null } ? Secret(v, key, file, key, out reason) : "null";
            if (value is null) return null;
            if (Placeholders.Count > placed) changes.Add(indent + "// TODO: " + CSharpText.Comment(file) + " had a credential at " + CSharpText.Comment(key) + ": not imported. Keep it in your secret store, set Store and RemoteKey, and make the chart read the Secret.");
            changes.Add(indent + name + " = " + value + ",");
        }

        var known = new HashSet<string>(model.Properties.Select(p => p.Key).Concat(_secretKeys.Keys), StringComparer.Ordinal);
        if (after.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            reason = file + " sets " + ValuesRecordEmitter.Join(path, unknown) + ", a key the chart's values.yaml and schema do not have, so its record has no property for it";
            return null;
        }

        foreach (var property in model.Properties)
        {
            if (Same(before[property.Key], after[property.Key])) continue;
            var value = Value(property.Type, property.Default, after[property.Key], file, ValuesRecordEmitter.Join(path, property.Key), out reason);
            if (value is null) return null;
            changes.Add(indent + property.Name + " = " + value + ",");
        }

        return changes;
    }

    // A value as C# of the generated type. A nested record is written as `new() { … }` from the chart's defaults at that
    // path (its property initializers), so only what differs from the chart is spelled out.
    private string? Value(ValuesTypeModel type, YamlNode? chartDefault, YamlNode? value, string file, string path, out string? reason)
    {
        reason = null;
        if (value is null or YamlScalar { Kind: ScalarKind.Null })
        {
            if (type.Nullable || type.Kind == ValuesTypeKind.Any) return "null";
            reason = file + " deletes " + path + " (null), which the chart's record types as non-nullable " + GeneratedRecord.TypeName(type);
            return null;
        }

        switch (type.Kind)
        {
            case ValuesTypeKind.Record when value is YamlMapping mapping:
                var nested = type.Record!;
                var known = new HashSet<string>(nested.Properties.Select(p => p.Key), StringComparer.Ordinal);
                if (mapping.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
                {
                    reason = file + " sets " + ValuesRecordEmitter.Join(path, unknown) + ", a key the chart's values.yaml and schema do not have, so its record has no property for it";
                    return null;
                }

                var defaults = chartDefault as YamlMapping ?? new YamlMapping();
                var sets = new List<string>();
                foreach (var property in nested.Properties)
                {
                    if (Same(property.Default ?? defaults[property.Key], mapping[property.Key])) continue;
                    if (!mapping.ContainsKey(property.Key) && property.Default is null) continue;
                    var inner = Value(property.Type, property.Default ?? defaults[property.Key], mapping[property.Key], file, ValuesRecordEmitter.Join(path, property.Key), out reason);
                    if (inner is null) return null;
                    sets.Add(property.Name + " = " + inner);
                }

                return "new()" + (sets.Count == 0 ? string.Empty : " { " + string.Join(", ", sets) + " }");
            case ValuesTypeKind.List when value is YamlSequence list:
                var items = new List<string>();
                foreach (var item in list)
                {
                    var text = Value(type.Element!, null, item, file, path + "[" + items.Count + "]", out reason);
                    if (text is null) return null;
                    items.Add(text);
                }

                return "new " + GeneratedRecord.TypeName(type.Element!) + "[] { " + string.Join(", ", items) + " }";
            case ValuesTypeKind.Map when value is YamlMapping map:
                var entries = new List<string>();
                foreach (var entry in map)
                {
                    var text = Value(type.Element!, null, entry.Value, file, ValuesRecordEmitter.Join(path, entry.Key), out reason);
                    if (text is null) return null;
                    entries.Add("[" + CSharpText.String(entry.Key) + "] = " + text);
                }

                return "new Dictionary<string, " + GeneratedRecord.TypeName(type.Element!) + ">" + (entries.Count == 0 ? "()" : " { " + string.Join(", ", entries) + " }");
            case ValuesTypeKind.String when value is YamlScalar { Kind: ScalarKind.String } s:
                if (ValuesShape.IsCredential(s, Leaf(path))) break;
                return CSharpText.String(s.Value);
            case ValuesTypeKind.Int when value is YamlScalar { Kind: ScalarKind.Int } i && int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n):
                return CSharpText.Integer(n);
            case ValuesTypeKind.Long when value is YamlScalar { Kind: ScalarKind.Int } i && long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n):
                return n.ToString(CultureInfo.InvariantCulture) + "L";
            case ValuesTypeKind.Double when value is YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } d && double.TryParse(d.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x):
                return CSharpText.Double(x);
            case ValuesTypeKind.Bool when value is YamlScalar { Kind: ScalarKind.Bool } b:
                return b.Value;
            case ValuesTypeKind.Any:
                return Any(value, file, path, out reason);
        }

        reason ??= file + " sets " + path + " to " + Describe(value) + ", which the chart's record types as " + GeneratedRecord.TypeName(type);
        return null;
    }

    // An object-typed value: its natural C# value (as the generator writes an object default); never a credential.
    private string? Any(YamlNode value, string file, string path, out string? reason)
    {
        reason = null;
        switch (value)
        {
            case YamlMapping m:
                var entries = new List<string>();
                foreach (var e in m)
                {
                    var text = Any(e.Value, file, ValuesRecordEmitter.Join(path, e.Key), out reason);
                    if (text is null) return null;
                    entries.Add("[" + CSharpText.String(e.Key) + "] = " + text);
                }

                return "new Dictionary<string, object?>" + (entries.Count == 0 ? "()" : " { " + string.Join(", ", entries) + " }");
            case YamlSequence q:
                var items = new List<string>();
                foreach (var item in q)
                {
                    var text = Any(item, file, path + "[" + items.Count + "]", out reason);
                    if (text is null) return null;
                    items.Add(text);
                }

                return "new object?[] { " + string.Join(", ", items) + " }";
            case YamlScalar { Kind: ScalarKind.Null }:
                return "null";
            case YamlScalar { Kind: ScalarKind.String } s when ValuesShape.IsCredential(s, Leaf(path)):
                reason = file + " has a credential at " + path + ", inside a value the chart's record types as object; it cannot become an ExternalSecretRef there";
                return null;
            case YamlScalar { Kind: ScalarKind.String } s:
                return CSharpText.String(s.Value);
            case YamlScalar { Kind: ScalarKind.Bool } b:
                return b.Value;
            case YamlScalar { Kind: ScalarKind.Int } i when long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n):
                return CSharpText.Integer(n);
            case YamlScalar { Kind: ScalarKind.Float } f when double.TryParse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d):
                return CSharpText.Double(d);
            default:
                reason = file + " sets " + path + " to " + Describe(value) + ", which HubDsl cannot write as C#";
                return null;
        }
    }

    // A hand-written secret key's value: a placeholder for a credential, else the text (the Secret's name).
    private string? Secret(YamlNode value, string key, string file, string path, out string? reason)
    {
        reason = null;
        if (ValuesShape.IsCredential(value, key))
        {
            Placeholders.Add((file, path));
            var name = ValuesRecordEmitter.KubernetesSafe(_secretPrefix + "-" + path.Replace('.', '-'));
            return "new ExternalSecretRef(" + CSharpText.String(name) + ", Store: \"TODO-secret-store\", RemoteKey: " + CSharpText.String("TODO/" + Path.GetFileNameWithoutExtension(file) + "/" + path) + ")";
        }

        if (value is YamlScalar { Kind: ScalarKind.String } s) return "new ExternalSecretRef(" + CSharpText.String(s.Value) + ", Store: \"TODO-secret-store\", RemoteKey: \"TODO\")";
        reason = file + " sets " + path + " to " + Describe(value) + ", where another file holds a credential";
        return null;
    }

    // The path of a credential below the top level of a value, or null.
    private static string? DeepCredential(YamlNode value, string path)
    {
        switch (value)
        {
            case YamlMapping m:
                foreach (var e in m)
                {
                    if (ValuesShape.IsCredential(e.Value, e.Key)) return ValuesRecordEmitter.Join(path, e.Key);
                    if (DeepCredential(e.Value, ValuesRecordEmitter.Join(path, e.Key)) is { } inner) return inner;
                }

                return null;
            case YamlSequence q:
                for (var i = 0; i < q.Count; i++)
                {
                    if (ValuesShape.IsCredential(q[i], null) || DeepCredential(q[i], path + "[" + i + "]") is not null) return path + "[" + i + "]";
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Same(YamlNode? before, YamlNode? after)
    {
        var a = before is null or YamlScalar { Kind: ScalarKind.Null } ? null : ManifestMeaning.Values(new YamlMapping().Set("v", before));
        var b = after is null or YamlScalar { Kind: ScalarKind.Null } ? null : ManifestMeaning.Values(new YamlMapping().Set("v", after));
        return a is null && b is null || a is not null && b is not null && ManifestMeaning.Differences(a, b, 1).Count == 0;
    }

    private static string Describe(YamlNode value) => value switch
    {
        YamlMapping => "a map",
        YamlSequence => "a list",
        YamlScalar { Kind: ScalarKind.String } => "text",
        YamlScalar s => s.Kind.ToString().ToLowerInvariant() + " " + s.Value,
        _ => "a value",
    };

    private static string Leaf(string path) => path.Substring(path.LastIndexOf('.') + 1);
}
