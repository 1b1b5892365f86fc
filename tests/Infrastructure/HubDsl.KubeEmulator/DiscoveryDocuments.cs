using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace HubDsl.KubeEmulator;

/// <summary>The legacy discovery documents: /api, /apis, /api/v1, /apis/{group}/{version}, and /version.</summary>
public static class DiscoveryDocuments
{
    private static readonly string[] NamespacedVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static JsonObject Version(string gitVersion) => new()
    {
        ["major"] = "1",
        ["minor"] = MinorOf(gitVersion),
        ["gitVersion"] = gitVersion,
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.24.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
        ["emulator"] = "HubDsl.KubeEmulator",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(Func<ResourceKind, bool> isServed) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(ResourceCatalog.All.Where(isServed).Select(k => (k.Group, k.Version)).Distinct()
            .Where(gv => gv.Group.Length > 0)
            .GroupBy(gv => gv.Group)
            .Select(g => (JsonNode)Group(g.Key, g.Select(gv => gv.Version).ToArray()))
            .ToArray()),
    };

    public static JsonObject? GroupDocument(string group, Func<ResourceKind, bool> isServed)
    {
        var versions = ResourceCatalog.All.Where(k => k.Group == group && isServed(k)).Select(k => k.Version).Distinct().ToArray();
        return versions.Length == 0 ? null : Group(group, versions);
    }

    public static JsonObject? ResourceList(string group, string version, Func<ResourceKind, bool> isServed)
    {
        var kinds = ResourceCatalog.InGroupVersion(group, version).Where(isServed).ToList();
        if (kinds.Count == 0)
        {
            return null;
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = new JsonArray(kinds.Select(k => (JsonNode)new JsonObject
            {
                ["name"] = k.Plural,
                ["singularName"] = k.Singular,
                ["namespaced"] = k.Namespaced,
                ["kind"] = k.Kind,
                ["verbs"] = new JsonArray(NamespacedVerbs.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
                ["storageVersionHash"] = k.Plural,
            }).ToArray()),
        };
    }

    private static JsonObject Group(string name, string[] versions) => new()
    {
        ["kind"] = "APIGroup",
        ["apiVersion"] = "v1",
        ["name"] = name,
        ["versions"] = new JsonArray(versions.Select(v => (JsonNode)new JsonObject { ["groupVersion"] = $"{name}/{v}", ["version"] = v }).ToArray()),
        ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{name}/{versions[0]}", ["version"] = versions[0] },
    };

    private static string MinorOf(string gitVersion)
    {
        var parts = gitVersion.TrimStart('v').Split('.');
        return parts.Length > 1 ? parts[1] : "0";
    }
}
