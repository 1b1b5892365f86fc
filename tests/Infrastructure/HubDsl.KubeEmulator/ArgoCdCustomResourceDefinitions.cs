using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace HubDsl.KubeEmulator;

/// <summary>
/// The CustomResourceDefinitions that make the Argo CD kinds exist. Custom resources are only served while
/// their CRD is stored, so a cluster without them behaves like a cluster without Argo CD installed.
/// </summary>
public static class ArgoCdCustomResourceDefinitions
{
    public static IEnumerable<JsonObject> All() =>
        ResourceCatalog.All.Where(k => k.IsCustomResource).Select(For);

    public static string NameOf(ResourceKind kind) => $"{kind.Plural}.{kind.Group}";

    public static JsonObject For(ResourceKind kind) => new()
    {
        ["apiVersion"] = ResourceCatalog.CustomResourceDefinitions.ApiVersion,
        ["kind"] = ResourceCatalog.CustomResourceDefinitions.Kind,
        ["metadata"] = new JsonObject
        {
            ["name"] = NameOf(kind),
            ["labels"] = new JsonObject { ["app.kubernetes.io/part-of"] = "argocd" },
        },
        ["spec"] = new JsonObject
        {
            ["group"] = kind.Group,
            ["scope"] = kind.Namespaced ? "Namespaced" : "Cluster",
            ["names"] = new JsonObject
            {
                ["kind"] = kind.Kind,
                ["listKind"] = kind.ListKind,
                ["plural"] = kind.Plural,
                ["singular"] = kind.Singular,
            },
            ["versions"] = new JsonArray(new JsonObject
            {
                ["name"] = kind.Version,
                ["served"] = true,
                ["storage"] = true,
                ["schema"] = new JsonObject
                {
                    ["openAPIV3Schema"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true },
                },
            }),
        },
        ["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "NamesAccepted", ["status"] = "True", ["reason"] = "NoConflicts" },
                new JsonObject { ["type"] = "Established", ["status"] = "True", ["reason"] = "InitialNamesAccepted" }),
            ["acceptedNames"] = new JsonObject { ["kind"] = kind.Kind, ["plural"] = kind.Plural },
            ["storedVersions"] = new JsonArray(kind.Version),
        },
    };
}
