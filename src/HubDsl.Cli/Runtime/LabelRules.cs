using System.Text.RegularExpressions;

namespace HubDsl.Cli.Runtime;

/// <summary>Kubernetes' label key and value syntax, checked before anything is sent.</summary>
public static partial class LabelRules
{
    /// <summary>Throws a user error when the key or value is not a valid label.</summary>
    public static void Validate(string key, string? value, string option)
    {
        if (!IsValidKey(key)) throw new UserInputException(option + ": '" + key + "' is not a valid label key (an optional DNS-subdomain prefix and '/', then up to 63 of [A-Za-z0-9-_.], starting and ending alphanumeric)");
        if (value is not null && !IsValidValue(value)) throw new UserInputException(option + ": '" + value + "' is not a valid label value for '" + key + "' (up to 63 of [A-Za-z0-9-_.], starting and ending alphanumeric, or empty)");
    }

    /// <summary>Whether the key is valid.</summary>
    public static bool IsValidKey(string key)
    {
        var slash = key.IndexOf('/');
        var name = slash < 0 ? key : key.Substring(slash + 1);
        if (slash >= 0)
        {
            var prefix = key.Substring(0, slash);
            if (prefix.Length == 0 || prefix.Length > 253 || !Subdomain().IsMatch(prefix)) return false;
        }

        return name.Length is > 0 and <= 63 && Name().IsMatch(name);
    }

    /// <summary>Whether the value is valid.</summary>
    public static bool IsValidValue(string value) => value.Length == 0 || (value.Length <= 63 && Name().IsMatch(value));

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();
}
