namespace HubDsl.Core.Validation;

/// <summary>
/// Kubernetes label syntax (apimachinery validation.IsQualifiedName and IsValidLabelValue, by
/// <see cref="KubernetesNames"/>), with HubDsl's messages: what is wrong and what is allowed (HUB012, the CLI's options).
/// </summary>
public static class LabelRules
{
    /// <summary>Why a label key is invalid, or null when it is valid.</summary>
    public static string? KeyProblem(string key)
    {
        var slash = key.IndexOf('/');
        var name = slash < 0 ? key : key.Substring(slash + 1);
        if (slash >= 0)
        {
            var prefix = key.Substring(0, slash);
            if (prefix.Length == 0) return "the prefix before '/' is empty";
            if (!KubernetesNames.IsDnsSubdomain(prefix)) return "the prefix '" + prefix + "' must be a lowercase DNS subdomain of at most 253 characters";
        }

        if (name.Length == 0) return "the name part is empty";
        if (name.Length > KubernetesNames.MaxLabelLength) return "the name part has " + name.Length + " characters; at most 63 are allowed";
        if (!KubernetesNames.IsLabelName(name)) return "the name part '" + name + "' must start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'";
        return null;
    }

    /// <summary>Why a label value is invalid, or null when it is valid (empty is valid).</summary>
    public static string? ValueProblem(string value)
    {
        if (value.Length == 0) return null;
        if (value.Length > KubernetesNames.MaxLabelLength) return "it has " + value.Length + " characters; at most 63 are allowed";
        if (!KubernetesNames.IsLabelValue(value)) return "it must start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'";
        return null;
    }
}
