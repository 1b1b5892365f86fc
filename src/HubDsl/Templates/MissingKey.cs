namespace HubDsl;

/// <summary>goTemplate's <c>missingkey</c> option (<c>goTemplateOptions</c>).</summary>
public enum MissingKey
{
    /// <summary>No option: a missing key prints <c>&lt;no value&gt;</c>.</summary>
    Default,
    /// <summary><c>missingkey=zero</c>.</summary>
    Zero,
    /// <summary><c>missingkey=error</c>: a missing key fails the render (recommended).</summary>
    Error,
}
