using System;
using System.Net;
using System.Threading.Tasks;
using k8s;
using k8s.Models;
using Xunit;

namespace HubDsl.KubeEmulator.Tests;

public sealed class TokenRequestTests
{
    private static Authenticationv1TokenRequest Request(long seconds) => new()
    {
        Spec = new V1TokenRequestSpec { ExpirationSeconds = seconds, Audiences = ["https://kubernetes.default.svc"] },
    };

    [Fact]
    public async Task A_requested_token_authenticates_until_it_expires()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var cluster = await EmulatedCluster.StartAsync(new EmulatedClusterOptions { TimeProvider = clock });
        using var admin = TestClients.For(cluster);
        await admin.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "argocd-manager" } }, "kube-system");

        var issued = await admin.CoreV1.CreateNamespacedServiceAccountTokenAsync(Request(3600), "argocd-manager", "kube-system");

        Assert.Equal(3, issued.Status.Token.Split('.').Length);
        Assert.Equal(new DateTime(2026, 1, 1, 1, 0, 0, DateTimeKind.Utc), issued.Status.ExpirationTimestamp?.ToUniversalTime());
        using var asServiceAccount = TestClients.For(cluster, issued.Status.Token);
        await asServiceAccount.CoreV1.ListNamespaceAsync();
        Assert.Equal("system:serviceaccount:kube-system:argocd-manager", cluster.Requests.Entries[^1].User);

        clock.Advance(TimeSpan.FromHours(1));
        var (code, _) = await TestClients.FailureOf(() => asServiceAccount.CoreV1.ListNamespaceAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, code);
    }

    [Fact]
    public async Task A_requested_token_dies_with_its_service_account()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var admin = TestClients.For(cluster);
        await admin.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "sa" } }, "default");
        var issued = await admin.CoreV1.CreateNamespacedServiceAccountTokenAsync(Request(3600), "sa", "default");
        using var asServiceAccount = TestClients.For(cluster, issued.Status.Token);

        await admin.CoreV1.DeleteNamespacedServiceAccountAsync("sa", "default");
        await admin.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "sa" } }, "default");

        // A new ServiceAccount with the same name has a new uid: the old token stays dead.
        var (code, _) = await TestClients.FailureOf(() => asServiceAccount.CoreV1.ListNamespaceAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, code);
    }

    [Fact]
    public async Task Token_requests_validate_the_account_and_the_duration()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var admin = TestClients.For(cluster);
        await admin.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "sa" } }, "default");

        var (missing, _) = await TestClients.FailureOf(() => admin.CoreV1.CreateNamespacedServiceAccountTokenAsync(Request(3600), "ghost", "default"));
        var (tooShort, _) = await TestClients.FailureOf(() => admin.CoreV1.CreateNamespacedServiceAccountTokenAsync(Request(60), "sa", "default"));

        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort);
    }
}
