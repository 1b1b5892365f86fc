using System.Collections.Generic;

namespace HubDsl;

/// <summary>
/// An Argo CD notifications subscription of the generated Applications: the annotation
/// <c>notifications.argoproj.io/subscribe.&lt;trigger&gt;.&lt;service&gt;: &lt;recipient&gt;;...</c> (Argo CD's
/// docs/user-guide/subscriptions.md). The trigger and service must exist in the hub's <c>argocd-notifications-cm</c>
/// (the triggers of Argo CD's notifications catalog are named below).
/// </summary>
public sealed class NotificationSubscription
{
    /// <param name="trigger">The trigger, e.g. <c>on-health-degraded</c>.</param>
    /// <param name="service">The notification service, e.g. <c>slack</c> or <c>pagerdutyv2</c>.</param>
    /// <param name="recipients">The recipients (Slack channels, PagerDuty service keys' names, e-mail addresses).</param>
    public NotificationSubscription(string trigger, string service, params string[] recipients)
    {
        Trigger = trigger;
        Service = service;
        Recipients = recipients;
    }

    /// <summary>The trigger.</summary>
    public string Trigger { get; }

    /// <summary>The notification service.</summary>
    public string Service { get; }

    /// <summary>The recipients.</summary>
    public IReadOnlyList<string> Recipients { get; }

    /// <summary>The catalog trigger when an Application's health becomes Degraded.</summary>
    public const string OnHealthDegraded = "on-health-degraded";

    /// <summary>The catalog trigger when a sync fails.</summary>
    public const string OnSyncFailed = "on-sync-failed";

    /// <summary>The catalog trigger when the sync status becomes Unknown (Argo CD cannot compare: often an unreachable cluster).</summary>
    public const string OnSyncStatusUnknown = "on-sync-status-unknown";

    /// <summary>The catalog trigger when a sync succeeds and the Application is Healthy.</summary>
    public const string OnDeployed = "on-deployed";
}
