using HubDsl.Core.Yaml;

namespace HubDsl.Core.Declarations;

/// <summary>
/// One static member of a declaration class, evaluated. <see cref="ValuesEnvironment"/> is set for
/// <c>[Values]</c> members: "" for the defaults, else the environment.
/// </summary>
public sealed record DslMember(string Name, string TypeName, DslValue Value, string? ValuesEnvironment, SourceSpan? Origin)
{
    /// <summary>For a <c>[Values]</c> member of a <c>[ChartValues]</c> record: the record's defaults (<c>new T()</c>), which are the chart's own; else null.</summary>
    public DslValue? ChartBase { get; init; }
}
