using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using k8s;
using k8s.Autorest;
using Xunit;

namespace HubDsl.KubeEmulator.Tests;

/// <summary>Builds KubernetesClient instances the way the CLI does: from a kubeconfig file, TLS verified against the CA.</summary>
public static class TestClients
{
    public static Kubernetes For(EmulatedCluster cluster, string? token = null)
    {
        var path = TempKubeconfigPath();
        new KubeconfigBuilder().AddContext(cluster.Name, cluster, token).WriteTo(path);
        return FromKubeconfig(path, cluster.Name);
    }

    public static Kubernetes FromKubeconfig(string path, string context)
    {
        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: context);
        Assert.False(configuration.SkipTlsVerify);
        return new Kubernetes(configuration);
    }

    /// <summary>A raw HTTP client trusting only the cluster CA, for requests KubernetesClient cannot express.</summary>
    public static HttpClient Http(EmulatedCluster cluster, string? token)
    {
        var ca = X509Certificate2.CreateFromPem(cluster.CaCertificatePem);
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                if (certificate is null)
                {
                    return false;
                }

                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = cluster.Server };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static string TempKubeconfigPath() =>
        Path.Combine(Path.GetTempPath(), "hubdsl-emulator-tests", Guid.NewGuid().ToString("N"), "kubeconfig");

    /// <summary>Runs a call expected to fail and returns the HTTP status and the metav1.Status body.</summary>
    public static async Task<(HttpStatusCode Code, JsonObject Status)> FailureOf(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<HttpOperationException>(call);
        var body = JsonNode.Parse(error.Response.Content)!.AsObject();
        Assert.Equal("Status", body["kind"]!.GetValue<string>());
        Assert.Equal((int)error.Response.StatusCode, body["code"]!.GetValue<int>());
        return (error.Response.StatusCode, body);
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}
