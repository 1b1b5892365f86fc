using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Import;

/// <summary>
/// The C# type a values key gets, inferred from every file's value at that path: a record for a map with
/// identifier-like keys, a dictionary for other maps, a list, a scalar type, <c>object</c> when the files disagree,
/// or an <c>ExternalSecretRef</c> where a file holds a credential (HUB013's shapes and names).
/// </summary>
internal abstract record ValuesShape
{
    /// <summary>Infers the shape from the values at one path (absent and null ones left out), <paramref name="key"/> being its key.</summary>
    public static ValuesShape Infer(IReadOnlyList<YamlNode> samples, string? key)
    {
        // Only credentials: an ExternalSecretRef. Some: object, so the others keep their values and each credential
        // alone becomes a placeholder.
        if (samples.Any(s => IsCredential(s, key))) return samples.All(s => IsCredential(s, key)) ? new SecretShape() : new AnyShape();
        if (samples.Count == 0) return new AnyShape();
        if (samples.All(s => s is YamlMapping))
        {
            var maps = samples.Cast<YamlMapping>().ToList();
            var keys = maps.SelectMany(m => m.Keys).Distinct().ToList();
            if (keys.Count > 0 && keys.All(IsRecordKey))
            {
                var properties = keys.Select(k => (k, Infer(maps.Select(m => m[k]).Where(v => v is not null and not YamlScalar { Kind: ScalarKind.Null }).ToList()!, k))).ToList();
                return new RecordShape(properties);
            }

            var values = maps.SelectMany(m => m.Select(e => e.Value)).Where(v => v is not YamlScalar { Kind: ScalarKind.Null }).ToList();
            var valueShape = values.Count > 0 && values.All(v => v is YamlScalar { Kind: ScalarKind.String }) && !maps.Any(m => m.Any(e => IsCredential(e.Value, e.Key)))
                ? new ScalarShape(ScalarKind.String)
                : (ValuesShape)new AnyShape();
            return new MapShape(valueShape);
        }

        if (samples.All(s => s is YamlSequence))
        {
            var items = samples.Cast<YamlSequence>().SelectMany(q => q).ToList();
            if (items.Count == 0) return new ListShape(new AnyShape());
            var itemShape = items.Any(i => i is YamlScalar { Kind: ScalarKind.Null }) ? new AnyShape() : Infer(items, null);
            return new ListShape(itemShape is SecretShape or MapShape ? new AnyShape() : itemShape);
        }

        if (samples.All(s => s is YamlScalar))
        {
            var kinds = samples.Cast<YamlScalar>().Select(s => s.Kind).Distinct().ToList();
            if (kinds.Count == 1) return kinds[0] == ScalarKind.Int && samples.Cast<YamlScalar>().Any(s => !long.TryParse(s.Value, out _)) ? new AnyShape() : new ScalarShape(kinds[0]);
            if (kinds.All(k => k is ScalarKind.Int or ScalarKind.Float)) return new ScalarShape(ScalarKind.Float);
        }

        return new AnyShape();
    }

    /// <summary>
    /// Whether a value is a credential as HUB013 judges one: a string of a known token or key shape, or a non-empty
    /// string under a password-like key.
    /// </summary>
    public static bool IsCredential(YamlNode? value, string? key) =>
        value is YamlScalar { Kind: ScalarKind.String } s && s.Value.Length > 0
        && (CredentialPatterns.ShapeOf(s.Value) is not null || key is not null && CredentialPatterns.IsSecretName(key));

    // Keys that read as property names; others (dots, slashes, spaces: annotations, env maps) make a dictionary.
    private static bool IsRecordKey(string key) =>
        key.Length is > 0 and <= 64 && (char.IsLetter(key[0]) || key[0] == '_') && key.All(c => c < 128 && (char.IsLetterOrDigit(c) || c is '_' or '-'));
}

/// <summary>A map with property-like keys: a record, one property per key in first-seen order.</summary>
internal sealed record RecordShape(IReadOnlyList<(string Key, ValuesShape Shape)> Properties) : ValuesShape;

/// <summary>A map with other keys: <c>Dictionary&lt;string, T&gt;</c>.</summary>
internal sealed record MapShape(ValuesShape Value) : ValuesShape;

/// <summary>A list: <c>IReadOnlyList&lt;T&gt;</c>.</summary>
internal sealed record ListShape(ValuesShape Item) : ValuesShape;

/// <summary>One scalar type: string, bool, long, double.</summary>
internal sealed record ScalarShape(ScalarKind Kind) : ValuesShape;

/// <summary>Values that disagree between files: <c>object</c>.</summary>
internal sealed record AnyShape : ValuesShape;

/// <summary>A credential: an <c>ExternalSecretRef</c> placeholder.</summary>
internal sealed record SecretShape : ValuesShape;
