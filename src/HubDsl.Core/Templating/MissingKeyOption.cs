namespace HubDsl.Core.Templating;

/// <summary>Go's <c>missingkey=</c> template option.</summary>
public enum MissingKeyOption
{
    /// <summary>Same as <see cref="Invalid"/>: a missing key yields "no value" (printed <c>&lt;no value&gt;</c>).</summary>
    Default,
    Invalid,
    /// <summary>A missing key yields the map's element zero value (<c>""</c> for map[string]string, nil for map[string]interface{}).</summary>
    Zero,
    /// <summary>A missing key in a field path fails execution.</summary>
    Error,
}
