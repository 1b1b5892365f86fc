using HubDsl.Core.Yaml;

namespace HubDsl.Core.Model;

/// <summary>A Kubernetes label selector: matchLabels and matchExpressions, ANDed. Matching is the renderer's (Manifests.ClusterTargeting).</summary>
public sealed record LabelSelectorModel(EquatableArray<StringPair> MatchLabels, EquatableArray<LabelRequirementModel> MatchExpressions)
{
    /// <summary>The empty selector (matches everything, keeps the in-cluster pseudo-cluster).</summary>
    public static LabelSelectorModel Empty { get; } = new(EquatableArray<StringPair>.Empty, EquatableArray<LabelRequirementModel>.Empty);

    /// <summary>Whether the selector has no requirement at all.</summary>
    public bool IsEmpty => MatchLabels.Count == 0 && MatchExpressions.Count == 0;

    /// <summary>The selector as Kubernetes YAML.</summary>
    public YamlMapping ToYaml()
    {
        var yaml = new YamlMapping();
        if (MatchLabels.Count > 0)
        {
            var labels = yaml.GetOrAddMapping("matchLabels");
            foreach (var pair in MatchLabels) labels.Set(pair.Key, pair.Value);
        }

        if (MatchExpressions.Count > 0)
        {
            var expressions = new YamlSequence();
            foreach (var requirement in MatchExpressions)
            {
                var entry = new YamlMapping().Set("key", requirement.Key).Set("operator", requirement.Operator);
                if (requirement.Values.Count > 0)
                {
                    var values = new YamlSequence();
                    foreach (var v in requirement.Values) values.Add(YamlScalar.String(v));
                    entry.Set("values", values);
                }

                expressions.Add(entry);
            }

            yaml.Set("matchExpressions", expressions);
        }

        return yaml;
    }
}

/// <summary>One matchExpressions entry.</summary>
public sealed record LabelRequirementModel(string Key, string Operator, EquatableArray<string> Values);
