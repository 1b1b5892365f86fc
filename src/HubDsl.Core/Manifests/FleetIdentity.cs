using System.Text;

namespace HubDsl.Core.Manifests;

/// <summary>
/// The identity of one HubDsl project on a hub (one hub serves several teams and repositories): the name part of
/// the label <c>fleet.hubdsl.io/&lt;id&gt;</c> on every hub object the project generates, so that
/// <c>hubdsl apply --prune</c> touches only its own objects and each project applies as its own field manager.
/// Declared with the MSBuild property <c>HubDslFleet</c>, else derived from the assembly name.
/// </summary>
public static class FleetIdentity
{
    /// <summary>The MSBuild property that declares the identity.</summary>
    public const string PropertyName = "HubDslFleet";

    /// <summary>The key the compiler passes the property under (CompilerVisibleProperty).</summary>
    public const string BuildPropertyKey = "build_property." + PropertyName;

    /// <summary>A label name segment (Kubernetes: at most 63 characters).</summary>
    public const int MaxLength = 63;

    // The id used when an assembly name has no usable character at all (e.g. only non-ASCII letters).
    private const string Fallback = "fleet";

    /// <summary>
    /// The fleet id: the declared one when it is valid, else the one derived from the assembly name. (An invalid
    /// declared value is reported as HUB023 by the analyzers; the build fails, so the fallback is never written.)
    /// </summary>
    public static string Resolve(string? declared, string? assemblyName) =>
        !string.IsNullOrWhiteSpace(declared) && Problem(declared!) is null ? declared! : FromAssemblyName(assemblyName);

    /// <summary>Why a declared fleet id is invalid (with the fix), or null when it is valid.</summary>
    public static string? Problem(string id)
    {
        if (id.Length == 0) return "it is empty";
        if (id.Length > MaxLength) return "it has " + id.Length + " characters; at most " + MaxLength + " are allowed (a label name), e.g. '" + Normalize(id) + "'";
        foreach (var c in id)
        {
            if (!IsAllowed(c)) return "it may contain only lower-case letters, digits, '-', '_' and '.' (found '" + c + "'), e.g. '" + Normalize(id) + "'";
        }

        if (!IsAlphanumeric(id[0]) || !IsAlphanumeric(id[id.Length - 1])) return "it must start and end with a lower-case letter or digit, e.g. '" + Normalize(id) + "'";
        return null;
    }

    /// <summary>
    /// A valid fleet id derived from an assembly name: lower case, every other character '-', trimmed to a letter or
    /// digit at both ends; longer than 63 characters, it keeps a prefix and appends a hash of the whole name, so two
    /// long names that share a prefix stay two fleets.
    /// </summary>
    public static string FromAssemblyName(string? assemblyName) => Normalize(assemblyName ?? string.Empty);

    /// <summary>The label key that marks an object as this fleet's.</summary>
    public static string LabelKey(string id) => ManifestLabels.FleetKeyPrefix + id;

    private static string Normalize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant()) text.Append(IsAllowed(c) ? c : '-');
        var trimmed = Trim(text.ToString());
        if (trimmed.Length == 0) return name.Length == 0 ? Fallback : Fallback + "-" + Hash(name);
        if (trimmed.Length <= MaxLength) return trimmed;
        var suffix = "-" + Hash(name);
        return Trim(trimmed.Substring(0, MaxLength - suffix.Length)) + suffix;
    }

    private static string Trim(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && !IsAlphanumeric(text[start])) start++;
        while (end > start && !IsAlphanumeric(text[end - 1])) end--;
        return text.Substring(start, end - start);
    }

    private static bool IsAlphanumeric(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';

    private static bool IsAllowed(char c) => IsAlphanumeric(c) || c is '-' or '_' or '.';

    // FNV-32a of the UTF-8 name, 8 hex digits: stable across runs and platforms (string.GetHashCode is not).
    private static string Hash(string name)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash ^= b;
            hash *= 16777619u;
        }

        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
