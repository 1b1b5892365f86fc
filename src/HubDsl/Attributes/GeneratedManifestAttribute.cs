using System;

namespace HubDsl;

/// <summary>
/// Carries one generated manifest inside the compiled assembly. The HubDsl build task reads these from
/// metadata after compilation and writes them to disk. Not conditional: the task must find it.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class GeneratedManifestAttribute : Attribute
{
    /// <param name="path">Path relative to the manifest output root, with '/' separators.</param>
    /// <param name="content">The file's full text.</param>
    public GeneratedManifestAttribute(string path, string content)
    {
        Path = path;
        Content = content;
    }

    /// <summary>Path relative to the manifest output root, with '/' separators.</summary>
    public string Path { get; }

    /// <summary>The file's full text.</summary>
    public string Content { get; }
}
