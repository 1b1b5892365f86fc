using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Generators.Exports;

/// <summary>Whether a project records the values of its public declarations, and if not, why.</summary>
internal enum Recording
{
    /// <summary>It records them.</summary>
    Records,

    /// <summary>It declares a fleet and <c>HubDslRecordValues</c> is not set: off by default.</summary>
    OffInFleet,

    /// <summary><c>HubDslRecordValues</c> is false.</summary>
    OffByProperty,

    /// <summary>The HubDsl library it references has no attribute to record with (an older version).</summary>
    Unavailable,
}

/// <summary>
/// The <c>HubDslRecordValues</c> build property (compiler-visible through HubDsl.props): <c>true</c> records,
/// <c>false</c> does not, unset records unless the project declares a <c>[Fleet]</c>, <c>[ApplicationSet]</c> or
/// <c>[Hub]</c>. Values are recorded for projects that reference this one, which cannot be known while compiling
/// it; a class library of values records and shared clusters is what they reference, and a fleet, whose clusters
/// would be most of the record (a 1,000-cluster fleet: BENCHMARKS.md), rarely is.
/// </summary>
internal static class RecordingSetting
{
    public const string BuildProperty = "build_property." + Evaluation.ReferencedValues.Property;

    /// <summary>
    /// The property's value, read as MSBuild reads a boolean (true, on, yes, and their negations with '!', in any
    /// case), so the property means here what it means in a condition; null when it is unset or not a boolean
    /// (the build refuses those: HubDsl.props).
    /// </summary>
    public static bool? Read(AnalyzerConfigOptions options) =>
        options.TryGetValue(BuildProperty, out var text) ? Parse(text) : null;

    public static bool? Parse(string text)
    {
        var value = text.Trim().ToLowerInvariant();
        var negated = value.StartsWith("!", System.StringComparison.Ordinal);
        if (negated) value = value.Substring(1);
        bool? parsed = value switch
        {
            "true" or "on" or "yes" => true,
            "false" or "off" or "no" => false,
            _ => null,
        };
        return negated ? !parsed : parsed;
    }

    public static Recording Decide(bool? property, bool declaresFleet) => property switch
    {
        true => Recording.Records,
        false => Recording.OffByProperty,
        null => declaresFleet ? Recording.OffInFleet : Recording.Records,
    };
}
