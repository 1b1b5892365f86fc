namespace HubDsl.Core.Yaml;

/// <summary>
/// A YAML document tree: <see cref="YamlMapping"/>, <see cref="YamlSequence"/> or <see cref="YamlScalar"/>.
/// Manifests are built as these trees, compared structurally (so generator models cache), rendered by the
/// Argo CD renderer and written by <see cref="YamlWriter"/>.
/// </summary>
public abstract class YamlNode : System.IEquatable<YamlNode>
{
    private protected YamlNode() { }

    /// <summary>
    /// Where the node came from in the user's source, for diagnostics. Not part of equality: the
    /// generator never reads it, the analyzers do.
    /// </summary>
    public SourceSpan? Origin { get; set; }

    /// <inheritdoc/>
    public abstract bool Equals(YamlNode? other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is YamlNode node && Equals(node);

    /// <inheritdoc/>
    public abstract override int GetHashCode();

    /// <summary>The text of a string scalar, or null for anything else.</summary>
    public string? AsString() => this is YamlScalar { Kind: ScalarKind.String } s ? s.Value : null;
}
