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
    Float64,
    Bool,
    /// <summary>map[string]interface{}</summary>
    MapStringAny,
    /// <summary>[]string</summary>
    StringSlice,
}
