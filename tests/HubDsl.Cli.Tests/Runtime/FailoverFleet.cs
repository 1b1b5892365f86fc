using System.Threading.Tasks;
using HubDsl.KubeEmulator;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>prod (carrying traffic=active) and dr registered on an emulated hub, with staging for contrast, each with one Application.</summary>
internal static class FailoverFleet
{
    public static async Task<RuntimeFleet> StartAsync(string drHealth = "Healthy")
    {
        var fleet = await RuntimeFleet.StartAsync("prod", "dr", "staging");
        foreach (var spoke in new[] { "prod", "dr", "staging" })
        {
            var run = await fleet.RunAsync("cluster", "add", spoke, "--yes");
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        var label = await fleet.RunAsync("cluster", "set", "prod", "--label", "traffic=active");
        Assert.True(label.ExitCode == 0, label.ToString());
        SeedApp(fleet, "agent-prod", fleet.ServerOf(fleet["prod"]), "Healthy");
        SeedApp(fleet, "agent-dr", fleet.ServerOf(fleet["dr"]), drHealth);
        SeedApp(fleet, "agent-staging", fleet.ServerOf(fleet["staging"]), "Degraded");
        return fleet;
    }

    private static void SeedApp(RuntimeFleet fleet, string name, string server, string health) =>
        fleet.Hub.Seed($$"""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: { name: {{name}}, namespace: argocd }
            spec: { project: default, destination: { server: '{{server}}', namespace: agent }, source: { repoURL: 'https://example.test', path: helm } }
            status: { sync: { status: Synced }, health: { status: {{health}} } }
            """);

    public static string? Traffic(RuntimeFleet fleet, string spoke) =>
        fleet.HubSecret(fleet[spoke])!["metadata"]!["labels"]!.AsObject().TryGetPropertyValue("traffic", out var value) ? value!.GetValue<string>() : null;
}
