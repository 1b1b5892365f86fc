using HubDsl.Core.Model;

namespace HubDsl.Core.Charts;

/// <summary>
/// One entry of <c>dependencies:</c> in Chart.yaml. Its values sit under <see cref="ValuesKey"/> (the alias when set,
/// as Helm's getAliasDependency renames the chart), <see cref="Condition"/> paths and <see cref="Tags"/> are read by
/// Helm itself, and <see cref="ImportValues"/> copies child values into the parent.
/// </summary>
public sealed record ChartDependency(string Name, string? Alias, string? Condition, string? Repository)
{
    /// <summary>The key of the subchart's values in the parent's values: the alias, else the name.</summary>
    public string ValuesKey => string.IsNullOrEmpty(Alias) ? Name : Alias!;

    /// <summary>The <c>tags:</c> that enable or disable it (read from the top-level <c>tags</c> map).</summary>
    public EquatableArray<string> Tags { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// <c>import-values:</c> as pairs: the child's path (relative to the child's values) and the parent's path
    /// (relative to the parent's values). The string form <c>- data</c> is <c>exports.data</c> imported at the top.
    /// </summary>
    public EquatableArray<StringPair> ImportValues { get; init; } = EquatableArray<StringPair>.Empty;
}
