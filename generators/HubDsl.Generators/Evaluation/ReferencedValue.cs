using HubDsl.Core.Declarations;

namespace HubDsl.Generators.Evaluation;

/// <summary>
/// The value of a declaration made in another assembly: a value, or why it cannot be evaluated, or (for a type
/// whose assembly carries no recorded values) unknown, in which case its properties start at their C# defaults.
/// </summary>
internal sealed class ReferencedValue
{
    private ReferencedValue(DslValue? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public static ReferencedValue Unknown { get; } = new(null, null);

    public DslValue? Value { get; }

    public string? Error { get; }

    public static ReferencedValue Of(DslValue value) => new(value, null);

    public static ReferencedValue Failed(string error) => new(null, error);
}
