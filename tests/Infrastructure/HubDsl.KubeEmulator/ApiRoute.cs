using System;

namespace HubDsl.KubeEmulator;

/// <summary>A request path resolved against the resource catalog: a collection (Name null) or one object.</summary>
public sealed record ApiRoute(ResourceKind Kind, string? Namespace, string? Name)
{
    /// <summary>
    /// Resolves /api/v1/[namespaces/{ns}/]{plural}[/{name}] and /apis/{group}/{version}/[namespaces/{ns}/]{plural}[/{name}].
    /// Null when the path names no served resource.
    /// </summary>
    public static ApiRoute? Resolve(string[] segments)
    {
        string group;
        string version;
        ArraySegment<string> rest;
        if (segments.Length >= 3 && segments[0] == "api" && segments[1] == "v1")
        {
            (group, version, rest) = ("", "v1", segments[2..]);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], segments[3..]);
        }
        else
        {
            return null;
        }

        // namespaces/{ns}/{plural}[/{name}] addresses namespaced kinds; anything shorter is cluster-scoped.
        if (rest.Count is 3 or 4 && rest[0] == "namespaces" && ResourceCatalog.Find(group, version, rest[2]) is { Namespaced: true } namespaced)
        {
            return new ApiRoute(namespaced, rest[1], rest.Count == 4 ? rest[3] : null);
        }

        if (rest.Count is 1 or 2 && ResourceCatalog.Find(group, version, rest[0]) is { } kind)
        {
            if (kind.Namespaced && rest.Count == 2)
            {
                return null;
            }

            return new ApiRoute(kind, null, rest.Count == 2 ? rest[1] : null);
        }

        return null;
    }
}
