using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>
/// A parameter reference that rendered silently wrong: a fasttemplate tag left literally (unknown key or
/// non-string value), or a goTemplate key that was missing (printing <c>&lt;no value&gt;</c> or an empty
/// string). Argo CD reports none of these.
/// </summary>
public sealed class UnresolvedParameter
{
    /// <summary>Creates a warning.</summary>
    public UnresolvedParameter(string cluster, string applicationName, string fieldPath, string key, YamlNode? node)
    {
        Cluster = cluster;
        ApplicationName = applicationName;
        FieldPath = fieldPath;
        Key = key;
        Node = node;
    }

    /// <summary>The cluster name of the parameter set, or a description of the set when it has no <c>name</c>.</summary>
    public string Cluster { get; }

    /// <summary>The rendered Application name (may itself contain the unresolved text).</summary>
    public string ApplicationName { get; }

    /// <summary>Where in the Application: <c>metadata.name</c>, <c>spec.source.helm.valueFiles[1]</c>; <c>templatePatch</c> for the patch.</summary>
    public string FieldPath { get; }

    /// <summary>The key as written in the tag (fasttemplate) or the missing map key (goTemplate).</summary>
    public string Key { get; }

    /// <summary>The template node that held the reference, so callers can read its <see cref="YamlNode.Origin"/>.</summary>
    public YamlNode? Node { get; }

    /// <inheritdoc/>
    public override string ToString() => Cluster + ": " + ApplicationName + " " + FieldPath + " {{" + Key + "}}";
}
