namespace HubDsl.Core.Templating;

/// <summary>Go parameter types of template functions; argument conversion and its errors depend on them.</summary>
internal enum ParamType
{
    /// <summary>interface{}</summary>
    Any,
    /// <summary>reflect.Value: the builtins receive the raw value, invalid or not.</summary>
    Value,
    String,
    Int,
    Int64,
    /// <summary>uint32 (derivePassword's counter): only an unsigned integer constant converts to it.</summary>
    Uint32,
    /// <summary>*semver.Version (the argument of a Version's Compare, LessThan, ...).</summary>
    SemverVersion,
    Float64,
    Bool,
    /// <summary>map[string]interface{}</summary>
    MapStringAny,
    /// <summary>[]string</summary>
    StringSlice,
}
