using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Declarations;
using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Binding;

/// <summary>
/// Binds an ApplicationTemplate's <c>Notifications</c> to the Applications' subscription annotations,
/// <c>notifications.argoproj.io/subscribe.&lt;trigger&gt;.&lt;service&gt;: r1;r2</c> (Argo CD's
/// docs/user-guide/subscriptions.md: the recipients are a semicolon separated list).
/// </summary>
internal static class NotificationSubscriptionBinder
{
    /// <summary>The annotation key prefix of a subscription.</summary>
    public const string KeyPrefix = "notifications.argoproj.io/subscribe.";

    public static void Bind(BindingContext context, YamlMapping metadata, DslValue? value)
    {
        var subscriptions = DslReader.List(context, value, "Notifications");
        if (subscriptions.Count == 0) return;
        var recipients = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var origins = new Dictionary<string, SourceSpan?>(StringComparer.Ordinal);
        foreach (var item in subscriptions)
        {
            if (item is not DslObject subscription)
            {
                context.Error(item.Origin, "expected new NotificationSubscription(trigger, service, recipients...).");
                continue;
            }

            var trigger = DslReader.String(context, subscription.Find("Trigger")?.Value, "The notification trigger") ?? string.Empty;
            var service = DslReader.String(context, subscription.Find("Service")?.Value, "The notification service") ?? string.Empty;
            var key = KeyPrefix + trigger + "." + service;
            if (trigger.Length == 0 || service.Length == 0 || trigger.Contains('.') || service.Contains('.') || LabelRules.KeyProblem(key) is not null)
            {
                context.Error(item.Origin, "the notification subscription '" + trigger + "." + service + "' does not make an annotation key (" + (LabelRules.KeyProblem(key) ?? "trigger and service must be non-empty and contain no '.'") + "); use a trigger and service name of argocd-notifications-cm, such as NotificationSubscription.OnHealthDegraded and \"slack\".");
                continue;
            }

            var list = recipients.TryGetValue(key, out var existing) ? existing : recipients[key] = new List<string>();
            origins[key] = item.Origin;
            var given = DslReader.List(context, subscription.Find("Recipients")?.Value, "Recipients");
            foreach (var recipientValue in given)
            {
                var recipient = DslReader.String(context, recipientValue, "A notification recipient");
                if (recipient is null) continue;
                if (recipient.Length == 0 || recipient.Contains(';') || recipient.Any(char.IsWhiteSpace))
                {
                    context.Error(recipientValue.Origin, "the notification recipient '" + recipient + "' must be non-empty, without ';' or spaces (Argo CD separates recipients with ';'): give each recipient on its own.");
                    continue;
                }

                if (!list.Contains(recipient, StringComparer.Ordinal)) list.Add(recipient);
            }

            if (given.Count == 0) context.Error(item.Origin, "the notification subscription '" + trigger + "." + service + "' has no recipients; name at least one.");
        }

        var annotations = metadata["annotations"] as YamlMapping ?? new YamlMapping();
        foreach (var pair in recipients.Where(p => p.Value.Count > 0))
        {
            if (annotations.ContainsKey(pair.Key))
            {
                context.Error(origins[pair.Key], "the annotation '" + pair.Key + "' is declared both in Annotations and in Notifications; keep one.");
                continue;
            }

            var text = YamlScalar.String(string.Join(";", pair.Value));
            text.Origin = origins[pair.Key];
            annotations.Set(pair.Key, text);
        }

        if (annotations.Count > 0) metadata.Set("annotations", annotations);
    }
}
