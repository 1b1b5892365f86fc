using HubDsl.FileSync;

namespace HubDsl.Core.Manifests;

/// <summary>
/// The first-line comment of every generated file: it is generated, and from which declaration. Its text is the file
/// sync's <see cref="GeneratedHeader"/> (linked into Core), which reads the declaration back.
/// </summary>
public static class ManifestHeader
{
    /// <summary>The header text (without the leading '#').</summary>
    public static string For(string declaration) => GeneratedHeader.For(declaration);
}
