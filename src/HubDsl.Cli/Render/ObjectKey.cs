using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Render;

/// <summary>
/// What identifies a rendered object inside one Application: API group, kind, namespace (as written in the
/// manifest; empty for cluster-scoped objects and for namespaced ones left to the destination namespace) and name.
/// </summary>
internal sealed record ObjectKey(string Group, string Kind, string Namespace, string Name) : IComparable<ObjectKey>
{
    /// <summary>The key of a rendered object.</summary>
    public static ObjectKey Of(YamlMapping obj)
    {
        var (group, kind) = GroupKind(obj);
        var metadata = obj["metadata"] as YamlMapping;
        return new ObjectKey(group, kind, metadata?["namespace"]?.AsString() ?? string.Empty, metadata?["name"]?.AsString() ?? string.Empty);
    }

    /// <summary>The group (empty for the core group) and kind of an object.</summary>
    public static (string Group, string Kind) GroupKind(YamlMapping obj)
    {
        var apiVersion = obj["apiVersion"]?.AsString() ?? string.Empty;
        var slash = apiVersion.IndexOf('/');
        return (slash < 0 ? string.Empty : apiVersion[..slash], obj["kind"]?.AsString() ?? string.Empty);
    }

    /// <summary>
    /// The object's file name: <c>Kind[.group]_[namespace_]name.yaml</c>, e.g. <c>Deployment.apps_agent_agent-prod.yaml</c>,
    /// <c>ClusterRole.rbac.authorization.k8s.io_agent.yaml</c>. Kubernetes kinds, groups, namespaces and names cannot
    /// hold '_' or '/', so the name is unambiguous; anything else that is not portable in a file name is replaced.
    /// </summary>
    public string FileName
    {
        get
        {
            var kind = Group.Length == 0 ? Kind : Kind + "." + Group;
            var name = kind + "_" + (Namespace.Length == 0 ? string.Empty : Namespace + "_") + Name;
            return Portable(name) + ".yaml";
        }
    }

    /// <summary>"Kind namespace/name" for messages and reports.</summary>
    public override string ToString() => (Group.Length == 0 ? Kind : Kind + "." + Group) + " " + (Namespace.Length == 0 ? Name : Namespace + "/" + Name);

    /// <inheritdoc/>
    public int CompareTo(ObjectKey? other)
    {
        if (other is null) return 1;
        var c = string.CompareOrdinal(Kind, other.Kind);
        if (c == 0) c = string.CompareOrdinal(Group, other.Group);
        if (c == 0) c = string.CompareOrdinal(Namespace, other.Namespace);
        return c != 0 ? c : string.CompareOrdinal(Name, other.Name);
    }

    /// <summary>A path segment that is safe on every file system (no separators, no dot-only names, at most 200 characters).</summary>
    public static string Portable(string segment)
    {
        var chars = segment.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '-').ToArray();
        var text = new string(chars).TrimStart('.');
        if (text.Length == 0) text = "-";
        return text.Length > 200 ? text[..200] : text;
    }
}
