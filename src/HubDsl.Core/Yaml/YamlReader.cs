using System.Collections.Generic;

namespace HubDsl.Core.Yaml;

/// <summary>
/// Reads YAML text into <see cref="YamlNode"/> trees: block and flow collections, all scalar styles, block
/// scalars with chomping/indentation indicators, comments, anchors/aliases (resolved), merge keys and the
/// standard <c>!!</c> tags. Plain scalars resolve with the YAML 1.2 core schema like Go's yaml.v3; quoted
/// scalars are strings. Nodes carry their <see cref="YamlNode.Origin"/> (except null values, which are the
/// shared <see cref="YamlScalar.Null"/>) and mappings their <see cref="YamlMapping.KeyOrigins"/>.
/// </summary>
public static class YamlReader
{
    /// <summary>Parses a single document. Empty text is <see cref="YamlScalar.Null"/>.</summary>
    /// <exception cref="YamlReaderException">The text is not well-formed YAML or holds more than one document.</exception>
    public static YamlNode Parse(string text) => Parse(text, string.Empty);

    /// <summary>Parses a single document; <paramref name="path"/> goes into every node's <see cref="YamlNode.Origin"/>.</summary>
    /// <exception cref="YamlReaderException">The text is not well-formed YAML or holds more than one document.</exception>
    public static YamlNode Parse(string text, string path)
    {
        var documents = new YamlReaderParser(text ?? string.Empty, path ?? string.Empty).ParseStream();
        if (documents.Count == 0) return YamlScalar.Null;
        if (documents.Count > 1)
        {
            throw new YamlReaderException("expected a single document but found " + documents.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " (use ParseAll)", 1, 1, 0);
        }

        return documents[0];
    }

    /// <summary>Parses every document of a multi-document stream (<c>---</c> separated). Empty text gives none.</summary>
    /// <exception cref="YamlReaderException">The text is not well-formed YAML.</exception>
    public static IReadOnlyList<YamlNode> ParseAll(string text) => ParseAll(text, string.Empty);

    /// <summary>Parses every document; <paramref name="path"/> goes into every node's <see cref="YamlNode.Origin"/>.</summary>
    /// <exception cref="YamlReaderException">The text is not well-formed YAML.</exception>
    public static IReadOnlyList<YamlNode> ParseAll(string text, string path) =>
        new YamlReaderParser(text ?? string.Empty, path ?? string.Empty).ParseStream();

    /// <summary>
    /// Parses every document with the given scalar rules: <see cref="YamlResolution.Yaml11"/> reads input as kubectl and
    /// Argo CD do (HubDsl's preview of hand-written ApplicationSets); HubDsl's own files use the default.
    /// </summary>
    /// <exception cref="YamlReaderException">The text is not well-formed YAML, or (YAML 1.1) a plain key is null.</exception>
    public static IReadOnlyList<YamlNode> ParseAll(string text, string path, YamlResolution resolution) =>
        new YamlReaderParser(text ?? string.Empty, path ?? string.Empty, resolution).ParseStream();
}
