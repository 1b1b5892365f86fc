using System;
using System.Collections.Generic;
using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>
/// A Kubernetes label selector (<c>matchLabels</c> + <c>matchExpressions</c> with In, NotIn, Exists,
/// DoesNotExist, all ANDed). The Cluster generator's selector uses the standard validation (label values
/// must be valid label values); the generator-level post selector validates keys only, so values such as
/// URLs work (applicationset/utils/selector.go). The syntax rules are <see cref="KubernetesNames"/>; the messages
/// are Kubernetes' own.
/// </summary>
internal sealed class LabelSelector
{
    private readonly List<Requirement> _requirements;

    private LabelSelector(List<Requirement> requirements, bool isEmpty)
    {
        _requirements = requirements;
        IsEmpty = isEmpty;
    }

    /// <summary>Whether the user wrote no matchLabels and no matchExpressions (matches everything).</summary>
    public bool IsEmpty { get; }

    /// <summary>
    /// Reads a selector node. <paramref name="forcedLabels"/> are added to matchLabels, overwriting user values
    /// (metav1.AddLabelToSelector). Returns null with an error message when the selector is invalid.
    /// </summary>
    public static LabelSelector? TryParse(YamlNode? node, bool validateValues, out string? error, IReadOnlyDictionary<string, string>? forcedLabels = null)
    {
        error = null;
        var requirements = new List<Requirement>();
        var matchLabels = new List<KeyValuePair<string, string>>();
        var userWroteAny = false;
        if (node is YamlMapping selector)
        {
            if (selector["matchLabels"] is YamlMapping labels)
            {
                foreach (var entry in labels)
                {
                    userWroteAny = true;
                    matchLabels.Add(new KeyValuePair<string, string>(entry.Key, ScalarText(entry.Value)));
                }
            }

            if (selector["matchExpressions"] is YamlSequence expressions)
            {
                foreach (var item in expressions)
                {
                    userWroteAny = true;
                    var expression = item as YamlMapping;
                    var key = ScalarText(expression?["key"]);
                    var op = ScalarText(expression?["operator"]);
                    var values = new List<string>();
                    if (expression?["values"] is YamlSequence valueNodes)
                    {
                        foreach (var v in valueNodes) values.Add(ScalarText(v));
                    }

                    Operator parsed;
                    switch (op)
                    {
                        case "In": parsed = Operator.In; break;
                        case "NotIn": parsed = Operator.NotIn; break;
                        case "Exists": parsed = Operator.Exists; break;
                        case "DoesNotExist": parsed = Operator.DoesNotExist; break;
                        default:
                            error = "\"" + op + "\" is not a valid label selector operator";
                            return null;
                    }

                    if (!TryRequirement(key, parsed, values, validateValues, requirements, out error)) return null;
                }
            }
        }
        else if (node is not null && node is not YamlScalar { Kind: ScalarKind.Null })
        {
            error = "the selector is not a mapping";
            return null;
        }

        if (forcedLabels is not null)
        {
            foreach (var forced in forcedLabels)
            {
                matchLabels.RemoveAll(l => l.Key == forced.Key);
                matchLabels.Add(forced);
            }
        }

        foreach (var label in matchLabels)
        {
            if (!TryRequirement(label.Key, Operator.In, new List<string> { label.Value }, validateValues, requirements, out error)) return null;
        }

        return new LabelSelector(requirements, !userWroteAny);
    }

    /// <summary>Whether a label set satisfies every requirement.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var requirement in _requirements)
        {
            var has = labels.TryGetValue(requirement.Key, out var value);
            bool ok;
            switch (requirement.Operator)
            {
                case Operator.In:
                    ok = has && requirement.Values.Contains(value!);
                    break;
                case Operator.NotIn:
                    ok = !has || !requirement.Values.Contains(value!);
                    break;
                case Operator.Exists:
                    ok = has;
                    break;
                default:
                    ok = !has;
                    break;
            }

            if (!ok) return false;
        }

        return true;
    }

    private static bool TryRequirement(string key, Operator op, List<string> values, bool validateValues, List<Requirement> into, out string? error)
    {
        error = ValidateQualifiedName(key);
        if (error is not null)
        {
            error = "key: Invalid value: \"" + key + "\": " + error;
            return false;
        }

        if ((op == Operator.In || op == Operator.NotIn) && values.Count == 0)
        {
            error = "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty";
            return false;
        }

        if ((op == Operator.Exists || op == Operator.DoesNotExist) && values.Count != 0)
        {
            error = "values: Invalid value: [\"" + string.Join("\", \"", values) + "\"]: values set must be empty for exists and does not exist";
            return false;
        }

        if (validateValues)
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (!KubernetesNames.IsLabelValue(values[i]))
                {
                    error = "values[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "][" + key + "]: Invalid value: \"" + values[i] + "\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (at most 63 characters)";
                    return false;
                }
            }
        }

        into.Add(new Requirement(key, op, new HashSet<string>(values, StringComparer.Ordinal)));
        return true;
    }

    // k8s IsQualifiedName: optional DNS-subdomain prefix and '/', then a name part of at most 63 characters.
    private static string? ValidateQualifiedName(string key)
    {
        var parts = key.Split('/');
        string name;
        if (parts.Length == 1)
        {
            name = parts[0];
        }
        else if (parts.Length == 2)
        {
            var prefix = parts[0];
            if (prefix.Length == 0) return "prefix part must be non-empty";
            if (!KubernetesNames.IsDnsSubdomain(prefix)) return "prefix part must be a lowercase RFC 1123 subdomain";
            name = parts[1];
        }
        else
        {
            return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/'";
        }

        if (name.Length == 0) return "name part must be non-empty";
        if (name.Length > KubernetesNames.MaxLabelLength) return "name part must be no more than 63 characters";
        if (!KubernetesNames.IsLabelName(name)) return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
        return null;
    }

    private static string ScalarText(YamlNode? node) => node switch
    {
        YamlScalar { Kind: ScalarKind.Null } => string.Empty,
        YamlScalar s => s.Value,
        _ => string.Empty,
    };

    private enum Operator
    {
        In,
        NotIn,
        Exists,
        DoesNotExist,
    }

    private sealed class Requirement
    {
        public Requirement(string key, Operator op, HashSet<string> values)
        {
            Key = key;
            Operator = op;
            Values = values;
        }

        public string Key { get; }
        public Operator Operator { get; }
        public HashSet<string> Values { get; }
    }
}
