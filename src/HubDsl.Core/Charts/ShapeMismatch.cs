using HubDsl.Core.Yaml;

namespace HubDsl.Core.Charts;

/// <summary>A value whose shape contradicts the chart's default (a string where values.yaml has a map or a list), in a chart without a schema.</summary>
public sealed record ShapeMismatch(ValuesPath Path, SourceSpan? Origin, string Expected, string Actual)
{
    /// <summary>The message: what the chart's values.yaml has there, and what the values give.</summary>
    public string Message => "'" + Path + "' is " + Article(Actual) + " where the chart's values.yaml has " + Article(Expected) + "; the chart's templates expect " + Article(Expected) + " there.";

    private static string Article(string shape) => (shape.Length > 0 && "aeiou".IndexOf(shape[0]) >= 0 ? "an " : "a ") + shape;

    /// <inheritdoc/>
    public override string ToString() => Message;
}
