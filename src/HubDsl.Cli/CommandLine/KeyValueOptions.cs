using HubDsl.Core.Validation;

namespace HubDsl.Cli.CommandLine;

/// <summary>
/// Options that take <c>key=value</c> (<c>--label</c>, <c>--annotation</c>) or a label key (<c>--remove-label</c>):
/// label syntax is checked before anything is sent, by the same rules the analyzers use (<see cref="LabelRules"/>,
/// HUB012), and a mistake names the option.
/// </summary>
public static class KeyValueOptions
{
    /// <summary>Parses "k=v" pairs (labels, annotations); a user error names the option.</summary>
    public static Dictionary<string, string> Parse(IEnumerable<string>? values, string option, bool validateLabels)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values ?? Array.Empty<string>())
        {
            var equals = value.IndexOf('=');
            if (equals <= 0) throw new UserInputException(option + " '" + value + "' is not key=value");
            var key = value.Substring(0, equals);
            var text = value.Substring(equals + 1);
            if (validateLabels) CheckLabel(key, text, option);
            pairs[key] = text;
        }

        return pairs;
    }

    /// <summary>Throws a user error naming <paramref name="option"/> when the key (or the value, when given) is not a valid label.</summary>
    public static void CheckLabel(string key, string? value, string option)
    {
        if (LabelRules.KeyProblem(key) is { } keyProblem) throw new UserInputException(option + ": '" + key + "' is not a valid label key: " + keyProblem);
        if (value is not null && LabelRules.ValueProblem(value) is { } valueProblem) throw new UserInputException(option + ": '" + value + "' is not a valid label value for '" + key + "': " + valueProblem);
    }
}
