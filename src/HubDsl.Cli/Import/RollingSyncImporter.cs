using System.Globalization;
using System.Text.RegularExpressions;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Import;

/// <summary>
/// Reads an ApplicationSet's <c>spec.strategy</c> into a <c>RollingSync</c>, with Argo CD's reading of it
/// (applicationset progressive sync: <c>IsRollingSyncStrategy</c>, <c>RollingSyncStrategyEnabled</c>,
/// <c>IsDeletionOrderReversed</c>): only <c>type: RollingSync</c> with a non-empty <c>rollingSync.steps</c> rolls out;
/// anything else syncs all at once and imports as nothing. A step the DSL cannot express leaves the whole strategy
/// out (listed), because dropping one expression would change which Applications the step syncs.
/// </summary>
internal static class RollingSyncImporter
{
    private const string Path = "spec.strategy";

    // intstr.GetScaledValueFromIntOrPercent accepts a string only as "<int>%"; the DSL writes digits and a percent sign.
    private static readonly Regex Percent = new("^[0-9]{1,9}%$", RegexOptions.CultureInvariant);

    /// <summary>The rollout, or null for all at once (or when it cannot be expressed: then listed through <paramref name="skip"/>).</summary>
    public static ImportedRollout? Read(YamlNode? strategy, Action<string, string> skip)
    {
        if (strategy is null or YamlScalar { Kind: ScalarKind.Null }) return null;
        if (strategy is not YamlMapping mapping)
        {
            skip(Path, "not a mapping; Argo CD rejects such an ApplicationSet");
            return null;
        }

        foreach (var key in mapping.Keys.Where(k => k is not ("type" or "rollingSync" or "deletionOrder")).ToList()) skip(Path + "." + key, "not part of an ApplicationSet strategy (type, rollingSync, deletionOrder)");
        var type = Scalar(mapping["type"]) ?? string.Empty;
        if (type is not ("" or "AllAtOnce" or "RollingSync"))
        {
            skip(Path + ".type", "'" + type + "' is not a strategy Argo CD knows (AllAtOnce or RollingSync); it syncs such an ApplicationSet all at once, and so does the import");
            return null;
        }

        var steps = (mapping["rollingSync"] as YamlMapping)?["steps"] as YamlSequence;
        if (type != "RollingSync" || steps is null || steps.Count == 0) return null;
        foreach (var key in ((YamlMapping)mapping["rollingSync"]!).Keys.Where(k => k != "steps").ToList()) skip(Path + ".rollingSync." + key, "the DSL's RollingSync has only steps");

        var imported = new List<ImportedRolloutStep>();
        for (var i = 0; i < steps.Count; i++)
        {
            var stepPath = Path + ".rollingSync.steps[" + i + "]";
            if (steps[i] is not YamlMapping step)
            {
                skip(stepPath, "a step is a mapping of matchExpressions and maxUpdate; the whole strategy is left out, so the ApplicationSet syncs all at once. Declare a RollingSync member by hand");
                return null;
            }

            foreach (var key in step.Keys.Where(k => k is not ("matchExpressions" or "maxUpdate")).ToList()) skip(stepPath + "." + key, "the DSL's RollingSyncStep has only MatchExpressions and MaxUpdate");
            var expressions = new List<LabelRequirementModel>();
            var items = step["matchExpressions"] as YamlSequence ?? new YamlSequence();
            for (var j = 0; j < items.Count; j++)
            {
                var expressionPath = stepPath + ".matchExpressions[" + j + "]";
                var expression = items[j] as YamlMapping;
                var key = Scalar(expression?["key"]);
                var op = Scalar(expression?["operator"]);
                if (expression is null || key is null || op is not ("In" or "NotIn"))
                {
                    // Argo CD's labelMatchedExpression selects nothing by any other operator, and buildAppDependencyList
                    // still selects an Application without the label: no LabelExpression says that.
                    skip(expression is not null && key is not null ? expressionPath + ".operator" : expressionPath,
                        (expression is null || key is null ? "not a label expression (key, operator In or NotIn, values)" : "the operator '" + op + "' is not one a RollingSync step can use (In or NotIn)") +
                        "; the whole strategy is left out rather than guessed, so the ApplicationSet syncs all at once. Declare a RollingSync member by hand");
                    return null;
                }

                foreach (var extra in expression.Keys.Where(k => k is not ("key" or "operator" or "values")).ToList()) skip(expressionPath + "." + extra, "not part of a RollingSync match expression");
                var values = expression["values"] is YamlSequence list ? list.Select(Scalar).Where(v => v is not null).Select(v => v!).ToList() : new List<string>();
                expressions.Add(new LabelRequirementModel(key, op, values.ToEquatableArray()));
            }

            imported.Add(new ImportedRolloutStep(expressions, MaxUpdate(step["maxUpdate"], stepPath + ".maxUpdate", skip)));
        }

        var deletionOrder = Scalar(mapping["deletionOrder"]);
        if (deletionOrder is not null && string.Equals(deletionOrder, "Reverse", StringComparison.OrdinalIgnoreCase))
        {
            skip(Path + ".deletionOrder", "the DSL's RollingSync has no deletion order: 'Reverse' (delete the Applications step by step, the last step first, when the ApplicationSet is deleted) is left out, so they are deleted all at once. Keep this ApplicationSet in YAML if the order matters");
        }

        return new ImportedRollout(imported);
    }

    // A count (a YAML integer) or a percentage; the DSL's MaxUpdate is the text the build writes back as either.
    private static string? MaxUpdate(YamlNode? node, string path, Action<string, string> skip)
    {
        switch (node)
        {
            case null or YamlScalar { Kind: ScalarKind.Null }:
                return null;
            case YamlScalar { Kind: ScalarKind.Int } count when int.TryParse(count.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                return n.ToString(CultureInfo.InvariantCulture);
            case YamlScalar { Kind: ScalarKind.String } percent when Percent.IsMatch(percent.Value):
                return percent.Value;
            default:
                // Argo CD's UpdateApplicationSetApplicationStatusProgress lets an invalid text value update one
                // Application at a time; a number in quotes is such a value. The DSL cannot write it back as it was.
                skip(path, "'" + (node as YamlScalar)?.Value + "' is neither a count nor a percentage (a quoted number is text, which Argo CD reads as one at a time); it is left out, so the step updates all its Applications at once. Set MaxUpdate by hand");
                return null;
        }
    }

    private static string? Scalar(YamlNode? node) => node is YamlScalar { Kind: not ScalarKind.Null } s ? s.Value : null;
}
