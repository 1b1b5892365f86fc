using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using k8s;
using k8s.Models;
using Xunit;

namespace HubDsl.KubeEmulator.Tests;

public sealed class MultiClusterTests
{
    [Fact]
    public async Task Hub_and_two_spokes_run_side_by_side_from_one_kubeconfig()
    {
        await using var hub = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { Name = "hub" });
        await using var staging = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { Name = "staging", ExtraNamespaces = [] });
        await using var prod = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { Name = "prod", ExtraNamespaces = [] });
        var path = new KubeconfigBuilder()
            .AddContext("hub", hub, @namespace: "argocd")
            .AddContext("staging", staging)
            .AddContext("prod", prod)
            .UseContext("hub")
            .WriteTo(TestClients.TempKubeconfigPath());

        var text = File.ReadAllText(path);
        Assert.Contains("current-context: hub", text);
        Assert.Equal(3, new[] { hub.Server.Port, staging.Server.Port, prod.Server.Port }.Distinct().Count());
        Assert.Equal(3, new[] { hub.CaCertificatePem, staging.CaCertificatePem, prod.CaCertificatePem }.Distinct().Count());

        using var hubClient = TestClients.FromKubeconfig(path, "hub");
        using var stagingClient = TestClients.FromKubeconfig(path, "staging");
        using var prodClient = TestClients.FromKubeconfig(path, "prod");
        await stagingClient.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "only-staging" } }, "default");

        Assert.Single((await stagingClient.CoreV1.ListNamespacedSecretAsync("default")).Items);
        Assert.Empty((await prodClient.CoreV1.ListNamespacedSecretAsync("default")).Items);
        Assert.Empty((await hubClient.CoreV1.ListNamespacedSecretAsync("default")).Items);
        Assert.DoesNotContain((await prodClient.CoreV1.ListNamespaceAsync()).Items, n => n.Metadata.Name == "argocd");
        Assert.Single(staging.Requests.Entries, e => e.Method == "POST");
        Assert.DoesNotContain(prod.Requests.Entries, e => e.Method == "POST");
    }

    [Fact]
    public async Task A_spoke_token_stored_on_the_hub_grants_access_to_the_spoke()
    {
        await using var hub = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { Name = "hub" });
        await using var spoke = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { Name = "spoke", TokenControllerDelay = TimeSpan.FromMilliseconds(100) });
        using var hubClient = TestClients.For(hub);
        using var spokeAdmin = TestClients.For(spoke);

        // What registering a cluster does: a manager ServiceAccount + token on the spoke...
        await spokeAdmin.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "argocd-manager" } }, "kube-system");
        await spokeAdmin.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta
                {
                    Name = "argocd-manager-long-lived-token",
                    Annotations = new Dictionary<string, string> { ["kubernetes.io/service-account.name"] = "argocd-manager" },
                },
                Type = "kubernetes.io/service-account-token",
            },
            "kube-system");
        var tokenSecret = await TokenControllerTests.WaitForToken(spokeAdmin, "argocd-manager-long-lived-token", "kube-system", TimeSpan.FromSeconds(5));
        var token = Encoding.UTF8.GetString(tokenSecret.Data["token"]);

        // ...and an Argo CD cluster Secret on the hub holding it.
        var config = $"{{\"bearerToken\":\"{token}\",\"tlsClientConfig\":{{\"caData\":\"{Convert.ToBase64String(tokenSecret.Data["ca.crt"])}\"}}}}";
        await hubClient.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = "cluster-spoke", Labels = new Dictionary<string, string> { ["argocd.argoproj.io/secret-type"] = "cluster" } },
                StringData = new Dictionary<string, string> { ["name"] = "spoke", ["server"] = spoke.Server.ToString(), ["config"] = config },
            },
            "argocd");

        var stored = (await hubClient.CoreV1.ListNamespacedSecretAsync("argocd", labelSelector: "argocd.argoproj.io/secret-type=cluster")).Items.Single();
        var storedConfig = System.Text.Json.Nodes.JsonNode.Parse(Encoding.UTF8.GetString(stored.Data["config"]))!;
        var caPem = Encoding.UTF8.GetString(Convert.FromBase64String(storedConfig["tlsClientConfig"]!["caData"]!.GetValue<string>()));
        var path = new KubeconfigBuilder()
            .AddContext("from-hub", Encoding.UTF8.GetString(stored.Data["server"]).TrimEnd('/'), caPem, storedConfig["bearerToken"]!.GetValue<string>())
            .WriteTo(TestClients.TempKubeconfigPath());
        using var asArgoCd = TestClients.FromKubeconfig(path, "from-hub");

        await asArgoCd.CoreV1.ListNamespaceAsync();
        Assert.Equal("system:serviceaccount:kube-system:argocd-manager", spoke.Requests.Entries[^1].User);
    }
}
