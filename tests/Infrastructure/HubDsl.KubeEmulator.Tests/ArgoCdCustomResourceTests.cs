using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using k8s;
using k8s.Models;
using Xunit;

namespace HubDsl.KubeEmulator.Tests;

public sealed class ArgoCdCustomResourceTests
{
    private const string Group = "argoproj.io";
    private const string Version = "v1alpha1";

    private static JsonObject Application(string name) => new()
    {
        ["apiVersion"] = "argoproj.io/v1alpha1",
        ["kind"] = "Application",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["hubdsl.io/fleet"] = "agents" } },
        ["spec"] = new JsonObject
        {
            ["project"] = "default",
            ["source"] = new JsonObject { ["repoURL"] = "https://git.example/agents.git", ["path"] = "deploy", ["targetRevision"] = "HEAD" },
            ["destination"] = new JsonObject { ["server"] = "https://staging.example", ["namespace"] = "agents" },
            ["syncPolicy"] = new JsonObject { ["automated"] = new JsonObject { ["prune"] = true, ["selfHeal"] = true } },
        },
    };

    private static JsonNode ToNode(object response) => JsonNode.Parse(JsonSerializer.Serialize(response))!;

    [Fact]
    public async Task Applications_round_trip_with_arbitrary_fields_and_generation()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);

        var created = ToNode(await client.CustomObjects.CreateNamespacedCustomObjectAsync(Application("agents"), Group, Version, "argocd", "applications"));
        Assert.Equal(1, created["metadata"]!["generation"]!.GetValue<long>());
        Assert.True(created["spec"]!["syncPolicy"]!["automated"]!["selfHeal"]!.GetValue<bool>());

        var fetched = ToNode(await client.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, "argocd", "applications", "agents"));
        Assert.Equal("https://git.example/agents.git", fetched["spec"]!["source"]!["repoURL"]!.GetValue<string>());

        var statusOnly = ToNode(await client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("{\"status\":{\"health\":{\"status\":\"Healthy\"},\"sync\":{\"status\":\"Synced\"}}}", V1Patch.PatchType.MergePatch),
            Group, Version, "argocd", "applications", "agents"));
        Assert.Equal(1, statusOnly["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal("Healthy", statusOnly["status"]!["health"]!["status"]!.GetValue<string>());

        var specChange = ToNode(await client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("{\"spec\":{\"source\":{\"targetRevision\":\"v2\"}}}", V1Patch.PatchType.MergePatch),
            Group, Version, "argocd", "applications", "agents"));
        Assert.Equal(2, specChange["metadata"]!["generation"]!.GetValue<long>());

        var list = ToNode(await client.CustomObjects.ListNamespacedCustomObjectAsync(Group, Version, "argocd", "applications", labelSelector: "hubdsl.io/fleet=agents"));
        Assert.Single(list["items"]!.AsArray());
        Assert.Equal("ApplicationList", list["kind"]!.GetValue<string>());

        var deleted = ToNode(await client.CustomObjects.DeleteNamespacedCustomObjectAsync(Group, Version, "argocd", "applications", "agents"));
        Assert.Equal("agents", deleted["metadata"]!["name"]!.GetValue<string>());
        var (code, _) = await TestClients.FailureOf(() => client.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, "argocd", "applications", "agents"));
        Assert.Equal(HttpStatusCode.NotFound, code);
    }

    [Fact]
    public async Task ApplicationSets_and_AppProjects_are_served_and_apply_works_on_them()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        const string project = "{\"apiVersion\":\"argoproj.io/v1alpha1\",\"kind\":\"AppProject\",\"metadata\":{\"name\":\"fleet\"},\"spec\":{\"sourceRepos\":[\"*\"],\"destinations\":[{\"server\":\"*\",\"namespace\":\"*\"}]}}";

        var first = ToNode(await client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(project, V1Patch.PatchType.ApplyPatch), Group, Version, "argocd", "appprojects", "fleet", fieldManager: "hubdsl"));
        var second = ToNode(await client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(project, V1Patch.PatchType.ApplyPatch), Group, Version, "argocd", "appprojects", "fleet", fieldManager: "hubdsl"));
        Assert.Equal(first["metadata"]!["resourceVersion"]!.GetValue<string>(), second["metadata"]!["resourceVersion"]!.GetValue<string>());

        var set = new JsonObject
        {
            ["apiVersion"] = "argoproj.io/v1alpha1",
            ["kind"] = "ApplicationSet",
            ["metadata"] = new JsonObject { ["name"] = "agents" },
            ["spec"] = new JsonObject { ["generators"] = new JsonArray(new JsonObject { ["clusters"] = new JsonObject() }) },
        };
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(set, Group, Version, "argocd", "applicationsets");
        var sets = ToNode(await client.CustomObjects.ListNamespacedCustomObjectAsync(Group, Version, "argocd", "applicationsets"));
        Assert.Equal("agents", sets["items"]![0]!["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Finalizers_hold_a_deleted_application_until_the_last_one_is_removed()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        var app = Application("guarded");
        app["metadata"]!["finalizers"] = new JsonArray("resources-finalizer.argocd.argoproj.io");
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(app, Group, Version, "argocd", "applications");

        var marked = ToNode(await client.CustomObjects.DeleteNamespacedCustomObjectAsync(Group, Version, "argocd", "applications", "guarded"));
        var stillThere = ToNode(await client.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, "argocd", "applications", "guarded"));
        Assert.NotNull(marked["metadata"]!["deletionTimestamp"]);
        Assert.NotNull(stillThere["metadata"]!["deletionTimestamp"]);

        var (code, _) = await TestClients.FailureOf(() => client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("{\"metadata\":{\"finalizers\":[\"resources-finalizer.argocd.argoproj.io\",\"another\"]}}", V1Patch.PatchType.MergePatch),
            Group, Version, "argocd", "applications", "guarded"));
        Assert.Equal(HttpStatusCode.Forbidden, code);

        // What the Argo CD controller does once it has pruned the app's resources.
        await client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("{\"metadata\":{\"finalizers\":null}}", V1Patch.PatchType.MergePatch), Group, Version, "argocd", "applications", "guarded");
        var (gone, _) = await TestClients.FailureOf(() => client.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, "argocd", "applications", "guarded"));
        Assert.Equal(HttpStatusCode.NotFound, gone);
    }

    [Fact]
    public async Task Argo_kinds_are_served_only_while_their_CRDs_exist()
    {
        await using var cluster = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { InstallArgoCdCrds = false });
        using var client = TestClients.For(cluster);

        var (missing, _) = await TestClients.FailureOf(() => client.CustomObjects.ListNamespacedCustomObjectAsync(Group, Version, "argocd", "applications"));
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Empty((await client.ApiextensionsV1.ListCustomResourceDefinitionAsync()).Items);

        cluster.InstallArgoCdCrds();
        var crds = await client.ApiextensionsV1.ListCustomResourceDefinitionAsync();
        Assert.Equal(new[] { "applications.argoproj.io", "applicationsets.argoproj.io", "appprojects.argoproj.io" }, crds.Items.Select(c => c.Metadata.Name));
        Assert.Contains(crds.Items[0].Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(Application("agents"), Group, Version, "argocd", "applications");

        await client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("applications.argoproj.io");
        var (gone, _) = await TestClients.FailureOf(() => client.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, "argocd", "applications", "agents"));
        Assert.Equal(HttpStatusCode.NotFound, gone);
        cluster.InstallArgoCdCrds();
        Assert.Empty(ToNode(await client.CustomObjects.ListNamespacedCustomObjectAsync(Group, Version, "argocd", "applications"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Seeded_objects_are_visible_through_the_api()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);

        cluster.Seed("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: seeded
              namespace: argocd
            status:
              health:
                status: Degraded
            """);

        var app = ToNode(await client.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, "argocd", "applications", "seeded"));
        Assert.Equal("Degraded", app["status"]!["health"]!["status"]!.GetValue<string>());
    }
}
