namespace HubDsl.Core.Yaml;

/// <summary>What a scalar means; a <see cref="ScalarKind.String"/> is always written so it reads back as a string.</summary>
public enum ScalarKind
{
    /// <summary>A string, quoted whenever YAML 1.1 or 1.2 would read it as anything else.</summary>
    String,
    /// <summary>An integer, written as-is.</summary>
    Int,
    /// <summary>A floating-point number, written as-is.</summary>
    Float,
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,
    /// <summary><c>null</c>.</summary>
    Null,
}
