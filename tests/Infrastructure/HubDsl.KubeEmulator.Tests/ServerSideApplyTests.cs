using System.Linq;
using System.Net.Http;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using k8s;
using k8s.Models;
using Xunit;

namespace HubDsl.KubeEmulator.Tests;

public sealed class ServerSideApplyTests
{
    // KubernetesClient sends apply bodies as JSON (valid YAML); the YAML form is exercised over raw HTTP below.
    private const string Configuration =
        "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"cfg\",\"labels\":{\"app\":\"hub\",\"replicas\":\"3\"}},\"stringData\":{\"url\":\"https://example.test\"}}";

    private const string ConfigurationYaml = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: cfg
          labels:
            app: hub
            replicas: "3"
        stringData:
          url: https://example.test
        """;

    private static Task<V1Secret> Apply(Kubernetes client, string body, string manager, bool? force = null) =>
        client.CoreV1.PatchNamespacedSecretAsync(new V1Patch(body, V1Patch.PatchType.ApplyPatch), "cfg", "default", fieldManager: manager, force: force);

    [Fact]
    public async Task Apply_creates_then_reapplying_the_same_configuration_changes_nothing()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);

        var first = await Apply(client, Configuration, "hubdsl");
        var second = await Apply(client, Configuration, "hubdsl");

        Assert.Equal("https://example.test", Encoding.UTF8.GetString(first.Data["url"]));
        Assert.Equal(first.Metadata.ResourceVersion, second.Metadata.ResourceVersion);
        var entry = Assert.Single(second.Metadata.ManagedFields);
        Assert.Equal("hubdsl", entry.Manager);
        Assert.Equal("Apply", entry.Operation);
        Assert.Equal("FieldsV1", entry.FieldsType);
        var fields = JsonNode.Parse(KubernetesJson.Serialize(entry.FieldsV1))!;
        Assert.NotNull(fields["f:metadata"]!["f:labels"]!["f:app"]);
        Assert.NotNull(fields["f:data"]!["f:url"]);
        Assert.Null(fields["f:stringData"]);
    }

    [Fact]
    public async Task Apply_accepts_yaml_bodies_like_kubectl_sends()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        var fromJson = await Apply(client, Configuration, "hubdsl");
        using var http = TestClients.Http(cluster, cluster.AdminToken);

        using var content = new StringContent(ConfigurationYaml, Encoding.UTF8, "application/apply-patch+yaml");
        using var response = await http.PatchAsync("/api/v1/namespaces/default/secrets/cfg?fieldManager=hubdsl", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(fromJson.Metadata.ResourceVersion, body["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal("3", body["metadata"]!["labels"]!["replicas"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fields_dropped_from_the_configuration_are_removed_unless_another_manager_owns_them()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await Apply(client, Configuration, "hubdsl");
        await Apply(client, "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"cfg\",\"labels\":{\"shared\":\"yes\"}}}", "other");

        var result = await Apply(client, "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"cfg\",\"labels\":{\"app\":\"hub\"}}}", "hubdsl");

        Assert.Equal(new[] { "app", "shared" }, result.Metadata.Labels.Keys.OrderBy(k => k));
        Assert.True(result.Data is null || result.Data.Count == 0);
    }

    [Fact]
    public async Task A_second_manager_changing_an_owned_value_conflicts_and_force_takes_ownership()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await Apply(client, Configuration, "hubdsl");
        const string rival = "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"cfg\",\"labels\":{\"app\":\"rival\"}},\"stringData\":{\"url\":\"https://rival.test\"}}";

        var (code, status) = await TestClients.FailureOf(() => Apply(client, rival, "rival-controller"));

        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("Conflict", status["reason"]!.GetValue<string>());
        var fields = status["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()).ToList();
        Assert.Equal(new[] { ".data.url", ".metadata.labels.app" }, fields);
        Assert.All(status["details"]!["causes"]!.AsArray(), c => Assert.Equal("FieldManagerConflict", c!["reason"]!.GetValue<string>()));
        Assert.Contains("conflicts with \"hubdsl\"", status["message"]!.GetValue<string>());
        Assert.Equal("hub", (await client.CoreV1.ReadNamespacedSecretAsync("cfg", "default")).Metadata.Labels["app"]);

        var forced = await Apply(client, rival, "rival-controller", force: true);

        Assert.Equal("rival", forced.Metadata.Labels["app"]);
        Assert.Equal("https://rival.test", Encoding.UTF8.GetString(forced.Data["url"]));
        var hubdsl = JsonNode.Parse(KubernetesJson.Serialize(forced.Metadata.ManagedFields.Single(m => m.Manager == "hubdsl").FieldsV1))!;
        Assert.Null(hubdsl["f:metadata"]!["f:labels"]!["f:app"]);
        Assert.NotNull(hubdsl["f:metadata"]!["f:labels"]!["f:replicas"]);
    }

    [Fact]
    public async Task Managers_agreeing_on_a_value_share_ownership_without_conflict()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await Apply(client, Configuration, "hubdsl");

        var shared = await Apply(client, "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"cfg\",\"labels\":{\"app\":\"hub\"}}}", "second");

        Assert.Equal(2, shared.Metadata.ManagedFields.Count);
    }

    [Fact]
    public async Task Apply_conflicts_with_fields_set_by_a_plain_update()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "cfg", Labels = new System.Collections.Generic.Dictionary<string, string> { ["app"] = "manual" } } },
            "default",
            fieldManager: "kubectl-edit");

        var (code, status) = await TestClients.FailureOf(() => Apply(client, Configuration, "hubdsl"));

        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Contains("kubectl-edit", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_empty_map_in_a_configuration_keeps_other_managers_keys()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await Apply(client, Configuration, "hubdsl");

        var result = await Apply(client, "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"cfg\",\"annotations\":{\"a\":\"b\"}},\"data\":{}}", "other");

        Assert.Equal("https://example.test", Encoding.UTF8.GetString(result.Data["url"]));
        Assert.Equal("b", result.Metadata.Annotations["a"]);
    }

    [Fact]
    public async Task Apply_without_fieldManager_is_rejected()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);

        var (code, status) = await TestClients.FailureOf(() => client.CoreV1.PatchNamespacedSecretAsync(new V1Patch(Configuration, V1Patch.PatchType.ApplyPatch), "cfg", "default"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Contains("fieldManager", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Apply_into_a_missing_namespace_is_NotFound()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);

        var (code, status) = await TestClients.FailureOf(() => client.CoreV1.PatchNamespacedSecretAsync(
            new V1Patch(Configuration, V1Patch.PatchType.ApplyPatch), "cfg", "nowhere", fieldManager: "hubdsl"));

        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Equal("namespaces \"nowhere\" not found", status["message"]!.GetValue<string>());
    }

    // Kubernetes docs, "Server-Side Apply", Field management: "If you remove a field from a manifest and apply that
    // manifest, Server-Side Apply checks if there are any other field managers that also own the field. If the field
    // is not owned by any other field managers, it is either deleted from the live object or reset to its default".
    // This is why two fleets applying as one manager undo each other's labels.
    [Fact]
    public async Task One_manager_applying_two_configurations_in_turn_removes_the_first_ones_labels()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await Apply(client, Labels(("team-a", "true"), ("env", "prod")), "hubdsl");

        var second = await Apply(client, Labels(("team-b", "true"), ("env", "prod")), "hubdsl");

        Assert.Equal(new[] { "env", "team-b" }, second.Metadata.Labels.Keys.Order());
    }

    // "If two or more appliers set a field to the same value, they share ownership of that field. [...] Shared field
    // owners may give up ownership of a field by making a Server-Side Apply patch request that doesn't include that
    // field."
    [Fact]
    public async Task Two_managers_keep_their_own_labels_and_share_the_ones_they_agree_on()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await Apply(client, Labels(("team-a", "true"), ("env", "prod")), "hubdsl-fleet-a");
        var both = await Apply(client, Labels(("team-b", "true"), ("env", "prod")), "hubdsl-fleet-b");
        Assert.Equal(new[] { "env", "team-a", "team-b" }, both.Metadata.Labels.Keys.Order());

        // Re-applying in either order keeps everything.
        var again = await Apply(client, Labels(("team-a", "true"), ("env", "prod")), "hubdsl-fleet-a");
        Assert.Equal(new[] { "env", "team-a", "team-b" }, again.Metadata.Labels.Keys.Order());

        // One owner gives up the shared label: the other still owns it, so it stays.
        var dropped = await Apply(client, Labels(("team-a", "true")), "hubdsl-fleet-a");
        Assert.Equal("prod", dropped.Metadata.Labels["env"]);

        // The last owner gives it up: it goes.
        var gone = await Apply(client, Labels(("team-b", "true")), "hubdsl-fleet-b");
        Assert.Equal(new[] { "team-a", "team-b" }, gone.Metadata.Labels.Keys.Order());
    }

    // "Any subsequent attempt to change the value of the shared field, by any of the appliers, results in a conflict."
    [Fact]
    public async Task Changing_a_shared_value_conflicts_with_the_other_owner()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await Apply(client, Labels(("env", "prod")), "hubdsl-fleet-a");
        await Apply(client, Labels(("env", "prod")), "hubdsl-fleet-b");

        var (code, status) = await TestClients.FailureOf(() => Apply(client, Labels(("env", "staging")), "hubdsl-fleet-b"));

        Assert.Equal(HttpStatusCode.Conflict, code);
        var cause = Assert.Single(status["details"]!["causes"]!.AsArray())!;
        Assert.Equal(".metadata.labels.env", cause["field"]!.GetValue<string>());
        Assert.Equal("conflict with \"hubdsl-fleet-a\"", cause["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Applying_an_empty_configuration_releases_the_managers_fields()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster);
        await Apply(client, Labels(("team-a", "true"), ("env", "prod")), "hubdsl-fleet-a");
        await Apply(client, Labels(("team-b", "true"), ("env", "prod")), "hubdsl-fleet-b");

        var released = await Apply(client, "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"cfg\"}}", "hubdsl-fleet-a");

        Assert.Equal(new[] { "env", "team-b" }, released.Metadata.Labels.Keys.Order());
        Assert.Equal(new[] { "hubdsl-fleet-b" }, released.Metadata.ManagedFields.Select(m => m.Manager));
    }

    private static string Labels(params (string Key, string Value)[] labels) =>
        "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"cfg\",\"labels\":{"
        + string.Join(",", labels.Select(l => "\"" + l.Key + "\":\"" + l.Value + "\""))
        + "}}}";
}
