namespace HubDsl.Cli.Runtime;

/// <summary>
/// Kubernetes' label key and value syntax, checked before anything is sent, with the same rules the analyzers use
/// (HubDsl.Core.Validation.LabelRules, HUB012).
/// </summary>
public static class LabelRules
{
    /// <summary>Throws a user error when the key or value is not a valid label.</summary>
    public static void Validate(string key, string? value, string option)
    {
        if (Core.Validation.LabelRules.KeyProblem(key) is { } keyProblem) throw new UserInputException(option + ": '" + key + "' is not a valid label key: " + keyProblem);
        if (value is not null && Core.Validation.LabelRules.ValueProblem(value) is { } valueProblem) throw new UserInputException(option + ": '" + value + "' is not a valid label value for '" + key + "': " + valueProblem);
    }

    /// <summary>Whether the key is valid.</summary>
    public static bool IsValidKey(string key) => Core.Validation.LabelRules.KeyProblem(key) is null;

    /// <summary>Whether the value is valid.</summary>
    public static bool IsValidValue(string value) => Core.Validation.LabelRules.ValueProblem(value) is null;
}
