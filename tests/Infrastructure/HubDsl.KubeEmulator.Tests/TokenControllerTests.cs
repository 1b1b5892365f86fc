using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using k8s;
using k8s.Models;
using Xunit;

namespace HubDsl.KubeEmulator.Tests;

public sealed class TokenControllerTests
{
    private static V1Secret TokenSecret(string name, string account) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Annotations = new Dictionary<string, string> { ["kubernetes.io/service-account.name"] = account },
        },
        Type = "kubernetes.io/service-account-token",
    };

    internal static async Task<V1Secret> WaitForToken(Kubernetes client, string name, string ns, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var secret = await client.CoreV1.ReadNamespacedSecretAsync(name, ns);
            if (secret.Data?.ContainsKey("token") == true)
            {
                return secret;
            }

            Assert.True(deadline.Elapsed < timeout, $"secret {ns}/{name} got no token within {timeout}");
            await Task.Delay(25);
        }
    }

    [Fact]
    public async Task The_token_is_filled_after_the_delay_and_then_authenticates_as_the_service_account()
    {
        await using var cluster = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { TokenControllerDelay = TimeSpan.FromMilliseconds(300) });
        using var admin = TestClients.For(cluster);
        await admin.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "argocd-manager" } }, "kube-system");
        var clock = Stopwatch.StartNew();

        var created = await admin.CoreV1.CreateNamespacedSecretAsync(TokenSecret("argocd-manager-token", "argocd-manager"), "kube-system");
        Assert.True(created.Data is null || !created.Data.ContainsKey("token"));
        var filled = await WaitForToken(admin, "argocd-manager-token", "kube-system", TimeSpan.FromSeconds(5));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), $"filled after {clock.Elapsed}");
        var token = Encoding.UTF8.GetString(filled.Data["token"]);
        Assert.Equal(3, token.Split('.').Length);
        Assert.Equal(cluster.CaCertificatePem, Encoding.UTF8.GetString(filled.Data["ca.crt"]));
        Assert.Equal("kube-system", Encoding.UTF8.GetString(filled.Data["namespace"]));

        using var asServiceAccount = TestClients.For(cluster, token);
        await asServiceAccount.CoreV1.ListNamespaceAsync();
        Assert.Equal("system:serviceaccount:kube-system:argocd-manager", cluster.Requests.Entries[^1].User);

        // Deleting the Secret revokes its token, like the legacy token authenticator.
        await admin.CoreV1.DeleteNamespacedSecretAsync("argocd-manager-token", "kube-system");
        var (code, _) = await TestClients.FailureOf(() => asServiceAccount.CoreV1.ListNamespaceAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, code);
    }

    [Fact]
    public async Task Without_the_service_account_the_secret_stays_empty_until_it_appears()
    {
        await using var cluster = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { TokenControllerDelay = TimeSpan.FromMilliseconds(50) });
        using var admin = TestClients.For(cluster);

        await admin.CoreV1.CreateNamespacedSecretAsync(TokenSecret("early-token", "late"), "default");
        await Task.Delay(300);
        var unfilled = await admin.CoreV1.ReadNamespacedSecretAsync("early-token", "default");
        Assert.True(unfilled.Data is null || !unfilled.Data.ContainsKey("token"));

        await admin.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "late" } }, "default");
        var filled = await WaitForToken(admin, "early-token", "default", TimeSpan.FromSeconds(5));

        Assert.True(filled.Data.ContainsKey("token"));
    }

    [Fact]
    public async Task Deleting_the_service_account_revokes_its_tokens()
    {
        await using var cluster = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { TokenControllerDelay = TimeSpan.FromMilliseconds(20) });
        using var admin = TestClients.For(cluster);
        var account = await admin.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "doomed" } }, "default");
        await admin.CoreV1.CreateNamespacedSecretAsync(TokenSecret("doomed-token", "doomed"), "default");
        var filled = await WaitForToken(admin, "doomed-token", "default", TimeSpan.FromSeconds(5));
        using var asServiceAccount = TestClients.For(cluster, Encoding.UTF8.GetString(filled.Data["token"]));
        await asServiceAccount.CoreV1.ListNamespacedSecretAsync("default");

        await admin.CoreV1.DeleteNamespacedServiceAccountAsync("doomed", "default");
        var (code, _) = await TestClients.FailureOf(() => asServiceAccount.CoreV1.ListNamespacedSecretAsync("default"));

        Assert.Equal(HttpStatusCode.Unauthorized, code);
        Assert.Equal(account.Metadata.Uid, filled.Metadata.Annotations["kubernetes.io/service-account.uid"]);
    }

    [Fact]
    public async Task Ordinary_secrets_are_left_alone()
    {
        await using var cluster = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { TokenControllerDelay = TimeSpan.FromMilliseconds(10) });
        using var admin = TestClients.For(cluster);
        await admin.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "sa" } }, "default");
        var opaque = TokenSecret("plain", "sa");
        opaque.Type = "Opaque";

        var created = await admin.CoreV1.CreateNamespacedSecretAsync(opaque, "default");
        await Task.Delay(200);

        Assert.Equal(created.Metadata.ResourceVersion, (await admin.CoreV1.ReadNamespacedSecretAsync("plain", "default")).Metadata.ResourceVersion);
    }
}
