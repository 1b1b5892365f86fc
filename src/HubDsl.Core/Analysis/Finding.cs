using System.Collections.Generic;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Analysis;

/// <summary>
/// One problem in a fleet: its diagnostic ID, a message naming the declaration, the cluster(s) and the fix, and
/// where in the user's source it is. <see cref="Properties"/> carry data for code fixes.
/// </summary>
public sealed record Finding(string Id, string Message, SourceSpan? Origin)
{
    /// <summary>
    /// The class of the declaration whose model gives the finding its place (<see cref="Origin"/>): binding that
    /// declaration with source spans places the finding. Set by <see cref="FleetValidator"/>.
    /// </summary>
    public string? Declaration { get; init; }

    /// <summary>Data for code fixes (for example the corrected text).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
}
