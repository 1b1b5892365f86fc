namespace HubDsl.Analyzers.Tests;

using Verify = AnalyzerVerifier<DeclarationAnalyzer>;

/// <summary>A notification subscription that cannot become Argo CD's annotation is reported where it was written (HUB001).</summary>
public sealed class NotificationSubscriptionAnalyzerTests
{
    [Fact]
    public Task A_recipient_list_written_as_one_string_is_reported() => Verify.VerifyAsync(
        Sources.Make(templateExtra: "        Notifications = [new(NotificationSubscription.OnHealthDegraded, \"slack\", {|#0:\"a;b\"|})],"),
        Verify.Diagnostic("HUB001").WithLocation(0).WithArguments("App: the notification recipient 'a;b' must be non-empty, without ';' or spaces (Argo CD separates recipients with ';'): give each recipient on its own."));

    [Fact]
    public Task A_service_with_a_dot_is_reported() => Verify.VerifyAsync(
        Sources.Make(templateExtra: "        Notifications = [{|#0:new(\"on-deployed\", \"slack.team\", \"ops\")|}],"),
        Verify.Diagnostic("HUB001").WithLocation(0).WithArguments("App: the notification subscription 'on-deployed.slack.team' does not make an annotation key (trigger and service must be non-empty and contain no '.'); use a trigger and service name of argocd-notifications-cm, such as NotificationSubscription.OnHealthDegraded and \"slack\"."));

    [Fact]
    public Task Valid_subscriptions_are_silent() => Verify.VerifyAsync(
        Sources.Make(templateExtra: "        Notifications = [new(NotificationSubscription.OnHealthDegraded, \"slack\", \"oncall\", \"team\")],"));
}
