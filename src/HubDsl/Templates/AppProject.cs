using System.Collections.Generic;

namespace HubDsl;

/// <summary>
/// The ApplicationSet's own Argo CD project. The build writes an AppProject that allows only the template's source
/// repository, only the destinations (server and namespace) of the clusters the ApplicationSet targets, and only the
/// cluster-scoped kinds it needs (Namespace with <c>CreateNamespace=true</c>); the Applications use it instead of
/// <c>default</c>. Declare <see cref="SourceRepos"/> or <see cref="Destinations"/> to set limits yourself: HUB018
/// reports an ApplicationSet that reaches outside them.
/// </summary>
public sealed class AppProject
{
    /// <param name="name">The AppProject name.</param>
    public AppProject(string name) => Name = name;

    /// <summary>The AppProject name.</summary>
    public string Name { get; }

    /// <summary>A description shown in Argo CD.</summary>
    public string? Description { get; init; }

    /// <summary>Allowed source repositories; empty means exactly the template's repository.</summary>
    public IReadOnlyList<string> SourceRepos { get; init; } = new string[0];

    /// <summary>Allowed destinations; empty means exactly the targeted clusters with the template's namespace.</summary>
    public IReadOnlyList<ProjectDestination> Destinations { get; init; } = new ProjectDestination[0];
}

/// <summary>An AppProject destination: a server URL and a namespace (each may be <c>*</c>).</summary>
/// <param name="Server">The API server URL.</param>
/// <param name="Namespace">The namespace.</param>
public sealed record ProjectDestination(string Server, string Namespace);
