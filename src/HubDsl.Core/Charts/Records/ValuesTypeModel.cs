namespace HubDsl.Core.Charts.Records;

/// <summary>The type of a generated property: a kind, nullability, the element type of lists and maps, the record of a nested map.</summary>
public sealed record ValuesTypeModel(ValuesTypeKind Kind, bool Nullable)
{
    /// <summary>The element type of a list or the value type of a map.</summary>
    public ValuesTypeModel? Element { get; init; }

    /// <summary>The nested record of a <see cref="ValuesTypeKind.Record"/>.</summary>
    public ValuesRecordModel? Record { get; init; }
}
