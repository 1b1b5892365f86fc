namespace HubDsl.Core.Charts.Records;

/// <summary>What a generated values property holds.</summary>
public enum ValuesTypeKind
{
    /// <summary><c>string</c>.</summary>
    String,
    /// <summary><c>int</c>.</summary>
    Int,
    /// <summary><c>long</c> (an integer default beyond int).</summary>
    Long,
    /// <summary><c>double</c>.</summary>
    Double,
    /// <summary><c>bool</c>.</summary>
    Bool,
    /// <summary>A nested generated record (a map whose keys are the chart's settings).</summary>
    Record,
    /// <summary><c>IReadOnlyList&lt;T&gt;</c>.</summary>
    List,
    /// <summary><c>IReadOnlyDictionary&lt;string, T&gt;</c> (a free-form map: annotations, labels, <c>{}</c> slots).</summary>
    Map,
    /// <summary><c>object</c>: nothing tells the type (a null default without schema or doc hint, mixed lists).</summary>
    Any,
}
