using HubDsl.Core.Yaml;

namespace HubDsl.Core.Model;

/// <summary>
/// An ApplicationSet's declared AppProject: its name and the limits the user set (empty lists mean "derive them
/// from the ApplicationSet").
/// </summary>
public sealed record AppProjectModel(string Name, string? Description, EquatableArray<string> SourceRepos, EquatableArray<StringPair> Destinations)
{
    /// <summary>Where the project was declared (analyzers only).</summary>
    public SourceSpan? Origin { get; init; }
}
