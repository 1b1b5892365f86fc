using System.Text.RegularExpressions;

namespace HubDsl.Core.Validation;

/// <summary>
/// Kubernetes naming rules (apimachinery pkg/util/validation: <c>IsDNS1123Subdomain</c>, <c>IsDNS1123Label</c>,
/// <c>IsQualifiedName</c>, <c>IsValidLabelValue</c>): the one implementation of them, used by the binders, the
/// renderer's label selectors and post-render validation, the analyzers (<see cref="LabelRules"/>) and the CLI.
/// </summary>
public static class KubernetesNames
{
    /// <summary>The longest label name part or label value.</summary>
    public const int MaxLabelLength = 63;

    /// <summary>The longest DNS subdomain (object names, label key prefixes).</summary>
    public const int MaxSubdomainLength = 253;

    // \z, not $: .NET's $ also matches before a final line break, Go's (apimachinery's) does not.
    private static readonly Regex DnsSubdomain = new(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z", RegexOptions.CultureInvariant);
    private static readonly Regex DnsLabel = new(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?\z", RegexOptions.CultureInvariant);
    private static readonly Regex LabelName = new(@"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\z", RegexOptions.CultureInvariant);
    private static readonly Regex FileSegment = new(@"^[A-Za-z0-9_.-]+\z", RegexOptions.CultureInvariant);

    /// <summary>A lowercase RFC 1123 subdomain of at most 253 characters (object names such as Applications).</summary>
    public static bool IsDnsSubdomain(string value) => value.Length is > 0 and <= MaxSubdomainLength && DnsSubdomain.IsMatch(value);

    /// <summary>A lowercase RFC 1123 label of at most 63 characters (namespaces).</summary>
    public static bool IsDnsLabel(string value) => value.Length is > 0 and <= MaxLabelLength && DnsLabel.IsMatch(value);

    /// <summary>
    /// The name part of a qualified name (a label key after its optional <c>prefix/</c>), and a non-empty label value:
    /// 1 to 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit.
    /// </summary>
    public static bool IsLabelName(string value) => value.Length is > 0 and <= MaxLabelLength && LabelName.IsMatch(value);

    /// <summary>A label value: empty, or a <see cref="IsLabelName">label name</see>.</summary>
    public static bool IsLabelValue(string value) => value.Length == 0 || IsLabelName(value);

    /// <summary>Safe as one segment of a file name.</summary>
    public static bool IsValidFileSegment(string value) => value.Length > 0 && value != "." && value != ".." && FileSegment.IsMatch(value);
}
