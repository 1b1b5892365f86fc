using System.Text;
using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Import;

/// <summary>
/// A chart's values as C#: one <c>HelmValues</c> record whose property initializers are <c>values.yaml</c> (nested
/// records for nested maps, each with the defaults at its path), and each environment written as
/// <c>Defaults with { … }</c> showing only what differs from the defaults.
/// </summary>
internal sealed class ValuesRecordEmitter
{
    private readonly List<RecordType> _records = new();
    private readonly Identifiers _types;
    private readonly string _secretPrefix;
    private readonly string _chartName;

    private ValuesRecordEmitter(Identifiers types, string rootName, string secretPrefix, string chartName)
    {
        _types = types;
        _secretPrefix = secretPrefix;
        _chartName = chartName;
        RootName = rootName;
    }

    /// <summary>The root record's name.</summary>
    public string RootName { get; }

    /// <summary>Each credential replaced by a placeholder: the file and the path.</summary>
    public List<(string File, string Path)> Placeholders { get; } = new();

    private RecordType Root => _records[0];

    /// <summary>Types the values of <paramref name="values"/>; type names are taken from <paramref name="types"/>.</summary>
    public static ValuesRecordEmitter Create(ImportedValues values, string appSetName, string className, Identifiers types) =>
        Create(values, appSetName, className, types.Type(className, "Values"), types);

    /// <summary>Types the values of <paramref name="values"/> as the record <paramref name="rootName"/>, taken from <paramref name="types"/> already.</summary>
    public static ValuesRecordEmitter Create(ImportedValues values, string appSetName, string className, string rootName, Identifiers types)
    {
        var emitter = new ValuesRecordEmitter(types, rootName, KubernetesSafe(appSetName), className);
        var maps = new List<YamlMapping> { values.Defaults };
        maps.AddRange(values.Environments.Select(e => e.Merged));
        emitter.Record(emitter.RootName, maps.Select(m => (YamlNode?)m).ToList(), values.Defaults, string.Empty, isRoot: true);
        return emitter;
    }

    /// <summary>The records' source.</summary>
    public string Records()
    {
        var sb = new StringBuilder();
        foreach (var record in _records)
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append("/// <summary>").Append(record.Path.Length == 0 ? "The " + _chartName + " chart's values (values.yaml and its per-environment files)." : "<c>" + CSharpText.XmlDoc(record.Path) + "</c> in the " + _chartName + " chart's values.").Append("</summary>\n");
            sb.Append("public sealed record ").Append(record.Name).Append(record.Path.Length == 0 ? " : HelmValues" : string.Empty);
            if (record.Properties.Count == 0)
            {
                sb.Append(";\n");
                continue;
            }

            sb.Append("\n{\n");
            var first = true;
            foreach (var property in record.Properties)
            {
                if (!first) sb.Append('\n');
                first = false;
                var placed = Placeholders.Count;
                var initializer = record.Defaults?[property.Key] is { } value and not YamlScalar { Kind: ScalarKind.Null } ? Expression(value, property, "values.yaml", Join(record.Path, property.Key), inWith: false) : null;
                var pragma = Placeholders.Count > placed;
                foreach (var (_, path) in Placeholders.Skip(placed))
                {
                    sb.Append("    // TODO: values.yaml had a credential at ").Append(CSharpText.Comment(path)).Append(": not imported. Keep it in your secret store, set Store and RemoteKey, and make the chart read the Secret.\n");
                }

                if (pragma) sb.Append("#pragma warning disable HUB013 // the value is the name of the Secret ExternalSecretRef creates, not a credential\n");
                if (property.NeedsKey) sb.Append("    [ValuesKey(").Append(CSharpText.String(property.Key)).Append(")]\n");
                sb.Append("    public ").Append(property.Type).Append(property.Nullable && !property.Type.EndsWith("?", StringComparison.Ordinal) ? "?" : string.Empty).Append(' ').Append(property.Name).Append(" { get; init; }");
                if (initializer is not null) sb.Append(" = ").Append(initializer).Append(';');
                sb.Append('\n');
                if (pragma) sb.Append("#pragma warning restore HUB013\n");
            }

            sb.Append("}\n");
        }

        return sb.ToString();
    }

    /// <summary>
    /// The member initializer of an environment: <c>Defaults</c> when nothing differs, else <c>Defaults with { … }</c>
    /// (indented by <paramref name="indent"/>); null-free comparisons, numbers by value.
    /// </summary>
    public string Environment(YamlMapping merged, string file, string indent, out bool usesPlaceholder)
    {
        var changes = new List<string>();
        var placeholders = Placeholders.Count;
        foreach (var property in Root.Properties)
        {
            var before = Root.Defaults?[property.Key];
            var after = merged[property.Key];
            if (Same(before, after)) continue;
            var placed = Placeholders.Count;
            var assignment = indent + "    " + property.Name + " = " + (after is null or YamlScalar { Kind: ScalarKind.Null } ? "null" : Expression(after, property, file, property.Key, inWith: true)) + ",";
            foreach (var (_, path) in Placeholders.Skip(placed))
            {
                changes.Add(indent + "    // TODO: " + CSharpText.Comment(file) + " had a credential at " + CSharpText.Comment(path) + ": not imported. Keep it in your secret store, set Store and RemoteKey, and make the chart read the Secret.");
            }

            changes.Add(assignment);
        }

        usesPlaceholder = Placeholders.Count > placeholders;
        if (changes.Count == 0) return "Defaults";
        return "Defaults with\n" + indent + "{\n" + string.Join("\n", changes) + "\n" + indent + "}";
    }

    private RecordType Record(string name, IReadOnlyList<YamlNode?> samples, YamlMapping? defaults, string path, bool isRoot)
    {
        var record = new RecordType(name, path, defaults);
        _records.Add(record);
        var maps = samples.OfType<YamlMapping>().ToList();
        var keys = maps.SelectMany(m => m.Keys).Distinct().ToList();
        var members = new Identifiers(name);
        foreach (var key in keys)
        {
            var values = maps.Select(m => m[key]).Where(v => v is not null and not YamlScalar { Kind: ScalarKind.Null }).Select(v => v!).ToList();
            var shape = ValuesShape.Infer(values, key);
            var defaultValue = defaults?[key] is { } d and not YamlScalar { Kind: ScalarKind.Null } ? d : null;
            var missing = defaultValue is null || maps.Any(m => m[key] is null or YamlScalar { Kind: ScalarKind.Null }) || samples.Any(s => s is not YamlMapping);
            var memberName = members.Member(key);
            var property = new PropertyType(key, memberName, shape, missing);
            property.NeedsKey = !(memberName.Length > 0 && char.IsUpper(memberName[0]) && (memberName.Length == 1 || !char.IsUpper(memberName[1])) && key == char.ToLowerInvariant(memberName[0]) + memberName.Substring(1));
            property.Type = TypeOf(property, values, defaultValue as YamlMapping, Join(path, key));
            record.Properties.Add(property);
        }

        return record;
    }

    private string TypeOf(PropertyType property, IReadOnlyList<YamlNode> values, YamlMapping? defaults, string path)
    {
        switch (property.Shape)
        {
            case RecordShape when WellKnownValues.TypeFor(property.Key, values) is { } known:
                property.WellKnown = known;
                return known;
            case RecordShape:
                property.Record = Record(_types.Type(RootName.Substring(0, RootName.Length - "Values".Length) + Identifiers.Pascal(path)), values, defaults, path, isRoot: false);
                return property.Record.Name;
            case ListShape list:
                if (list.Item is RecordShape)
                {
                    property.ItemRecord = Record(_types.Type(RootName.Substring(0, RootName.Length - "Values".Length) + Identifiers.Pascal(path) + "Item"),
                        values.OfType<YamlSequence>().SelectMany(q => q).ToList(), null, path + "[]", isRoot: false);
                    return "IReadOnlyList<" + property.ItemRecord.Name + ">";
                }

                return "IReadOnlyList<" + ScalarType(list.Item) + ">";
            case MapShape map:
                return "Dictionary<string, " + ScalarType(map.Value) + ">";
            case SecretShape:
                return "ExternalSecretRef";
            case ScalarShape { Kind: ScalarKind.Int } when values.All(v => v is YamlScalar s && int.TryParse(s.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _)):
                return "int";
            default:
                return ScalarType(property.Shape);
        }
    }

    private static string ScalarType(ValuesShape shape) => shape switch
    {
        ScalarShape { Kind: ScalarKind.String } => "string",
        ScalarShape { Kind: ScalarKind.Bool } => "bool",
        ScalarShape { Kind: ScalarKind.Int } => "long",
        ScalarShape { Kind: ScalarKind.Float } => "double",
        _ => "object",
    };

    private string Expression(YamlNode value, PropertyType property, string file, string path, bool inWith)
    {
        switch (property.Shape)
        {
            case SecretShape:
                Placeholders.Add((file, path));
                return Placeholder(file, path);
            case RecordShape when value is YamlMapping known && property.WellKnown is { } type:
                return WellKnownValues.Expression(type, known);
            case RecordShape when value is YamlMapping mapping && property.Record is { } record:
                return New(record, mapping, file, path);
            case ListShape when value is YamlSequence sequence && property.ItemRecord is { } item:
                return "[" + string.Join(", ", sequence.Select((v, i) => v is YamlMapping m ? New(item, m, file, path + "[" + i + "]") : "null")) + "]";
            case ListShape list when value is YamlSequence sequence:
                return "[" + string.Join(", ", sequence.Select((v, i) => Literal(v, list.Item, null, file, path + "[" + i + "]"))) + "]";
            case MapShape map when value is YamlMapping mapping:
                return "new Dictionary<string, " + ScalarType(map.Value) + ">" + (mapping.Count == 0 ? "()" : " { " + string.Join(", ", mapping.Select(e => "[" + CSharpText.String(e.Key) + "] = " + Literal(e.Value, map.Value, e.Key, file, Join(path, e.Key)))) + " }");
            default:
                return Literal(value, property.Shape, property.Key, file, path);
        }
    }

    // A nested record: with defaults, only what differs from them; without, everything present.
    private string New(RecordType record, YamlMapping value, string file, string path)
    {
        var sets = new List<string>();
        foreach (var property in record.Properties)
        {
            var before = record.Defaults?[property.Key];
            var after = value[property.Key];
            if (Same(before, after)) continue;
            sets.Add(property.Name + " = " + (after is null or YamlScalar { Kind: ScalarKind.Null } ? "null" : Expression(after, property, file, Join(path, property.Key), inWith: true)));
        }

        return "new " + record.Name + (sets.Count == 0 ? "()" : " { " + string.Join(", ", sets) + " }");
    }

    private string Placeholder(string file, string path)
    {
        var name = KubernetesSafe(_secretPrefix + "-" + path.Replace('.', '-').Replace("[", "-").Replace("]", string.Empty));
        var environment = Path.GetFileNameWithoutExtension(file);
        return "new ExternalSecretRef(" + CSharpText.String(name) + ", Store: \"TODO-secret-store\", RemoteKey: " + CSharpText.String("TODO/" + environment + "/" + path) + ")";
    }

    // Any YAML value as C#: scalars as literals, maps and lists as Dictionary<string, object> and List<object>; a
    // credential never as text.
    private string Literal(YamlNode value, ValuesShape shape, string? key, string file, string path)
    {
        if (ValuesShape.IsCredential(value, key))
        {
            Placeholders.Add((file, path));
            return Placeholder(file, path);
        }

        switch (value)
        {
            case YamlScalar { Kind: ScalarKind.Null }:
                return "null";
            case YamlScalar { Kind: ScalarKind.Bool } b:
                return b.Value;
            case YamlScalar { Kind: ScalarKind.Int } i when long.TryParse(i.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n):
                return shape is ScalarShape { Kind: ScalarKind.Float } ? CSharpText.Double(n) : CSharpText.Integer(n);
            case YamlScalar { Kind: ScalarKind.Float } f when double.TryParse(f.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && double.IsFinite(d):
                return CSharpText.Double(d);
            case YamlScalar s:
                return CSharpText.String(s.Value);
            case YamlMapping m:
                return "new Dictionary<string, object>" + (m.Count == 0 ? "()" : " { " + string.Join(", ", m.Select(e => "[" + CSharpText.String(e.Key) + "] = " + Literal(e.Value, new AnyShape(), e.Key, file, Join(path, e.Key)))) + " }");
            case YamlSequence q:
                return "new List<object>" + (q.Count == 0 ? "()" : " { " + string.Join(", ", q.Select((v, i) => Literal(v, new AnyShape(), null, file, path + "[" + i + "]"))) + " }");
            default:
                return "null";
        }
    }

    private static bool Same(YamlNode? before, YamlNode? after)
    {
        var a = before is null or YamlScalar { Kind: ScalarKind.Null } ? null : ManifestMeaning.Values(new YamlMapping().Set("v", before));
        var b = after is null or YamlScalar { Kind: ScalarKind.Null } ? null : ManifestMeaning.Values(new YamlMapping().Set("v", after));
        return a is null && b is null || a is not null && b is not null && ManifestMeaning.Differences(a, b, 1).Count == 0;
    }

    internal static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;


    // A Kubernetes name (DNS subdomain) from any text: lowercase, other characters as '-', trimmed to 253.
    internal static string KubernetesSafe(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant()) sb.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' ? c : '-');
        var name = sb.ToString().Trim('-', '.');
        while (name.Contains("--", StringComparison.Ordinal)) name = name.Replace("--", "-");
        if (name.Length > 253) name = name.Substring(0, 253).TrimEnd('-', '.');
        return name.Length == 0 ? "secret" : name;
    }

    private sealed class RecordType(string name, string path, YamlMapping? defaults)
    {
        public string Name { get; } = name;
        public string Path { get; } = path;
        public YamlMapping? Defaults { get; } = defaults;
        public List<PropertyType> Properties { get; } = new();
    }

    private sealed class PropertyType(string key, string name, ValuesShape shape, bool nullable)
    {
        public string Key { get; } = key;
        public string Name { get; } = name;
        public ValuesShape Shape { get; } = shape;
        public bool Nullable { get; } = nullable;
        public bool NeedsKey { get; set; }
        public string Type { get; set; } = "object";
        public RecordType? Record { get; set; }
        public RecordType? ItemRecord { get; set; }
        public string? WellKnown { get; set; }
    }
}
