using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using k8s;
using Xunit;

namespace HubDsl.KubeEmulator.Tests;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task A_wrong_token_is_Unauthorized_with_a_Status_body()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var client = TestClients.For(cluster, token: "not-the-token");

        var (code, status) = await TestClients.FailureOf(() => client.CoreV1.ListNamespaceAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, code);
        Assert.Equal("Unauthorized", status["reason"]!.GetValue<string>());
        var entry = Assert.Single(cluster.Requests.Entries);
        Assert.Null(entry.User);
        Assert.Equal(401, entry.StatusCode);
    }

    [Fact]
    public async Task A_missing_token_is_Unauthorized_but_version_is_public()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var http = TestClients.Http(cluster, token: null);

        using var secrets = await http.GetAsync("/api/v1/namespaces/default/secrets");
        using var version = await http.GetAsync("/version");

        Assert.Equal(HttpStatusCode.Unauthorized, secrets.StatusCode);
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        Assert.Equal("v1.31.0", JsonNode.Parse(await version.Content.ReadAsStringAsync())!["gitVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_admin_token_authenticates_as_the_admin_and_another_clusters_does_not()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        await using var other = await EmulatedCluster.StartAsync();
        using var admin = TestClients.For(cluster);
        using var stranger = TestClients.For(cluster, other.AdminToken);

        await admin.CoreV1.ListNamespaceAsync();
        var (code, _) = await TestClients.FailureOf(() => stranger.CoreV1.ListNamespaceAsync());

        Assert.NotEqual(cluster.AdminToken, other.AdminToken);
        Assert.Equal(HttpStatusCode.Unauthorized, code);
        Assert.Equal(new[] { EmulatedCluster.AdminUser, null }, cluster.Requests.Entries.Select(e => e.User));
    }

    [Fact]
    public async Task Client_certificates_from_the_cluster_CA_authenticate()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        var certificate = cluster.IssueClientCertificate("jane", "system:masters");
        var path = TestClients.TempKubeconfigPath();
        new KubeconfigBuilder().AddClientCertificateContext("cert", cluster, certificate).WriteTo(path);
        using var client = TestClients.FromKubeconfig(path, "cert");

        var namespaces = await client.CoreV1.ListNamespaceAsync();

        Assert.NotEmpty(namespaces.Items);
        Assert.Equal("jane", Assert.Single(cluster.Requests.Entries).User);
    }

    [Fact]
    public async Task Client_certificates_from_another_CA_are_rejected()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        await using var stranger = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { Name = "stranger" });
        var foreign = stranger.IssueClientCertificate("mallory");
        var path = TestClients.TempKubeconfigPath();
        new KubeconfigBuilder().AddClientCertificateContext("cert", cluster, foreign).WriteTo(path);
        using var client = TestClients.FromKubeconfig(path, "cert");

        var (code, _) = await TestClients.FailureOf(() => client.CoreV1.ListNamespaceAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, code);
    }

    [Fact]
    public async Task The_server_certificate_does_not_verify_against_another_clusters_CA()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        await using var stranger = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { Name = "stranger" });
        var path = TestClients.TempKubeconfigPath();
        new KubeconfigBuilder().AddContext("mixed", cluster.Server.ToString(), stranger.CaCertificatePem, cluster.AdminToken).WriteTo(path);
        using var client = TestClients.FromKubeconfig(path, "mixed");

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.CoreV1.ListNamespaceAsync());
    }
}
