using HubDsl.Core.Declarations;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Binding;

/// <summary>Binds a <c>RollingSync</c> to the ApplicationSet's <c>spec.strategy</c>.</summary>
internal static class RollingSyncBinder
{
    public static YamlMapping? Bind(BindingContext context, DslValue value)
    {
        if (value is not DslObject rollout)
        {
            context.Error(value.Origin, "expected new RollingSync(new RollingSyncStep(...), ...).");
            return null;
        }

        var steps = new YamlSequence { Origin = value.Origin };
        foreach (var stepValue in DslReader.List(context, rollout.Find("Steps")?.Value, "RollingSync steps"))
        {
            if (stepValue is not DslObject step) continue;
            var expressions = new YamlSequence();
            foreach (var expressionValue in DslReader.List(context, step.Find("MatchExpressions")?.Value, "MatchExpressions"))
            {
                if (expressionValue is not DslCall { TypeName: DslNames.LabelExpression } call || call.Arguments.Count == 0) continue;
                if (call.Member is not ("In" or "NotIn"))
                {
                    // Argo CD's progressive sync ignores any other operator (the step then selects nothing).
                    context.Error(call.Origin, "RollingSync steps support only LabelExpression.In and LabelExpression.NotIn, not " + call.Member + ".");
                    continue;
                }

                var values = new YamlSequence();
                if (call.Arguments.Count > 1)
                {
                    foreach (var v in DslReader.List(context, call.Arguments[1], "values"))
                    {
                        if (DslReader.String(context, v, "A value") is { } text) values.Add(YamlScalar.String(text));
                    }
                }

                expressions.Add(new YamlMapping()
                    .Set("key", DslReader.String(context, call.Arguments[0], "The label key") ?? string.Empty)
                    .Set("operator", call.Member)
                    .Set("values", values));
            }

            var stepYaml = new YamlMapping { Origin = step.Origin }.Set("matchExpressions", expressions);
            if (DslReader.String(context, step.Find("MaxUpdate")?.Value, "MaxUpdate") is { } maxUpdate)
            {
                stepYaml.Set("maxUpdate", int.TryParse(maxUpdate, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) ? YamlScalar.Int(count) : YamlScalar.String(maxUpdate));
            }

            steps.Add(stepYaml);
        }

        return new YamlMapping().Set("type", "RollingSync").Set("rollingSync", new YamlMapping().Set("steps", steps));
    }
}
