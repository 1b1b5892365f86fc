using HubDsl.Core.Manifests;
using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;

namespace HubDsl.Generators.Tests;

/// <summary>
/// Notifications declared in C# become the generated Applications' subscription annotations, in the form Argo CD's
/// docs/user-guide/subscriptions.md gives: notifications.argoproj.io/subscribe.&lt;trigger&gt;.&lt;service&gt;: r1;r2.
/// </summary>
public sealed class NotificationSubscriptionTests
{
    private const string Notifications = """
                    Notifications =
                    [
                        new(NotificationSubscription.OnHealthDegraded, "slack", "agent-oncall", "agent-team"),
                        new(NotificationSubscription.OnSyncFailed, "slack", "agent-team"),
                        new(NotificationSubscription.OnHealthDegraded, "pagerdutyv2", "agent-service"),
                    ],
        """;

    [Fact]
    public void Every_generated_Application_carries_the_subscriptions()
    {
        var source = FailoverSources.Fleet.Replace("FAIL_AFTER", "5m").Replace("Destination = new(Param.Server, \"app\"),", Notifications.Trim() + "\n            Destination = new(Param.Server, \"app\"),");
        Assert.Contains("Notifications =", source);
        var files = GeneratorHarness.Generate(("Fleet.cs", source));
        var appSet = (YamlMapping)YamlReader.Parse(files.Single(f => f.Path == FleetManifests.ApplicationSetFile("app")).Content);
        var secrets = files.Where(f => f.Path.StartsWith("argocd/clusters/", StringComparison.Ordinal)).Select(f => (YamlMapping)YamlReader.Parse(f.Content)).ToList();
        var applications = ApplicationSetRenderer.Render(appSet, secrets).Applications;
        Assert.Equal(3, applications.Count);
        foreach (var application in applications)
        {
            var annotations = (YamlMapping)((YamlMapping)application["metadata"]!)["annotations"]!;
            Assert.Equal("agent-oncall;agent-team", annotations["notifications.argoproj.io/subscribe.on-health-degraded.slack"]!.AsString());
            Assert.Equal("agent-team", annotations["notifications.argoproj.io/subscribe.on-sync-failed.slack"]!.AsString());
            Assert.Equal("agent-service", annotations["notifications.argoproj.io/subscribe.on-health-degraded.pagerdutyv2"]!.AsString());
        }
    }

    [Fact]
    public void Without_subscriptions_there_are_no_annotations()
    {
        var files = GeneratorHarness.Generate(FailoverSources.Make());
        Assert.DoesNotContain("notifications.argoproj.io", files.Single(f => f.Path == FleetManifests.ApplicationSetFile("app")).Content);
    }
}
