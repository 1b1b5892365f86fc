using System.Collections.Generic;

namespace HubDsl;

/// <summary>
/// The Application each targeted cluster gets (<c>spec.template</c>). Strings may use <see cref="Param"/>.
/// </summary>
public sealed class ApplicationTemplate
{
    /// <param name="name">The Application name, e.g. <c>$"agent-{Param.Name}"</c>. Must render to a lowercase RFC 1123 name.</param>
    public ApplicationTemplate(string name) => Name = name;

    /// <summary>The Application name.</summary>
    public string Name { get; }

    /// <summary>Labels of the generated Applications (RollingSync steps match them).</summary>
    public Dictionary<string, string> Labels { get; } = new Dictionary<string, string>();

    /// <summary>Annotations of the generated Applications.</summary>
    public Dictionary<string, string> Annotations { get; } = new Dictionary<string, string>();

    /// <summary>
    /// Argo CD notifications subscriptions of the generated Applications, written as their
    /// <c>notifications.argoproj.io/subscribe.&lt;trigger&gt;.&lt;service&gt;</c> annotations.
    /// </summary>
    public IReadOnlyList<NotificationSubscription> Notifications { get; init; } = new NotificationSubscription[0];

    /// <summary>
    /// Finalizers. Argo CD adds <see cref="HubDsl.Finalizers.ResourcesFinalizer"/> itself when none are set and
    /// the ApplicationSet does not preserve resources on deletion.
    /// </summary>
    public IReadOnlyList<string> Finalizers { get; init; } = new string[0];

    /// <summary>The AppProject (<c>spec.project</c>). Default <c>default</c>.</summary>
    public string Project { get; init; } = "default";

    /// <summary>Where the Application deploys.</summary>
    public Destination Destination { get; init; } = new Destination(Param.Server, "default");

    /// <summary>The Helm chart source.</summary>
    public HelmSource? Source { get; init; }

    /// <summary>How the Application syncs.</summary>
    public SyncPolicy? SyncPolicy { get; init; }
}
